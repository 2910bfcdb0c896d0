// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "storage/hdf5_handle.h"

#include <cstddef>
#include <cstdlib>
#include <memory>

namespace semrel::h5 {

// An HDF5 file built in memory (the core driver without a backing store), whose bytes are taken
// when it closes. Nothing HDF5 does while writing touches the disk, so a full disk cannot make
// an HDF5 call fail: when H5Fclose fails on a disk error, HDF5 1.10 keeps the half-freed file
// in its tables, and its clean-up at exit crashed on it (SIGSEGV in H5F__close_cb). Writing the
// bytes is then plain write() calls whose every failure we see (PendingFile).
class MemoryFile
{
public:
    // The file in the 1.10 format, whose metadata carries checksums. Throws DataError naming
    // `origin` (the file the user asked for).
    explicit MemoryFile(const std::string& origin);
    ~MemoryFile();
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    hid_t id() const { return m_file.get(); }

    // Closes the file and returns its bytes: the first size() bytes of data() are the complete
    // file. Throws DataError when the close fails.
    void close();
    const unsigned char* data() const { return static_cast<const unsigned char*>(m_image.memory); }
    std::size_t size() const { return m_size; }

    // The memory HDF5 grows through our callbacks, kept when it closes the file.
    struct Image
    {
        void* memory = nullptr;
        std::size_t capacity = 0;
    };

private:
    std::string m_origin;
    Image m_image;
    std::size_t m_size = 0;
    Handle m_file;
};

} // namespace semrel::h5
