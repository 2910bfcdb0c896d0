// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "storage/hdf5_handle.h"
#include "storage/huge_pages.h"

#include <semrel/errors.h>

#include <hdf5.h>

#include <cstdint>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

namespace semrel::h5 {

using Dims = std::vector<hsize_t>;

class Reader;

// One dataset of an open file, its rank, shape and element class already checked. Reads convert
// the stored type to the requested memory type (a float64 array reads fine into floats).
class Array
{
public:
    const Dims& dims() const { return m_dims; }
    hsize_t dim(int i) const { return m_dims.at(static_cast<std::size_t>(i)); }
    // Number of elements; throws DataError when the product of the dims overflows.
    std::uint64_t count() const;
    // Rows of one chunk along the first dimension, or 0 when the array is not chunked.
    hsize_t chunkRows() const;

    // Reads the whole array into `buffer`, which holds count() elements of `memType`.
    void read(hid_t memType, void* buffer) const;
    // Reads rows [first, first + n) of the first dimension into `buffer`.
    void readRows(hid_t memType, hsize_t first, hsize_t n, void* buffer) const;
    // For an array of strings (variable or fixed length).
    std::vector<std::string> readStrings() const;

    // Resizes `values` to count() elements; a size no memory can hold is a DataError, not a
    // std::bad_alloc, since it comes from the file.
    template <typename T> void resizeToFit(std::vector<T>& values) const
    {
        try {
            const auto n = static_cast<std::size_t>(count());
            values.reserve(n); // allocated but untouched, so the advice can still take effect
            adviseHugePages(values.data(), n * sizeof(T));
            values.resize(n);
        } catch (const std::bad_alloc&) {
            tooLarge();
        } catch (const std::length_error&) {
            tooLarge();
        }
    }
    template <typename T> std::vector<T> readAll(hid_t memType) const
    {
        std::vector<T> values;
        resizeToFit(values);
        if (!values.empty())
            read(memType, values.data());
        return values;
    }

private:
    friend class Reader;
    Array(const Reader& file, std::string field, Handle dataset, Dims dims);
    [[noreturn]] void tooLarge() const;

    const Reader* m_file;
    std::string m_field;
    Handle m_dataset;
    Dims m_dims;
};

// An HDF5 file opened read-only. Every failure is a DataError that names the file (as the user
// gave it) and the field. Only the file itself is read: links into other files, external
// storage and virtual datasets are refused (hdf5_containment.h).
class Reader
{
public:
    // Throws DataError when the file is missing, not a regular file (a FIFO or device is never
    // opened), unreadable, not HDF5, or cannot be opened.
    explicit Reader(std::string path);
    ~Reader();
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;

    const std::string& path() const { return m_path; }
    // For calls this class does not wrap (listing a group).
    hid_t fileId() const { return m_file.get(); }

    // Whether the dataset or group at `field` ("/classes/names") exists. Refuses a path through
    // a link other than a plain (hard) one.
    bool exists(const std::string& field) const;
    // Opens the dataset at `field` and checks that it has `rank` dimensions of element class
    // `elementClass`; "is missing" when it does not exist. Refuses data stored outside the file.
    Array open(const std::string& field, H5T_class_t elementClass, int rank) const;
    // The rank of the dataset at `field`, for arrays of any rank.
    int rank(const std::string& field) const;

    bool hasAttribute(const std::string& name) const;
    // Scalar root attributes; missing or of the wrong kind is a DataError.
    std::string stringAttribute(const std::string& name) const;
    std::int64_t intAttribute(const std::string& name) const;
    std::uint64_t unsignedAttribute(const std::string& name) const;
    double realAttribute(const std::string& name) const;

    [[noreturn]] void fail(const std::string& field, const std::string& what) const;
    // For a failed HDF5 call: adds the likely cause and HDF5's own words.
    [[noreturn]] void failHdf5(const std::string& field, const std::string& what) const;

private:
    Handle openDataset(const std::string& field) const;
    void readNumericAttribute(const std::string& name, H5T_class_t elementClass, hid_t memType,
                              void* value) const;

    std::string m_path;
    Handle m_file;
};

} // namespace semrel::h5
