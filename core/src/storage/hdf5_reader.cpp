// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "storage/hdf5_reader.h"

#include "storage/hdf5_containment.h"
#include "storage/hdf5_group_tree.h"

#include <semrel/storage/input_file.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>

namespace semrel::h5 {

namespace {

std::string describeClass(H5T_class_t c)
{
    switch (c) {
    case H5T_INTEGER:
        return "integers";
    case H5T_FLOAT:
        return "floating-point numbers";
    case H5T_STRING:
        return "strings";
    case H5T_COMPOUND:
        return "compound records";
    case H5T_ENUM:
        return "enumeration values";
    case H5T_VLEN:
        return "variable-length sequences";
    case H5T_ARRAY:
        return "fixed-size arrays";
    default:
        return "values of HDF5 type class " + std::to_string(static_cast<int>(c));
    }
}

using RawRead = std::function<herr_t(hid_t memType, void* buffer)>;

// Strings come as variable-length (our writer, h5py's str) or fixed-length (numpy 'S' arrays);
// attributes and datasets share this, differing only in the call that reads.
std::vector<std::string> readStringValues(const Reader& file, const std::string& field,
                                          hid_t fileType, std::size_t n, const RawRead& rawRead)
{
    const htri_t variable = H5Tis_variable_str(fileType);
    const H5T_cset_t cset = H5Tget_cset(fileType);
    if (variable < 0 || cset < 0)
        file.failHdf5(field, "has a string type that could not be read");
    std::vector<std::string> out;
    out.reserve(n);
    if (variable) {
        Handle memType(H5Tcopy(H5T_C_S1), H5Tclose);
        if (H5Tset_size(memType.get(), H5T_VARIABLE) < 0 || H5Tset_cset(memType.get(), cset) < 0)
            file.failHdf5(field, "has a string type that could not be read");
        std::vector<char*> raw(n, nullptr);
        // On failure the library may have freed part of `raw` already: leak rather than risk a
        // double free on a damaged file.
        if (rawRead(memType.get(), raw.data()) < 0)
            file.failHdf5(field, "could not be read");
        for (char* s : raw) {
            out.emplace_back(s != nullptr ? s : "");
            H5free_memory(s);
        }
        return out;
    }
    const std::size_t size = H5Tget_size(fileType);
    if (size == 0)
        file.failHdf5(field, "has a string type that could not be read");
    Handle memType(H5Tcopy(fileType), H5Tclose);
    std::vector<char> raw(n * size);
    if (!memType.valid() || rawRead(memType.get(), raw.data()) < 0)
        file.failHdf5(field, "could not be read");
    const H5T_str_t padding = H5Tget_strpad(fileType);
    const bool spacePadded = padding == H5T_STR_SPACEPAD;
    // A null-terminated string may carry anything after its terminator; padded ones may not.
    const bool padded = padding != H5T_STR_NULLTERM;
    for (std::size_t i = 0; i < n; ++i) {
        const char* s = raw.data() + i * size;
        std::size_t length = strnlen(s, size);
        // NUL padding runs to the end: a character after a NUL means the text holds a NUL, and
        // cutting it there would change it without a word.
        if (padded && std::any_of(s + length, s + size, [](char c) { return c != '\0'; }))
            file.fail(field, "entry " + std::to_string(i) + " contains a NUL character");
        while (spacePadded && length > 0 && s[length - 1] == ' ')
            --length;
        out.emplace_back(s, length);
    }
    return out;
}

} // namespace

Array::Array(const Reader& file, std::string field, Handle dataset, Dims dims)
    : m_file(&file), m_field(std::move(field)), m_dataset(std::move(dataset)),
      m_dims(std::move(dims))
{}

std::uint64_t Array::count() const
{
    std::uint64_t n = 1;
    for (hsize_t d : m_dims) {
        if (d != 0 && n > std::numeric_limits<std::uint64_t>::max() / d)
            tooLarge();
        n *= d;
    }
    return n;
}

void Array::tooLarge() const
{
    std::string shape;
    for (hsize_t d : m_dims)
        shape += (shape.empty() ? "" : " x ") + std::to_string(d);
    m_file->fail(m_field, "is too large to load (" + shape + ")");
}

hsize_t Array::chunkRows() const
{
    Handle plist(H5Dget_create_plist(m_dataset.get()), H5Pclose);
    if (!plist.valid() || H5Pget_layout(plist.get()) != H5D_CHUNKED)
        return 0;
    Dims chunk(m_dims.size());
    if (H5Pget_chunk(plist.get(), static_cast<int>(chunk.size()), chunk.data()) < 0)
        return 0;
    return chunk.empty() ? 0 : chunk[0];
}

void Array::read(hid_t memType, void* buffer) const
{
    if (H5Dread(m_dataset.get(), memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer) < 0)
        m_file->failHdf5(m_field, "could not be read");
}

void Array::readRows(hid_t memType, hsize_t first, hsize_t n, void* buffer) const
{
    Dims start(m_dims.size(), 0);
    Dims extent = m_dims;
    start[0] = first;
    extent[0] = n;
    Handle fileSpace(H5Dget_space(m_dataset.get()), H5Sclose);
    Handle memSpace(H5Screate_simple(static_cast<int>(extent.size()), extent.data(), nullptr),
                    H5Sclose);
    if (!fileSpace.valid() || !memSpace.valid() ||
        H5Sselect_hyperslab(fileSpace.get(), H5S_SELECT_SET, start.data(), nullptr, extent.data(),
                            nullptr) < 0 ||
        H5Dread(m_dataset.get(), memType, memSpace.get(), fileSpace.get(), H5P_DEFAULT, buffer) < 0)
        m_file->failHdf5(m_field, "could not be read");
}

std::vector<std::string> Array::readStrings() const
{
    Handle type(H5Dget_type(m_dataset.get()), H5Tclose);
    if (!type.valid())
        m_file->failHdf5(m_field, "could not be read");
    const std::uint64_t n = count();
    if (n == 0)
        return {};
    try {
        return readStringValues(*m_file, m_field, type.get(), static_cast<std::size_t>(n),
                                [&](hid_t memType, void* buffer) {
                                    return H5Dread(m_dataset.get(), memType, H5S_ALL, H5S_ALL,
                                                   H5P_DEFAULT, buffer);
                                });
    } catch (const std::bad_alloc&) {
        tooLarge();
    } catch (const std::length_error&) {
        tooLarge();
    }
}

Reader::Reader(std::string path) : m_path(std::move(path))
{
    silenceErrors();
    requireRegularFile(m_path); // before anything opens it: a FIFO would block the open
    if (!std::ifstream(m_path, std::ios::binary))
        fail("", "cannot be opened for reading (permission denied?)");
    // A damaged file that still starts with the signature is left to H5Fopen, whose error says
    // more than "not HDF5".
    if (H5Fis_hdf5(m_path.c_str()) <= 0 && !startsWithSignature(m_path)) {
        clearErrors();
        fail("", "not an HDF5 file");
    }
    if (const std::string damage = damagedGroupTree(m_path); !damage.empty())
        fail("", "is corrupt: " + damage);
    m_file = Handle(H5Fopen(m_path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    if (!m_file.valid())
        failHdf5("", "could not be opened");
}

Reader::~Reader()
{
    m_file.reset();
    clearErrors();
}

bool Reader::exists(const std::string& field) const
{
    // H5Lexists fails, rather than answering false, when a parent group is missing.
    for (std::size_t slash = field.find('/', 1);; slash = field.find('/', slash + 1)) {
        const std::string prefix = field.substr(0, slash);
        const htri_t found = H5Lexists(m_file.get(), prefix.c_str(), localAccess());
        if (found < 0)
            failHdf5(prefix, "could not be looked up");
        if (found == 0)
            return false;
        const std::string foreign = foreignLink(m_file.get(), prefix);
        if (!foreign.empty())
            fail(prefix, foreign);
        if (slash == std::string::npos)
            return true;
    }
}

Handle Reader::openDataset(const std::string& field) const
{
    if (!exists(field))
        fail(field, "is missing");
    Handle dataset(H5Dopen2(m_file.get(), field.c_str(), localAccess()), H5Dclose);
    if (!dataset.valid())
        failHdf5(field, "could not be opened as a dataset");
    const std::string foreign = foreignStorage(dataset.get());
    if (!foreign.empty())
        fail(field, foreign);
    return dataset;
}

int Reader::rank(const std::string& field) const
{
    const Handle dataset = openDataset(field);
    Handle space(H5Dget_space(dataset.get()), H5Sclose);
    const int found = space.valid() ? H5Sget_simple_extent_ndims(space.get()) : -1;
    if (found < 0)
        failHdf5(field, "could not be read");
    return found;
}

Array Reader::open(const std::string& field, H5T_class_t elementClass, int rank) const
{
    Handle dataset = openDataset(field);
    Handle type(H5Dget_type(dataset.get()), H5Tclose);
    Handle space(H5Dget_space(dataset.get()), H5Sclose);
    if (!type.valid() || !space.valid())
        failHdf5(field, "could not be read");
    const H5T_class_t found = H5Tget_class(type.get());
    if (found != elementClass)
        fail(field, "holds " + describeClass(found) + ", expected " + describeClass(elementClass));
    const int foundRank = H5Sget_simple_extent_ndims(space.get());
    if (foundRank < 0)
        failHdf5(field, "could not be read");
    if (foundRank != rank)
        fail(field, "has rank " + std::to_string(foundRank) + ", expected " + std::to_string(rank));
    Dims dims(static_cast<std::size_t>(rank));
    if (H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr) < 0)
        failHdf5(field, "could not be read");
    return Array(*this, field, std::move(dataset), std::move(dims));
}

bool Reader::hasAttribute(const std::string& name) const
{
    const htri_t found = H5Aexists(m_file.get(), name.c_str());
    if (found < 0)
        failHdf5("", "attribute '" + name + "' could not be looked up");
    return found > 0;
}

namespace {

// An open scalar (or one-element) root attribute of the expected class.
Handle openScalarAttribute(const Reader& file, hid_t fileId, const std::string& name,
                           H5T_class_t elementClass, Handle& type)
{
    Handle attribute(H5Aopen(fileId, name.c_str(), H5P_DEFAULT), H5Aclose);
    if (!attribute.valid())
        file.failHdf5("", "attribute '" + name + "' could not be read");
    type = Handle(H5Aget_type(attribute.get()), H5Tclose);
    Handle space(H5Aget_space(attribute.get()), H5Sclose);
    if (!type.valid() || !space.valid())
        file.failHdf5("", "attribute '" + name + "' could not be read");
    if (H5Tget_class(type.get()) != elementClass)
        file.fail("", "attribute '" + name + "' holds " + describeClass(H5Tget_class(type.get())) +
                          ", expected " + describeClass(elementClass));
    if (H5Sget_simple_extent_npoints(space.get()) != 1)
        file.fail("", "attribute '" + name + "' holds several values, expected one");
    return attribute;
}

} // namespace

std::string Reader::stringAttribute(const std::string& name) const
{
    if (!hasAttribute(name))
        fail("", "attribute '" + name + "' is missing");
    Handle type;
    const Handle attribute = openScalarAttribute(*this, m_file.get(), name, H5T_STRING, type);
    return readStringValues(*this, "", type.get(), 1,
                            [&](hid_t memType, void* buffer) {
                                return H5Aread(attribute.get(), memType, buffer);
                            })
        .at(0);
}

void Reader::readNumericAttribute(const std::string& name, H5T_class_t elementClass, hid_t memType,
                                  void* value) const
{
    if (!hasAttribute(name))
        fail("", "attribute '" + name + "' is missing");
    Handle type;
    const Handle attribute = openScalarAttribute(*this, m_file.get(), name, elementClass, type);
    if (H5Aread(attribute.get(), memType, value) < 0)
        failHdf5("", "attribute '" + name + "' could not be read");
}

std::int64_t Reader::intAttribute(const std::string& name) const
{
    std::int64_t value = 0;
    readNumericAttribute(name, H5T_INTEGER, H5T_NATIVE_INT64, &value);
    return value;
}

std::uint64_t Reader::unsignedAttribute(const std::string& name) const
{
    std::uint64_t value = 0;
    readNumericAttribute(name, H5T_INTEGER, H5T_NATIVE_UINT64, &value);
    return value;
}

double Reader::realAttribute(const std::string& name) const
{
    double value = 0.0;
    readNumericAttribute(name, H5T_FLOAT, H5T_NATIVE_DOUBLE, &value);
    return value;
}

void Reader::fail(const std::string& field, const std::string& what) const
{
    throw DataError(m_path + ": " + (field.empty() ? "" : "'" + field + "' ") + what);
}

void Reader::failHdf5(const std::string& field, const std::string& what) const
{
    const std::string detail = lastErrorDetail();
    fail(field,
         withTechnicalDetail(what + ": " + explainReadFailure(detail), technicalDetail(detail)));
}

} // namespace semrel::h5
