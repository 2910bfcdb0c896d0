// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "storage/hdf5_writer.h"

#include <semrel/errors.h>

#include <algorithm>

namespace semrel::h5 {

namespace {

// About 1 MiB per chunk: large enough that reading is one big I/O per chunk, small enough to fit
// HDF5's default chunk cache, and a damaged chunk loses little.
constexpr hsize_t kChunkBytes = hsize_t{1} << 20;
// HDF5 refuses chunks of 4 GiB or more.
constexpr hsize_t kMaxChunkBytes = (hsize_t{1} << 32) - 1;

std::string withDetail(const std::string& what)
{
    const std::string detail = lastErrorDetail();
    return withTechnicalDetail(what, detail.empty() ? std::string() : "HDF5: " + detail);
}

Handle objectCreationList(hid_t cls)
{
    Handle plist(H5Pcreate(cls), H5Pclose);
    // Without timestamps the same data gives the same bytes, which makes files comparable.
    if (plist.valid())
        H5Pset_obj_track_times(plist.get(), false);
    return plist;
}

// Fixed-length, not variable-length, strings: variable-length ones live in HDF5's global heap,
// which has no checksum, and HDF5 1.10 crashes (or loops) on some damaged heaps. Fixed-length
// strings sit in the checksummed dataset chunks or object headers instead.
Handle utf8StringType(std::size_t size)
{
    Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
    if (type.valid() && (H5Tset_size(type.get(), std::max<std::size_t>(size, 1)) < 0 ||
                         H5Tset_strpad(type.get(), H5T_STR_NULLPAD) < 0 ||
                         H5Tset_cset(type.get(), H5T_CSET_UTF8) < 0))
        type.reset();
    return type;
}

} // namespace

Writer::Writer(const std::string& path, std::string origin) : m_origin(std::move(origin))
{
    silenceErrors();
    Handle access(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
    // The 1.10 format checksums every piece of metadata (superblock, object headers, B-trees),
    // so a damaged header is refused on read. Pinning the upper bound keeps files readable by
    // HDF5 1.10 even when we are built against a newer library.
    if (!access.valid() || H5Pset_libver_bounds(access.get(), H5F_LIBVER_V110, H5F_LIBVER_V110) < 0)
        fail("", withDetail("could not set up HDF5 for writing"));
    m_file = Handle(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access.get()), H5Fclose);
    if (!m_file.valid())
        fail("", withDetail("could not create the temporary file '" + path + "'"));
}

void Writer::createGroup(const std::string& field)
{
    const Handle creation = objectCreationList(H5P_GROUP_CREATE);
    Handle group(H5Gcreate2(m_file.get(), field.c_str(), H5P_DEFAULT, creation.get(), H5P_DEFAULT),
                 H5Gclose);
    if (!group.valid())
        fail(field, withDetail("could not be created"));
}

void Writer::writeAttribute(const std::string& name, const std::string& value)
{
    if (value.find('\0') != std::string::npos)
        fail("", "attribute '" + name + "' contains a NUL character");
    const Handle type = utf8StringType(value.size());
    Handle space(H5Screate(H5S_SCALAR), H5Sclose);
    Handle attribute(
        H5Acreate2(m_file.get(), name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
        H5Aclose);
    std::string padded = value;
    padded.resize(std::max<std::size_t>(value.size(), 1), '\0');
    if (!attribute.valid() || H5Awrite(attribute.get(), type.get(), padded.data()) < 0)
        fail("", withDetail("attribute '" + name + "' could not be written"));
}

void Writer::writeAttribute(const std::string& name, std::int64_t value)
{
    Handle space(H5Screate(H5S_SCALAR), H5Sclose);
    Handle attribute(H5Acreate2(m_file.get(), name.c_str(), H5T_STD_I64LE, space.get(), H5P_DEFAULT,
                                H5P_DEFAULT),
                     H5Aclose);
    if (!attribute.valid() || H5Awrite(attribute.get(), H5T_NATIVE_INT64, &value) < 0)
        fail("", withDetail("attribute '" + name + "' could not be written"));
}

Handle Writer::createArray(const std::string& field, hid_t fileType, const Dims& dims)
{
    Handle creation = objectCreationList(H5P_DATASET_CREATE);
    const bool empty = std::any_of(dims.begin(), dims.end(), [](hsize_t d) { return d == 0; });
    if (!empty) {
        hsize_t rowBytes = H5Tget_size(fileType);
        for (std::size_t i = 1; i < dims.size(); ++i)
            rowBytes *= dims[i];
        if (rowBytes > kMaxChunkBytes)
            fail(field, "has rows too large to store (" + std::to_string(rowBytes) + " bytes)");
        Dims chunk = dims;
        chunk[0] = std::clamp<hsize_t>(kChunkBytes / rowBytes, 1, dims[0]);
        if (H5Pset_chunk(creation.get(), static_cast<int>(chunk.size()), chunk.data()) < 0 ||
            H5Pset_fletcher32(creation.get()) < 0)
            fail(field, withDetail("could not be set up"));
    }
    Handle space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose);
    Handle dataset(H5Dcreate2(m_file.get(), field.c_str(), fileType, space.get(), H5P_DEFAULT,
                              creation.get(), H5P_DEFAULT),
                   H5Dclose);
    if (!space.valid() || !dataset.valid())
        fail(field, withDetail("could not be created"));
    return dataset;
}

void Writer::writeRows(const Handle& dataset, const std::string& field, hid_t memType,
                       const Dims& dims, hsize_t first, hsize_t n, const void* buffer)
{
    Dims start(dims.size(), 0);
    Dims extent = dims;
    start[0] = first;
    extent[0] = n;
    Handle fileSpace(H5Dget_space(dataset.get()), H5Sclose);
    Handle memSpace(H5Screate_simple(static_cast<int>(extent.size()), extent.data(), nullptr),
                    H5Sclose);
    if (!fileSpace.valid() || !memSpace.valid() ||
        H5Sselect_hyperslab(fileSpace.get(), H5S_SELECT_SET, start.data(), nullptr, extent.data(),
                            nullptr) < 0 ||
        H5Dwrite(dataset.get(), memType, memSpace.get(), fileSpace.get(), H5P_DEFAULT, buffer) < 0)
        fail(field, withDetail("could not be written (disk full?)"));
}

void Writer::writeArray(const std::string& field, hid_t fileType, hid_t memType, const Dims& dims,
                        const void* buffer)
{
    const Handle dataset = createArray(field, fileType, dims);
    if (std::any_of(dims.begin(), dims.end(), [](hsize_t d) { return d == 0; }))
        return;
    if (H5Dwrite(dataset.get(), memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer) < 0)
        fail(field, withDetail("could not be written (disk full?)"));
}

void Writer::writeStrings(const std::string& field, const std::vector<std::string>& values)
{
    std::size_t width = 1;
    for (std::size_t i = 0; i < values.size(); ++i) {
        // HDF5 strings end at the first NUL: the rest would be lost without a word.
        if (values[i].find('\0') != std::string::npos)
            fail(field, "entry " + std::to_string(i) + " contains a NUL character");
        width = std::max(width, values[i].size());
    }
    std::vector<char> packed(values.size() * width, '\0');
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i].copy(packed.data() + i * width, values[i].size());
    const Handle type = utf8StringType(width);
    if (!type.valid())
        fail(field, withDetail("could not be created"));
    writeArray(field, type.get(), type.get(), {values.size()}, packed.data());
}

void Writer::close()
{
    if (!m_file.close())
        fail("", withDetail("could not be completed (disk full?)"));
}

void Writer::fail(const std::string& field, const std::string& what) const
{
    throw DataError(m_origin + ": " + (field.empty() ? "" : "'" + field + "' ") + what);
}

} // namespace semrel::h5
