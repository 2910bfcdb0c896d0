// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "mat/mat5_stream.h"
#include "mat/mat_file.h"

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

// The data elements of a MAT v5 file (MathWorks, "MAT-File Format", chapter 1): tags, the
// miMATRIX header, numeric and char data, cells. Every length is checked against the bytes left
// in the enclosing element before anything is read or allocated.
namespace semrel::mat {

enum MiType : std::uint32_t {
    miINT8 = 1,
    miUINT8 = 2,
    miINT16 = 3,
    miUINT16 = 4,
    miINT32 = 5,
    miUINT32 = 6,
    miSINGLE = 7,
    miDOUBLE = 9,
    miINT64 = 12,
    miUINT64 = 13,
    miMATRIX = 14,
    miCOMPRESSED = 15,
    miUTF8 = 16,
    miUTF16 = 17,
    miUTF32 = 18,
};

inline std::uint32_t loadU32(const unsigned char* p)
{
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v); // files are little-endian, as is every platform we build for
    return v;
}

struct Tag
{
    std::uint32_t type = 0;
    std::uint64_t size = 0;
    bool small = false; // the 4-byte "small data element" form: data in the tag itself
    unsigned char data[4] = {};
};

// Reads the elements of one miMATRIX (or a part of it) within a byte budget.
class Cursor
{
public:
    Cursor(ElementInput& input, std::uint64_t budget) : m_input(input), m_remaining(budget) {}

    std::uint64_t remaining() const { return m_remaining; }
    ElementInput& input() { return m_input; }

    // Reads a tag and checks that its payload fits in what is left.
    Tag readTag(const char* item);
    void read(void* dst, std::size_t n, const char* item);
    void skip(std::uint64_t n, const char* item);
    // Elements are padded to 8 bytes; a writer may leave out the last element's padding.
    void skipPadding(std::uint64_t payload);
    // Accounts for n bytes that a nested cursor on the same input has read.
    void consume(std::uint64_t n);
    [[noreturn]] void corrupt(const std::string& why) const;

private:
    ElementInput& m_input;
    std::uint64_t m_remaining;
};

struct MatrixHeader
{
    VariableInfo info;
    std::uint32_t classId = 0;
};

// Array flags, dimensions and name of a miMATRIX.
MatrixHeader readMatrixHeader(Cursor& cursor);

// The real part of a numeric array of `count` elements, any storage type, in blocks.
void readNumericData(Cursor& cursor, std::uint64_t count,
                     const std::function<void(const double*, std::uint64_t, std::uint64_t)>& sink);
void readNumericData(Cursor& cursor, std::uint64_t count, float* out, const FloatBlockSink& sink);

// The `count` char arrays of a cell, as UTF-8.
std::vector<std::string> readCellOfText(Cursor& cursor, std::uint64_t count);

} // namespace semrel::mat
