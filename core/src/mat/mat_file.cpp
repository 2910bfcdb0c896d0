// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "mat/mat_file.h"

#include "mat/mat5_reader.h"
#include "mat/mat73_reader.h"
#include "storage/hdf5_handle.h"

#include <semrel/errors.h>
#include <semrel/storage/input_file.h>

#include <hdf5.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>

namespace semrel::mat {

bool VariableInfo::isNumeric() const
{
    static const char* const kNumeric[] = {"double", "single", "int8",   "uint8",
                                           "int16",  "uint16", "int32",  "uint32",
                                           "int64",  "uint64", "logical"};
    for (const char* c : kNumeric)
        if (matlabClass == c)
            return true;
    return false;
}

std::uint64_t VariableInfo::count() const
{
    std::uint64_t n = 1;
    for (std::uint64_t d : dims) {
        if (d != 0 && n > std::numeric_limits<std::uint64_t>::max() / d)
            return std::numeric_limits<std::uint64_t>::max();
        n *= d;
    }
    return n;
}

std::string VariableInfo::shapeText() const
{
    std::string text;
    for (std::size_t i = 0; i < dims.size(); ++i)
        text += (i ? " x " : "") + std::to_string(dims[i]);
    return text;
}

const VariableInfo* MatFile::find(const std::string& name) const
{
    for (const VariableInfo& v : m_variables)
        if (v.name == name)
            return &v;
    return nullptr;
}

void MatFile::fail(const std::string& what) const
{
    throw DataError(m_path + ": " + what);
}

void MatFile::failVariable(const std::string& name, const std::string& what) const
{
    throw DataError(m_path + ": '" + name + "' " + what);
}

const VariableInfo& MatFile::require(const std::string& name) const
{
    const VariableInfo* info = find(name);
    if (!info)
        fail("has no variable '" + name + "'");
    return *info;
}

std::string utf16ToUtf8(const std::uint16_t* units, std::size_t count)
{
    std::string out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::uint32_t cp = units[i];
        if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < count && units[i + 1] >= 0xDC00 &&
            units[i + 1] < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (units[i + 1] - 0xDC00);
            ++i;
        } else if (cp >= 0xD800 && cp < 0xE000) {
            cp = 0xFFFD; // a lone surrogate cannot be encoded; keep the text readable
        }
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

namespace {

enum class Flavour { V5, V73, Unknown };

Flavour flavourOf(const std::string& path)
{
    requireRegularFile(path); // before the open: a FIFO would block it
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file)
        throw DataError(path + ": cannot open (" + std::strerror(errno) + ")");
    unsigned char header[128] = {};
    const std::size_t got = std::fread(header, 1, sizeof header, file);
    std::fclose(file);
    if (got == sizeof header) {
        const unsigned version = header[124] | (header[125] << 8);
        if (header[126] == 'I' && header[127] == 'M') {
            if (version == 0x0100)
                return Flavour::V5;
            if (version == 0x0200)
                return Flavour::V73;
        }
        if (header[126] == 'M' && header[127] == 'I' && std::memcmp(header, "MATLAB", 6) == 0)
            throw DataError(path +
                            ": is a big-endian MAT file; only little-endian files are supported");
    }
    // A v7.3 file without the MATLAB text header is still plain HDF5 that MATLAB reads.
    h5::silenceErrors();
    const bool hdf5 = H5Fis_hdf5(path.c_str()) > 0;
    h5::clearErrors();
    if (hdf5)
        return Flavour::V73;
    if (got < sizeof header)
        throw DataError(path + ": is not a MAT file: it has " + std::to_string(got) +
                        " bytes, shorter than the 128-byte MAT-file header");
    return Flavour::Unknown;
}

} // namespace

std::unique_ptr<MatFile> openMatFile(const std::string& path)
{
    switch (flavourOf(path)) {
    case Flavour::V5:
        return openMat5File(path);
    case Flavour::V73:
        return openMat73File(path);
    case Flavour::Unknown:
        break;
    }
    throw DataError(path + ": is not a MATLAB v5 or v7.3 MAT file (no MAT-file header)");
}

} // namespace semrel::mat
