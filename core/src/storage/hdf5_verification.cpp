// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "storage/hdf5_verification.h"

#include "storage/hdf5_reader.h"

#include <semrel/errors.h>

#include <algorithm>
#include <fcntl.h>
#include <limits>
#include <unistd.h>
#include <zlib.h>

namespace semrel::h5 {

namespace {

// Values are read back in blocks of about this size, so checking needs little memory.
constexpr std::uint64_t kBlockBytes = std::uint64_t{16} << 20;

// The written pages are clean after fsync: dropping them from the page cache makes the check
// read what the disk holds, not what we handed the kernel. Best effort.
void dropCachedPages(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

[[noreturn]] void differs(const WrittenField& field, const std::string& what)
{
    throw DataError("'" + field.name() + "' " + what);
}

std::uint64_t elementCount(const Dims& dims)
{
    std::uint64_t n = 1;
    for (hsize_t d : dims)
        n *= d;
    return n;
}

Dims dimsOf(hid_t space)
{
    const int rank = H5Sget_simple_extent_ndims(space);
    Dims dims(static_cast<std::size_t>(std::max(rank, 0)));
    if (rank < 0 || H5Sget_simple_extent_dims(space, dims.data(), nullptr) < 0)
        return {std::numeric_limits<hsize_t>::max()}; // matches nothing written
    return dims;
}

void checkAttribute(hid_t file, const WrittenField& field)
{
    Handle attribute(H5Aopen_by_name(file, field.object.c_str(), field.attribute.c_str(),
                                     H5P_DEFAULT, H5P_DEFAULT),
                     H5Aclose);
    Handle space(attribute.valid() ? H5Aget_space(attribute.get()) : H5I_INVALID_HID, H5Sclose);
    if (!space.valid())
        differs(field, "is missing");
    if (dimsOf(space.get()) != field.dims)
        differs(field, "has another shape");
    std::vector<unsigned char> value(field.bytes);
    if (H5Aread(attribute.get(), field.memoryType.get(), value.data()) < 0)
        differs(field, withLastErrorDetail("could not be read"));
    if (crcOf(value.data(), value.size()) != field.crc)
        differs(field, "holds other values than were written");
}

void checkDataset(hid_t file, const WrittenField& field)
{
    Handle dataset(H5Dopen2(file, field.object.c_str(), H5P_DEFAULT), H5Dclose);
    Handle space(dataset.valid() ? H5Dget_space(dataset.get()) : H5I_INVALID_HID, H5Sclose);
    if (!space.valid())
        differs(field, "is missing");
    if (dimsOf(space.get()) != field.dims)
        differs(field, "has another shape");
    const std::uint64_t count = elementCount(field.dims);
    if (count == 0)
        return;
    const hsize_t rows = field.dims.empty() ? 1 : field.dims[0];
    const std::uint64_t rowBytes = field.bytes / rows;
    const hsize_t step = std::max<hsize_t>(1, kBlockBytes / std::max<std::uint64_t>(rowBytes, 1));
    std::vector<unsigned char> block(std::min<std::uint64_t>(step, rows) * rowBytes);
    std::uint32_t crc = 0;
    for (hsize_t first = 0; first < rows; first += step) {
        const hsize_t n = std::min(step, rows - first);
        Dims start(field.dims.size(), 0);
        Dims extent = field.dims;
        herr_t status = 0;
        if (field.dims.empty()) {
            status = H5Dread(dataset.get(), field.memoryType.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                             block.data());
        } else {
            start[0] = first;
            extent[0] = n;
            Handle memSpace(
                H5Screate_simple(static_cast<int>(extent.size()), extent.data(), nullptr),
                H5Sclose);
            status = H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, start.data(), nullptr,
                                         extent.data(), nullptr);
            if (status >= 0)
                status = H5Dread(dataset.get(), field.memoryType.get(), memSpace.get(), space.get(),
                                 H5P_DEFAULT, block.data());
        }
        if (status < 0)
            differs(field, withLastErrorDetail("could not be read"));
        crc = crcOf(block.data(), n * rowBytes, crc);
    }
    if (crc != field.crc)
        differs(field, "holds other values than were written");
}

} // namespace

std::uint32_t crcOf(const void* data, std::size_t bytes, std::uint32_t crc)
{
    const auto* p = static_cast<const Bytef*>(data);
    uLong value = crc;
    // zlib takes lengths as uInt: feed large buffers in pieces.
    while (bytes > 0) {
        const auto piece = static_cast<uInt>(std::min<std::size_t>(bytes, 1u << 30));
        value = crc32(value, p, piece);
        p += piece;
        bytes -= piece;
    }
    return static_cast<std::uint32_t>(value);
}

void verifyWrittenFile(const std::string& path, const std::vector<WrittenField>& fields)
{
    dropCachedPages(path);
    const Reader file(path);
    for (const WrittenField& field : fields) {
        if (field.attribute.empty())
            checkDataset(file.fileId(), field);
        else
            checkAttribute(file.fileId(), field);
    }
}

} // namespace semrel::h5
