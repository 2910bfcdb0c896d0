// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "storage/hdf5_memory_file.h"

#include <semrel/errors.h>

#include <cstdint>
#include <cstring>

namespace semrel::h5 {

namespace {

// The core driver grows its buffer by this much at a time.
constexpr std::size_t kIncrement = std::size_t{4} << 20;

// The 1.10 format's superblock (version 3, 8-byte addresses) holds the end-of-file address at
// byte 28: signature (8), version, address size, length size, flags (1 each), base address (8),
// extension address (8), end of file (8). The buffer may be longer than the file.
constexpr std::size_t kVersionAt = 8;
constexpr std::size_t kAddressSizeAt = 9;
constexpr std::size_t kEndOfFileAt = 28;

// Callbacks through which the core driver allocates its buffer. On closing the file it hands
// the buffer to image_free, which keeps it instead (the file's bytes, complete).
struct Callbacks
{
    static void* allocate(std::size_t size, H5FD_file_image_op_t, void*)
    {
        return std::malloc(size);
    }
    static void* copy(void* to, const void* from, std::size_t size, H5FD_file_image_op_t, void*)
    {
        return std::memcpy(to, from, size);
    }
    static void* resize(void* memory, std::size_t size, H5FD_file_image_op_t, void* image)
    {
        void* grown = std::realloc(memory, size);
        if (grown)
            static_cast<MemoryFile::Image*>(image)->capacity = size;
        return grown;
    }
    static herr_t release(void* memory, H5FD_file_image_op_t operation, void* image)
    {
        if (operation == H5FD_FILE_IMAGE_OP_FILE_CLOSE && memory)
            static_cast<MemoryFile::Image*>(image)->memory = memory;
        else
            std::free(memory);
        return 0;
    }
    // The property list is copied into the file; the copy shares our image.
    static void* shareImage(void* image) { return image; }
    static herr_t keepImage(void*) { return 0; }
};

} // namespace

MemoryFile::MemoryFile(const std::string& origin) : m_origin(origin)
{
    silenceErrors();
    Handle access(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
    H5FD_file_image_callbacks_t callbacks = {
        Callbacks::allocate,   Callbacks::copy,      Callbacks::resize, Callbacks::release,
        Callbacks::shareImage, Callbacks::keepImage, &m_image};
    // The 1.10 format checksums every piece of metadata (superblock, object headers, B-trees),
    // so a damaged header is refused on read. Pinning the upper bound keeps files readable by
    // HDF5 1.10 even when we are built against a newer library.
    if (!access.valid() || H5Pset_fapl_core(access.get(), kIncrement, /*backing_store=*/0) < 0 ||
        H5Pset_file_image_callbacks(access.get(), &callbacks) < 0 ||
        H5Pset_libver_bounds(access.get(), H5F_LIBVER_V110, H5F_LIBVER_V110) < 0)
        throw DataError(withLastErrorDetail(m_origin + ": could not set up HDF5 for writing"));
    // The name only labels the file in HDF5's messages: nothing is created on disk.
    m_file = Handle(
        H5Fcreate((origin + " (in memory)").c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access.get()),
        H5Fclose);
    if (!m_file.valid())
        throw DataError(withLastErrorDetail(m_origin + ": could not start the file in memory"));
}

MemoryFile::~MemoryFile()
{
    m_file.reset();
    std::free(m_image.memory);
    clearErrors();
}

void MemoryFile::close()
{
    if (!m_file.close() || !m_image.memory)
        throw DataError(withLastErrorDetail(m_origin + ": could not complete the file in memory"));
    const auto* bytes = static_cast<const unsigned char*>(m_image.memory);
    std::uint64_t endOfFile = 0;
    if (m_image.capacity < kEndOfFileAt + sizeof endOfFile || bytes[kVersionAt] != 3 ||
        bytes[kAddressSizeAt] != sizeof endOfFile)
        throw DataError(m_origin + ": HDF5 wrote a superblock of an unexpected version");
    for (std::size_t i = sizeof endOfFile; i-- > 0;) // little-endian in the file
        endOfFile = endOfFile << 8 | bytes[kEndOfFileAt + i];
    if (endOfFile > m_image.capacity)
        throw DataError(m_origin + ": HDF5's file in memory is shorter than its superblock says");
    m_size = static_cast<std::size_t>(endOfFile);
}

} // namespace semrel::h5
