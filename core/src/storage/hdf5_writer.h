// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "storage/hdf5_handle.h"

#include <hdf5.h>

#include <cstdint>
#include <string>
#include <vector>

namespace semrel::h5 {

using Dims = std::vector<hsize_t>;

// Creates a new HDF5 file in the 1.10 format (metadata with checksums) and writes groups,
// attributes and arrays to it. Every failure is a DataError naming `origin` (the file the user
// asked for, not the temporary file being written) and the field.
class Writer
{
public:
    // Overwrites `path`: the caller hands in a fresh temporary file (see PendingFile).
    Writer(const std::string& path, std::string origin);

    void createGroup(const std::string& field);
    void writeAttribute(const std::string& name, const std::string& value);
    void writeAttribute(const std::string& name, std::int64_t value);

    // Creates a numeric array. A non-empty one is stored in chunks of about 1 MiB along its first
    // dimension with a Fletcher32 checksum, so damaged data is refused on read, not used.
    Handle createArray(const std::string& field, hid_t fileType, const Dims& dims);
    // Writes rows [first, first + n) of the first dimension of `dataset` from `buffer`.
    void writeRows(const Handle& dataset, const std::string& field, hid_t memType, const Dims& dims,
                   hsize_t first, hsize_t n, const void* buffer);
    // createArray + one write of all of it.
    void writeArray(const std::string& field, hid_t fileType, hid_t memType, const Dims& dims,
                    const void* buffer);
    // UTF-8 strings, fixed-length (as long as the longest) and checksummed like the numeric
    // arrays. They may not contain NUL characters.
    void writeStrings(const std::string& field, const std::vector<std::string>& values);

    // Flushes and closes the file; only a file closed without error is complete.
    void close();

    [[noreturn]] void fail(const std::string& field, const std::string& what) const;

private:
    std::string m_origin;
    Handle m_file;
};

} // namespace semrel::h5
