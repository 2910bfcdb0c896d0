// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace semrel::mat {

// What a MAT file says about one variable before its data is read.
struct VariableInfo
{
    std::string name;
    std::string matlabClass;         // "double", "single", "uint8", ..., "char", "cell", "struct"
    std::vector<std::uint64_t> dims; // MATLAB order: rows first
    bool complex = false;

    bool isNumeric() const;
    bool isCell() const { return matlabClass == "cell"; }
    // Product of dims; the readers reject files where it overflows.
    std::uint64_t count() const;
    // "85 x 50"
    std::string shapeText() const;
};

// Receives converted values while a large variable streams in: `values` holds elements
// [first, first + n) in MATLAB (column-major) order and stays valid only during the call.
using FloatBlockSink =
    std::function<void(const float* values, std::uint64_t first, std::uint64_t n)>;

// A MATLAB MAT file opened for reading: v5 (own reader, see mat5_reader.h) or v7.3 (HDF5).
// Every read checks sizes against the file before it allocates or copies, and every fault is a
// DataError naming the file and the variable: a broken file never crashes the reader.
class MatFile
{
public:
    virtual ~MatFile() = default;

    const std::string& path() const { return m_path; }
    const std::vector<VariableInfo>& variables() const { return m_variables; }
    // nullptr when the file has no variable of that name.
    const VariableInfo* find(const std::string& name) const;

    // A numeric variable of any storage type, every element as double, column-major. For the
    // small variables (labels, indices, attributes).
    virtual std::vector<double> readNumeric(const std::string& name) = 0;
    // A numeric variable converted to float32 straight into `out` (count() elements,
    // column-major), so a large double array never exists in memory as a whole. `sink` sees
    // each block after it is written.
    virtual void readFloats(const std::string& name, float* out, const FloatBlockSink& sink) = 0;
    // A cell array of char arrays as UTF-8 strings, column-major.
    virtual std::vector<std::string> readStrings(const std::string& name) = 0;
    // Throws DataError when the variable claims more elements than the bytes the file stores
    // for it can hold: call before allocating for count() elements, so that a damaged size
    // field is refused rather than turned into an allocation of terabytes.
    virtual void requirePlausibleCount(const std::string& name) = 0;

protected:
    explicit MatFile(std::string path) : m_path(std::move(path)) {}
    [[noreturn]] void fail(const std::string& what) const;
    [[noreturn]] void failVariable(const std::string& name, const std::string& what) const;
    const VariableInfo& require(const std::string& name) const;

    std::vector<VariableInfo> m_variables;

private:
    std::string m_path;
};

// Opens `path`, telling v5 from v7.3 by the 128-byte header. Throws DataError when the file is
// missing, unreadable, not a MAT file or broken beyond reading its variable list.
std::unique_ptr<MatFile> openMatFile(const std::string& path);

// MATLAB char data as UTF-8.
std::string utf16ToUtf8(const std::uint16_t* units, std::size_t count);

// Elements per block when streaming a large variable: 1 MiB of floats, fine enough for a
// moving progress bar and small against the data.
constexpr std::uint64_t kStreamBlockElements = std::uint64_t{1} << 18;

} // namespace semrel::mat
