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

bool isEmpty(const Dims& dims)
{
    return std::any_of(dims.begin(), dims.end(), [](hsize_t d) { return d == 0; });
}

std::uint64_t countOf(const Dims& dims)
{
    std::uint64_t n = 1;
    for (hsize_t d : dims)
        n *= d;
    return n;
}

} // namespace

Writer::Writer(std::string target)
    : m_target(std::move(target)), m_pending(m_target), m_memory(m_target)
{}

WrittenField& Writer::record(const std::string& object, const std::string& attribute,
                             const Dims& dims, hid_t memType)
{
    WrittenField field;
    field.object = object;
    field.attribute = attribute;
    field.dims = dims;
    field.memoryType = Handle(H5Tcopy(memType), H5Tclose);
    if (!field.memoryType.valid())
        fail(object, withLastErrorDetail("could not be set up"));
    m_written.push_back(std::move(field));
    return m_written.back();
}

namespace {
// HDF5's upper bound for a group kept compact (links in its object header).
constexpr unsigned kMaxCompactLinks = 65535;
} // namespace

void Writer::createGroup(const std::string& field)
{
    const Handle creation = objectCreationList(H5P_GROUP_CREATE);
    // Links stay in the group's object header, which the 1.10 format checksums, however many
    // there are: past 8 links HDF5 would move them into a fractal heap whose blocks carry no
    // checksum, and a damaged byte there crashes HDF5 1.10's reader instead of being refused
    // (tst_model_file's byte-by-byte damage found it).
    if (!creation.valid() ||
        H5Pset_link_creation_order(creation.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED) <
            0 ||
        H5Pset_link_phase_change(creation.get(), kMaxCompactLinks, kMaxCompactLinks) < 0)
        fail(field, withLastErrorDetail("could not be set up"));
    Handle group(H5Gcreate2(m_memory.id(), field.c_str(), H5P_DEFAULT, creation.get(), H5P_DEFAULT),
                 H5Gclose);
    if (!group.valid())
        fail(field, withLastErrorDetail("could not be created"));
}

void Writer::writeScalarAttribute(const std::string& name, hid_t fileType, hid_t memType,
                                  const void* value, std::size_t bytes)
{
    Handle space(H5Screate(H5S_SCALAR), H5Sclose);
    Handle attribute(
        H5Acreate2(m_memory.id(), name.c_str(), fileType, space.get(), H5P_DEFAULT, H5P_DEFAULT),
        H5Aclose);
    if (!attribute.valid() || H5Awrite(attribute.get(), memType, value) < 0)
        fail("", withLastErrorDetail("attribute '" + name + "' could not be written"));
    WrittenField& written = record("/", name, {}, memType);
    written.bytes = bytes;
    written.crc = crcOf(value, bytes);
}

void Writer::writeAttribute(const std::string& name, const std::string& value)
{
    if (value.find('\0') != std::string::npos)
        fail("", "attribute '" + name + "' contains a NUL character");
    const Handle type = utf8StringType(value.size());
    if (!type.valid())
        fail("", withLastErrorDetail("attribute '" + name + "' could not be set up"));
    std::string padded = value;
    padded.resize(std::max<std::size_t>(value.size(), 1), '\0');
    writeScalarAttribute(name, type.get(), type.get(), padded.data(), padded.size());
}

void Writer::writeAttribute(const std::string& name, std::int64_t value)
{
    writeScalarAttribute(name, H5T_STD_I64LE, H5T_NATIVE_INT64, &value, sizeof value);
}

void Writer::writeAttribute(const std::string& name, std::uint64_t value)
{
    writeScalarAttribute(name, H5T_STD_U64LE, H5T_NATIVE_UINT64, &value, sizeof value);
}

void Writer::writeAttribute(const std::string& name, double value)
{
    writeScalarAttribute(name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value, sizeof value);
}

Handle Writer::createArray(const std::string& field, hid_t fileType, const Dims& dims)
{
    Handle creation = objectCreationList(H5P_DATASET_CREATE);
    if (!dims.empty() && !isEmpty(dims)) {
        hsize_t rowBytes = H5Tget_size(fileType);
        for (std::size_t i = 1; i < dims.size(); ++i)
            rowBytes *= dims[i];
        if (rowBytes > kMaxChunkBytes)
            fail(field, "has rows too large to store (" + std::to_string(rowBytes) + " bytes)");
        Dims chunk = dims;
        chunk[0] = std::clamp<hsize_t>(kChunkBytes / std::max<hsize_t>(rowBytes, 1), 1, dims[0]);
        if (H5Pset_chunk(creation.get(), static_cast<int>(chunk.size()), chunk.data()) < 0 ||
            H5Pset_fletcher32(creation.get()) < 0)
            fail(field, withLastErrorDetail("could not be set up"));
    }
    Handle space(dims.empty()
                     ? H5Screate(H5S_SCALAR)
                     : H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
                 H5Sclose);
    Handle dataset(H5Dcreate2(m_memory.id(), field.c_str(), fileType, space.get(), H5P_DEFAULT,
                              creation.get(), H5P_DEFAULT),
                   H5Dclose);
    if (!space.valid() || !dataset.valid())
        fail(field, withLastErrorDetail("could not be created"));
    m_arrays[field] = Progress{m_written.size(), 0};
    record(field, "", dims, H5T_NATIVE_CHAR); // the memory type is set by the first write
    return dataset;
}

void Writer::writeRows(const Handle& dataset, const std::string& field, hid_t memType,
                       const Dims& dims, hsize_t first, hsize_t n, const void* buffer)
{
    const auto found = m_arrays.find(field);
    if (found == m_arrays.end() || found->second.rows != first)
        fail(field, "was written out of order"); // a bug of ours, not of the data
    herr_t status = 0;
    if (dims.empty()) {
        status = H5Dwrite(dataset.get(), memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
    } else {
        Dims start(dims.size(), 0);
        Dims extent = dims;
        start[0] = first;
        extent[0] = n;
        Handle fileSpace(H5Dget_space(dataset.get()), H5Sclose);
        Handle memSpace(H5Screate_simple(static_cast<int>(extent.size()), extent.data(), nullptr),
                        H5Sclose);
        status = fileSpace.valid() && memSpace.valid() ? 0 : -1;
        if (status >= 0)
            status = H5Sselect_hyperslab(fileSpace.get(), H5S_SELECT_SET, start.data(), nullptr,
                                         extent.data(), nullptr);
        if (status >= 0)
            status = H5Dwrite(dataset.get(), memType, memSpace.get(), fileSpace.get(), H5P_DEFAULT,
                              buffer);
    }
    if (status < 0)
        fail(field, withLastErrorDetail("could not be written"));
    WrittenField& written = m_written[found->second.entry];
    if (first == 0)
        written.memoryType = Handle(H5Tcopy(memType), H5Tclose);
    Dims extent = dims;
    if (!extent.empty())
        extent[0] = n;
    const std::uint64_t bytes = countOf(extent) * H5Tget_size(memType);
    written.crc = crcOf(buffer, bytes, written.crc);
    written.bytes += bytes;
    found->second.rows += dims.empty() ? 1 : n;
}

void Writer::writeArray(const std::string& field, hid_t fileType, hid_t memType, const Dims& dims,
                        const void* buffer)
{
    const Handle dataset = createArray(field, fileType, dims);
    if (isEmpty(dims))
        return;
    writeRows(dataset, field, memType, dims, 0, dims.empty() ? 1 : dims[0], buffer);
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
        fail(field, withLastErrorDetail("could not be created"));
    writeArray(field, type.get(), type.get(), {values.size()}, packed.data());
}

void Writer::writeScalar(const std::string& field, double value)
{
    writeArray(field, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {}, &value);
}

void Writer::writeScalar(const std::string& field, std::int64_t value)
{
    writeArray(field, H5T_STD_I64LE, H5T_NATIVE_INT64, {}, &value);
}

void Writer::writeScalar(const std::string& field, std::uint64_t value)
{
    writeArray(field, H5T_STD_U64LE, H5T_NATIVE_UINT64, {}, &value);
}

void Writer::writeScalar(const std::string& field, const std::string& value)
{
    if (value.find('\0') != std::string::npos)
        fail(field, "contains a NUL character");
    std::string padded = value;
    padded.resize(std::max<std::size_t>(value.size(), 1), '\0');
    const Handle type = utf8StringType(padded.size());
    if (!type.valid())
        fail(field, withLastErrorDetail("could not be created"));
    writeArray(field, type.get(), type.get(), {}, padded.data());
}

void Writer::save()
{
    m_memory.close();
    m_pending.write(m_memory.data(), m_memory.size());
    m_pending.commit([this](const std::string& path) { verifyWrittenFile(path, m_written); });
}

void Writer::fail(const std::string& field, const std::string& what) const
{
    throw DataError(m_target + ": " + (field.empty() ? "" : "'" + field + "' ") + what);
}

} // namespace semrel::h5
