// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "mat/mat73_reader.h"

#include "storage/hdf5_containment.h"
#include "storage/hdf5_group_tree.h"
#include "storage/hdf5_handle.h"

#include <semrel/errors.h>

#include <hdf5.h>

#include <algorithm>
#include <new>

namespace semrel::mat {

namespace {

using h5::Handle;

// Chunked, compressed data may expand this much at most; a dataspace claiming more than that
// from the bytes stored is corrupt, and allocating for it would be wasted.
constexpr std::uint64_t kMaxExpansion = 1100;

std::string readStringAttribute(hid_t object, const char* name)
{
    if (H5Aexists(object, name) <= 0)
        return {};
    Handle attr(H5Aopen(object, name, H5P_DEFAULT), H5Aclose);
    Handle type(attr.valid() ? H5Aget_type(attr.get()) : H5I_INVALID_HID, H5Tclose);
    if (!type.valid() || H5Tget_class(type.get()) != H5T_STRING)
        return {};
    if (H5Tis_variable_str(type.get()) > 0) {
        char* text = nullptr;
        Handle memType(H5Tcopy(H5T_C_S1), H5Tclose);
        H5Tset_size(memType.get(), H5T_VARIABLE);
        if (H5Aread(attr.get(), memType.get(), &text) < 0 || !text)
            return {};
        std::string value(text);
        H5free_memory(text);
        return value;
    }
    const std::size_t size = H5Tget_size(type.get());
    if (size == 0 || size > 256)
        return {};
    std::string value(size, '\0');
    if (H5Aread(attr.get(), type.get(), value.data()) < 0)
        return {};
    value.resize(std::min(value.find('\0'), value.size()));
    return value;
}

// Whether the bytes the file stores for `dataset` match `count` elements of `elementBytes`.
// Contiguous data must be exactly that long: a dataspace that claims more (a damaged header)
// would read other objects' bytes as values, and one that claims fewer (say none) would drop
// values. Chunks without filters hold at least every byte; compressed data may expand up to
// kMaxExpansion.
bool storageHolds(hid_t dataset, std::uint64_t count, std::uint64_t elementBytes)
{
    if (elementBytes == 0)
        return false;
    const std::uint64_t stored = H5Dget_storage_size(dataset);
    Handle properties(H5Dget_create_plist(dataset), H5Pclose);
    if (!properties.valid())
        return false;
    if (H5Pget_layout(properties.get()) == H5D_CONTIGUOUS)
        return count <= stored / elementBytes && stored == count * elementBytes;
    if (H5Pget_nfilters(properties.get()) == 0)
        return count <= stored / elementBytes;
    return count <= (stored * kMaxExpansion + 4096) / elementBytes;
}

bool isEmptyMarked(hid_t object)
{
    if (H5Aexists(object, "MATLAB_empty") <= 0)
        return false;
    Handle attr(H5Aopen(object, "MATLAB_empty", H5P_DEFAULT), H5Aclose);
    unsigned value = 0;
    return attr.valid() && H5Aread(attr.get(), H5T_NATIVE_UINT, &value) >= 0 && value != 0;
}

// Dimensions in HDF5 order (MATLAB's reversed).
std::vector<std::uint64_t> hdf5Dims(hid_t dataset)
{
    Handle space(H5Dget_space(dataset), H5Sclose);
    const int rank = space.valid() ? H5Sget_simple_extent_ndims(space.get()) : -1;
    if (rank < 0 || rank > 32)
        return {};
    std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
    H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
    return std::vector<std::uint64_t>(dims.begin(), dims.end());
}

std::string classFromType(hid_t dataset)
{
    Handle type(H5Dget_type(dataset), H5Tclose);
    if (!type.valid())
        return "unknown";
    const std::size_t size = H5Tget_size(type.get());
    switch (H5Tget_class(type.get())) {
    case H5T_FLOAT:
        return size == 4 ? "single" : "double";
    case H5T_INTEGER: {
        const bool isSigned = H5Tget_sign(type.get()) == H5T_SGN_2;
        return (isSigned ? "int" : "uint") + std::to_string(size * 8);
    }
    case H5T_REFERENCE:
        return "cell";
    default:
        return "unknown";
    }
}

// The standard little-endian integers and floats MATLAB writes. A damaged type header can claim
// elements of gigabytes, and HDF5 would try to convert them; MATLAB writes little-endian only, so
// a big-endian type is a flipped bit that would swap every value's bytes.
bool isPlainNumberType(hid_t dataset)
{
    Handle type(H5Dget_type(dataset), H5Tclose);
    if (!type.valid())
        return false;
    // H5Tequal compares every property (order, precision, bit offset, padding), any of which a
    // damaged type message can change so that HDF5 converts every value into another one.
    for (hid_t standard :
         {H5T_IEEE_F64LE, H5T_IEEE_F32LE, H5T_STD_U8LE, H5T_STD_I8LE, H5T_STD_U16LE, H5T_STD_I16LE,
          H5T_STD_U32LE, H5T_STD_I32LE, H5T_STD_U64LE, H5T_STD_I64LE})
        if (H5Tequal(type.get(), standard) > 0)
            return true;
    return false;
}

class Mat73File : public MatFile
{
public:
    explicit Mat73File(const std::string& path) : MatFile(path)
    {
        h5::silenceErrors();
        if (const std::string damage = h5::damagedGroupTree(path); !damage.empty())
            fail("is corrupt: " + damage);
        m_file = Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
        if (!m_file.valid())
            fail("is not a readable MAT v7.3 (HDF5) file: it is truncated or corrupt");
        scan();
    }
    ~Mat73File() override
    {
        m_file.reset();
        h5::clearErrors();
    }
    Mat73File(const Mat73File&) = delete;
    Mat73File& operator=(const Mat73File&) = delete;

    std::vector<double> readNumeric(const std::string& name) override
    {
        const VariableInfo& info = requireNumeric(name);
        if (info.count() == 0)
            return {};
        Handle dataset = openChecked(name, info.count());
        std::vector<double> values(static_cast<std::size_t>(info.count()));
        if (H5Dread(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                    values.data()) < 0)
            failVariable(name, "cannot be read: the file is truncated or corrupt");
        return values;
    }

    void readFloats(const std::string& name, float* out, const FloatBlockSink& sink) override;
    void requirePlausibleCount(const std::string& name) override
    {
        const VariableInfo& info = require(name);
        if (info.count() > 0)
            openChecked(name, info.count());
    }
    std::vector<std::string> readStrings(const std::string& name) override;

private:
    void scan();
    Handle openChecked(const std::string& name, std::uint64_t count);
    std::string readText(hid_t dataset, const std::string& name, std::uint64_t entry);
    const VariableInfo& requireNumeric(const std::string& name)
    {
        const VariableInfo& info = require(name);
        if (info.complex)
            failVariable(name, "is complex, expected real numbers");
        if (!info.isNumeric())
            failVariable(name, "is a " + info.matlabClass + " array, expected numbers");
        return info;
    }

    Handle m_file;
};

void Mat73File::scan()
{
    H5G_info_t group{};
    if (H5Gget_info(m_file.get(), &group) < 0)
        fail("is corrupt: its root group cannot be read");
    for (hsize_t i = 0; i < group.nlinks; ++i) {
        char name[256] = {};
        const ssize_t length = H5Lget_name_by_idx(m_file.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i,
                                                  name, sizeof name, H5P_DEFAULT);
        if (length <= 0 || length >= static_cast<ssize_t>(sizeof name) || name[0] == '#')
            continue; // #refs# and #subsystem# hold the parts of variables, not variables
        const std::string foreign = h5::foreignLink(m_file.get(), name);
        if (!foreign.empty())
            fail(std::string("variable '") + name + "' " + foreign);
        Handle object(H5Oopen(m_file.get(), name, h5::localAccess()), H5Oclose);
        if (!object.valid())
            fail(std::string("is corrupt: variable '") + name + "' cannot be opened");
        VariableInfo info;
        info.name = name;
        info.matlabClass = readStringAttribute(object.get(), "MATLAB_class");
        if (H5Iget_type(object.get()) != H5I_DATASET) {
            info.matlabClass = info.matlabClass.empty() ? "struct" : info.matlabClass;
            info.dims = {1, 1};
            m_variables.push_back(info);
            continue;
        }
        if (info.matlabClass.empty())
            info.matlabClass = classFromType(object.get());
        Handle type(H5Dget_type(object.get()), H5Tclose);
        info.complex = type.valid() && H5Tget_class(type.get()) == H5T_COMPOUND;
        if (isEmptyMarked(object.get())) {
            info.dims = {0, 0};
        } else {
            const std::vector<std::uint64_t> dims = hdf5Dims(object.get());
            info.dims.assign(dims.rbegin(), dims.rend());
            if (info.dims.size() < 2)
                info.dims.resize(2, 1);
        }
        m_variables.push_back(info);
    }
}

Handle Mat73File::openChecked(const std::string& name, std::uint64_t count)
{
    Handle dataset(H5Dopen2(m_file.get(), name.c_str(), h5::localAccess()), H5Dclose);
    if (!dataset.valid())
        failVariable(name, "cannot be opened: the file is corrupt");
    const std::string foreign = h5::foreignStorage(dataset.get());
    if (!foreign.empty())
        failVariable(name, foreign);
    Handle type(H5Dget_type(dataset.get()), H5Tclose);
    const bool isReference = type.valid() && H5Tget_class(type.get()) == H5T_REFERENCE;
    if (!isReference && !isPlainNumberType(dataset.get()))
        failVariable(name, "is corrupt: its element type is not a plain number");
    const std::uint64_t elementBytes = type.valid() ? H5Tget_size(type.get()) : 0;
    if (!storageHolds(dataset.get(), count, elementBytes))
        failVariable(name, "is corrupt: it claims " + std::to_string(count) +
                               " elements but the file stores " +
                               std::to_string(H5Dget_storage_size(dataset.get())) +
                               " bytes for it");
    return dataset;
}

void Mat73File::readFloats(const std::string& name, float* out, const FloatBlockSink& sink)
{
    const VariableInfo& info = requireNumeric(name);
    const std::uint64_t count = info.count();
    if (count == 0)
        return;
    Handle dataset = openChecked(name, count);
    Handle fileSpace(H5Dget_space(dataset.get()), H5Sclose);
    // HDF5's first dimension is MATLAB's last: for features 2048 x N, one HDF5 row per sample.
    std::vector<hsize_t> dims(info.dims.rbegin(), info.dims.rend());
    const std::uint64_t inner = count / dims[0];
    const hsize_t rowsPerBlock = std::max<hsize_t>(1, kStreamBlockElements / inner);
    std::vector<hsize_t> start(dims.size(), 0);
    std::vector<hsize_t> extent = dims;
    for (hsize_t row = 0; row < dims[0]; row += rowsPerBlock) {
        start[0] = row;
        extent[0] = std::min<hsize_t>(rowsPerBlock, dims[0] - row);
        const hsize_t n = extent[0] * inner;
        Handle memSpace(H5Screate_simple(1, &n, nullptr), H5Sclose);
        if (H5Sselect_hyperslab(fileSpace.get(), H5S_SELECT_SET, start.data(), nullptr,
                                extent.data(), nullptr) < 0 ||
            H5Dread(dataset.get(), H5T_NATIVE_FLOAT, memSpace.get(), fileSpace.get(), H5P_DEFAULT,
                    out + row * inner) < 0)
            failVariable(name, "cannot be read at sample " + std::to_string(row + 1) +
                                   ": the file is truncated or corrupt");
        if (sink)
            sink(out + row * inner, row * inner, n);
    }
}

std::vector<std::string> Mat73File::readStrings(const std::string& name)
{
    const VariableInfo& info = require(name);
    if (!info.isCell())
        failVariable(name, "is a " + info.matlabClass + " array, expected a cell array of text");
    if (info.count() == 0)
        return {};
    Handle dataset = openChecked(name, info.count());
    Handle type(H5Dget_type(dataset.get()), H5Tclose);
    if (!type.valid() || H5Tequal(type.get(), H5T_STD_REF_OBJ) <= 0)
        failVariable(name, "is corrupt: its cells are not object references");
    std::vector<hobj_ref_t> refs(static_cast<std::size_t>(info.count()));
    if (H5Dread(dataset.get(), H5T_STD_REF_OBJ, H5S_ALL, H5S_ALL, H5P_DEFAULT, refs.data()) < 0)
        failVariable(name, "cannot be read: the file is truncated or corrupt");
    std::vector<std::string> strings;
    strings.reserve(refs.size());
    for (std::size_t i = 0; i < refs.size(); ++i) {
        Handle target(H5Rdereference2(dataset.get(), H5P_DEFAULT, H5R_OBJECT, &refs[i]), H5Oclose);
        if (!target.valid() || H5Iget_type(target.get()) != H5I_DATASET)
            failVariable(name, "entry " + std::to_string(i + 1) +
                                   " refers to nothing readable: the file is corrupt");
        const std::string foreign = h5::foreignStorage(target.get());
        if (!foreign.empty())
            failVariable(name, "entry " + std::to_string(i + 1) + " " + foreign);
        strings.push_back(readText(target.get(), name, i + 1));
    }
    return strings;
}

std::string Mat73File::readText(hid_t dataset, const std::string& name, std::uint64_t entry)
{
    const std::string where = "entry " + std::to_string(entry);
    // The class first: an empty text is char too, and a damaged reference may lead to another
    // empty object (MATLAB's "canonical empty" in #refs#), which is no text at all.
    const std::string cls = readStringAttribute(dataset, "MATLAB_class");
    if (cls != "char")
        failVariable(name,
                     where + " is a " + (cls.empty() ? "unknown" : cls) + " array, expected text");
    if (isEmptyMarked(dataset))
        return {};
    const std::vector<std::uint64_t> dims = hdf5Dims(dataset);
    std::uint64_t count = 1;
    int longDims = 0;
    for (std::uint64_t d : dims) {
        count = d == 0 ? 0 : (count > (std::uint64_t{1} << 40) / d ? ~std::uint64_t{0} : count * d);
        longDims += d > 1;
    }
    if (longDims > 1)
        failVariable(name, where + " is a character matrix, expected one line");
    if (!isPlainNumberType(dataset))
        failVariable(name, where + " is corrupt: its characters are not plain numbers");
    Handle type(H5Dget_type(dataset), H5Tclose);
    if (!storageHolds(dataset, count, type.valid() ? H5Tget_size(type.get()) : 0))
        failVariable(name, where + " is corrupt: it claims " + std::to_string(count) +
                               " characters but the file stores " +
                               std::to_string(H5Dget_storage_size(dataset)) + " bytes for them");
    if (count == 0)
        return {};
    std::vector<std::uint16_t> units(static_cast<std::size_t>(count));
    if (H5Dread(dataset, H5T_NATIVE_UINT16, H5S_ALL, H5S_ALL, H5P_DEFAULT, units.data()) < 0)
        failVariable(name, where + " cannot be read: the file is truncated or corrupt");
    return utf16ToUtf8(units.data(), units.size());
}

} // namespace

std::unique_ptr<MatFile> openMat73File(const std::string& path)
{
    return std::make_unique<Mat73File>(path);
}

} // namespace semrel::mat
