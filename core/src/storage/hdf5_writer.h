// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "storage/hdf5_handle.h"
#include "storage/hdf5_memory_file.h"
#include "storage/hdf5_verification.h"
#include "storage/pending_file.h"

#include <hdf5.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace semrel::h5 {

using Dims = std::vector<hsize_t>;

// Builds an HDF5 file (1.10 format: metadata with checksums) and saves it over `target`: groups,
// attributes and arrays go to a file in memory (MemoryFile), save() writes its bytes to a
// temporary file beside the target (PendingFile), reads that back and checks every field against
// what was written, and only then renames it over the target. Every failure is a DataError
// naming `target` and the field; the target is untouched unless save() returns.
class Writer
{
public:
    // Creates the temporary file at once, so that a folder where nothing can be written is
    // reported before the contents are built.
    explicit Writer(std::string target);

    // Groups list their members in creation order (and by name), so they read back in the
    // order they were written.
    void createGroup(const std::string& field);
    // Scalar root attributes.
    void writeAttribute(const std::string& name, const std::string& value);
    void writeAttribute(const std::string& name, std::int64_t value);
    void writeAttribute(const std::string& name, std::uint64_t value);
    void writeAttribute(const std::string& name, double value);

    // Creates an array; `dims` empty makes a scalar. A non-empty array of rank >= 1 is stored in
    // chunks of about 1 MiB along its first dimension with a Fletcher32 checksum, so damaged
    // data is refused on read, not used.
    Handle createArray(const std::string& field, hid_t fileType, const Dims& dims);
    // Writes rows [first, first + n) of the first dimension of `dataset`; rows must come in
    // order, from the first to the last.
    void writeRows(const Handle& dataset, const std::string& field, hid_t memType, const Dims& dims,
                   hsize_t first, hsize_t n, const void* buffer);
    // createArray + one write of all of it.
    void writeArray(const std::string& field, hid_t fileType, hid_t memType, const Dims& dims,
                    const void* buffer);
    // UTF-8 strings, fixed-length (as long as the longest) and checksummed like the numeric
    // arrays. They may not contain NUL characters.
    void writeStrings(const std::string& field, const std::vector<std::string>& values);
    // Scalar datasets.
    void writeScalar(const std::string& field, double value);
    void writeScalar(const std::string& field, std::int64_t value);
    void writeScalar(const std::string& field, std::uint64_t value);
    void writeScalar(const std::string& field, const std::string& value);

    // Completes the file, writes it beside the target, checks it and replaces the target.
    void save();

    [[noreturn]] void fail(const std::string& field, const std::string& what) const;

private:
    void writeScalarAttribute(const std::string& name, hid_t fileType, hid_t memType,
                              const void* value, std::size_t bytes);
    WrittenField& record(const std::string& object, const std::string& attribute, const Dims& dims,
                         hid_t memType);

    std::string m_target;
    PendingFile m_pending;
    MemoryFile m_memory;
    std::vector<WrittenField> m_written;
    // Arrays being written by rows: their entry in m_written and the rows written so far.
    struct Progress
    {
        std::size_t entry = 0;
        hsize_t rows = 0;
    };
    std::map<std::string, Progress> m_arrays;
};

} // namespace semrel::h5
