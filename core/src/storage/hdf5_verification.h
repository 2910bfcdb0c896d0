// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "storage/hdf5_handle.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace semrel::h5 {

using Dims = std::vector<hsize_t>;

// What was written to one dataset or attribute: enough to check that the file on disk holds it.
struct WrittenField
{
    std::string object;    // the dataset, or the object that holds the attribute ("/": the root)
    std::string attribute; // empty for a dataset
    Dims dims;             // empty for a scalar
    Handle memoryType;     // the memory type it was written from, and is read back with
    std::uint64_t bytes = 0;
    std::uint32_t crc = 0; // CRC-32 (zlib's) of the bytes written, in write order

    std::string name() const { return attribute.empty() ? object : object + " @" + attribute; }
};

// CRC-32 of `bytes` bytes, continuing from `crc` (0 to start).
std::uint32_t crcOf(const void* data, std::size_t bytes, std::uint32_t crc = 0);

// Opens the file at `path` read-only and checks every field: it exists with the shape written,
// and its values, read back with the memory type they were written from, have the CRC-32 and
// size of what was written. Reading also checks every chunk's Fletcher32 checksum and the
// metadata checksums of the 1.10 format. Throws DataError naming the first field that differs.
void verifyWrittenFile(const std::string& path, const std::vector<WrittenField>& fields);

} // namespace semrel::h5
