// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "mat/mat5_elements.h"

#include <semrel/errors.h>

#include <algorithm>

namespace semrel::mat {

Tag Cursor::readTag(const char* item)
{
    if (m_remaining < 8)
        corrupt(std::string("no room for the tag of ") + item);
    unsigned char raw[8];
    m_input.readExact(raw, sizeof raw, item);
    m_remaining -= 8;
    Tag tag;
    const std::uint32_t first = loadU32(raw);
    if ((first >> 16) != 0) {
        tag.small = true;
        tag.type = first & 0xFFFF;
        tag.size = first >> 16;
        if (tag.size > 4)
            corrupt(std::string("the small tag of ") + item + " claims " +
                    std::to_string(tag.size) + " bytes");
        std::memcpy(tag.data, raw + 4, 4);
        return tag;
    }
    tag.type = first;
    tag.size = loadU32(raw + 4);
    if (tag.size > m_remaining)
        corrupt(std::string(item) + " claims " + std::to_string(tag.size) + " bytes, only " +
                std::to_string(m_remaining) + " remain");
    return tag;
}

void Cursor::read(void* dst, std::size_t n, const char* item)
{
    if (n > m_remaining)
        corrupt(std::string(item) + " runs past the end of its element");
    m_input.readExact(dst, n, item);
    m_remaining -= n;
}

void Cursor::skip(std::uint64_t n, const char* item)
{
    if (n > m_remaining)
        corrupt(std::string(item) + " runs past the end of its element");
    m_input.skip(n, item);
    m_remaining -= n;
}

void Cursor::skipPadding(std::uint64_t payload)
{
    const std::uint64_t pad = (8 - payload % 8) % 8;
    skip(std::min(pad, m_remaining), "padding");
}

void Cursor::consume(std::uint64_t n)
{
    if (n > m_remaining)
        corrupt("a nested element runs past the end of its parent");
    m_remaining -= n;
}

void Cursor::corrupt(const std::string& why) const
{
    throw DataError(m_input.what() + " is corrupt: " + why);
}

namespace {

const char* className(std::uint32_t classId, bool logical)
{
    static const char* const kNames[] = {"unknown", "cell",   "struct", "object", "char",  "sparse",
                                         "double",  "single", "int8",   "uint8",  "int16", "uint16",
                                         "int32",   "uint32", "int64",  "uint64"};
    if (logical && classId == 9)
        return "logical";
    return classId < std::size(kNames) ? kNames[classId] : "unknown";
}

std::vector<unsigned char> readPayload(Cursor& cursor, const Tag& tag, const char* item)
{
    // Before the allocation: a damaged tag may claim up to 4 GiB in a file of a few bytes.
    if (!tag.small && tag.size > cursor.remaining())
        cursor.corrupt(std::string(item) + " runs past the end of its element");
    std::vector<unsigned char> bytes(static_cast<std::size_t>(tag.size));
    if (tag.small) {
        std::memcpy(bytes.data(), tag.data, bytes.size());
    } else {
        cursor.read(bytes.data(), bytes.size(), item);
        cursor.skipPadding(tag.size);
    }
    return bytes;
}

std::size_t elementSize(std::uint32_t type)
{
    switch (type) {
    case miINT8:
    case miUINT8:
        return 1;
    case miINT16:
    case miUINT16:
        return 2;
    case miINT32:
    case miUINT32:
    case miSINGLE:
        return 4;
    case miDOUBLE:
    case miINT64:
    case miUINT64:
        return 8;
    default:
        return 0;
    }
}

template <typename Stored, typename Out>
void convertAs(const unsigned char* raw, std::size_t n, Out* out)
{
    for (std::size_t i = 0; i < n; ++i) {
        Stored v;
        std::memcpy(&v, raw + i * sizeof(Stored), sizeof(Stored));
        out[i] = static_cast<Out>(v);
    }
}

template <typename Out>
void convert(std::uint32_t type, const unsigned char* raw, std::size_t n, Out* out)
{
    switch (type) {
    case miINT8:
        return convertAs<std::int8_t>(raw, n, out);
    case miUINT8:
        return convertAs<std::uint8_t>(raw, n, out);
    case miINT16:
        return convertAs<std::int16_t>(raw, n, out);
    case miUINT16:
        return convertAs<std::uint16_t>(raw, n, out);
    case miINT32:
        return convertAs<std::int32_t>(raw, n, out);
    case miUINT32:
        return convertAs<std::uint32_t>(raw, n, out);
    case miSINGLE:
        return convertAs<float>(raw, n, out);
    case miDOUBLE:
        return convertAs<double>(raw, n, out);
    case miINT64:
        return convertAs<std::int64_t>(raw, n, out);
    case miUINT64:
        return convertAs<std::uint64_t>(raw, n, out);
    }
}

// Streams `count` elements in blocks: `target(first, n)` says where block [first, first + n)
// goes, `done(ptr, first, n)` sees it after conversion.
template <typename Out, typename Target, typename Done>
void streamNumeric(Cursor& cursor, std::uint64_t count, Target target, Done done)
{
    if (count == 0 && cursor.remaining() == 0)
        return; // some writers leave out the data element of an empty array
    const Tag tag = cursor.readTag("the numeric data");
    const std::size_t size = elementSize(tag.type);
    if (size == 0)
        cursor.corrupt("numeric data has storage type " + std::to_string(tag.type));
    if (tag.size % size != 0 || tag.size / size != count)
        cursor.corrupt("the data has " + std::to_string(tag.size) + " bytes for " +
                       std::to_string(count) + " elements of " + std::to_string(size) + " bytes");
    if (tag.small) {
        convert(tag.type, tag.data, static_cast<std::size_t>(count), target(0, count));
        done(target(0, count), 0, count);
        return;
    }
    const std::uint64_t block = kStreamBlockElements;
    std::vector<unsigned char> raw(static_cast<std::size_t>(std::min(count, block) * size));
    for (std::uint64_t first = 0; first < count; first += block) {
        const std::uint64_t n = std::min(block, count - first);
        cursor.read(raw.data(), static_cast<std::size_t>(n * size), "the numeric data");
        Out* out = target(first, n);
        convert(tag.type, raw.data(), static_cast<std::size_t>(n), out);
        done(out, first, n);
    }
    cursor.skipPadding(tag.size);
}

bool isTextRow(const VariableInfo& info)
{
    int longDims = 0;
    for (std::uint64_t d : info.dims)
        longDims += d > 1;
    return longDims <= 1;
}

std::string readCharData(Cursor& cursor, const MatrixHeader& header)
{
    const std::uint64_t count = header.info.count();
    const Tag tag = cursor.readTag("the text");
    const std::vector<unsigned char> bytes = readPayload(cursor, tag, "the text");
    switch (tag.type) {
    case miUTF8:
        return std::string(bytes.begin(), bytes.end());
    case miUINT8:
    case miINT8: {
        if (bytes.size() != count)
            cursor.corrupt("the text has " + std::to_string(bytes.size()) + " bytes for " +
                           std::to_string(count) + " characters");
        std::vector<std::uint16_t> units(bytes.begin(), bytes.end()); // Latin-1
        return utf16ToUtf8(units.data(), units.size());
    }
    case miUINT16:
    case miUTF16: {
        if (bytes.size() != count * 2)
            cursor.corrupt("the text has " + std::to_string(bytes.size()) + " bytes for " +
                           std::to_string(count) + " characters");
        std::vector<std::uint16_t> units(static_cast<std::size_t>(count));
        std::memcpy(units.data(), bytes.data(), bytes.size());
        return utf16ToUtf8(units.data(), units.size());
    }
    default:
        cursor.corrupt("text has storage type " + std::to_string(tag.type));
    }
}

} // namespace

MatrixHeader readMatrixHeader(Cursor& cursor)
{
    MatrixHeader header;
    const Tag flags = cursor.readTag("the array flags");
    const std::vector<unsigned char> flagBytes = readPayload(cursor, flags, "the array flags");
    if (flags.type != miUINT32 || flagBytes.size() != 8)
        cursor.corrupt("the array flags are malformed");
    header.classId = flagBytes[0];
    header.info.complex = (flagBytes[1] & 0x08) != 0;
    header.info.matlabClass = className(header.classId, (flagBytes[1] & 0x02) != 0);

    const Tag dims = cursor.readTag("the dimensions");
    if (dims.type != miINT32 || dims.size % 4 != 0 || dims.size < 8 || dims.size > 4 * 32)
        cursor.corrupt("the dimensions are malformed");
    const std::vector<unsigned char> dimBytes = readPayload(cursor, dims, "the dimensions");
    for (std::size_t i = 0; i < dimBytes.size(); i += 4) {
        const auto d = static_cast<std::int32_t>(loadU32(dimBytes.data() + i));
        if (d < 0)
            cursor.corrupt("a dimension is negative");
        header.info.dims.push_back(static_cast<std::uint64_t>(d));
    }

    const Tag name = cursor.readTag("the name");
    if ((name.type != miINT8 && name.type != miUINT8) || name.size > 4096)
        cursor.corrupt("the name is malformed");
    const std::vector<unsigned char> nameBytes = readPayload(cursor, name, "the name");
    header.info.name.assign(nameBytes.begin(), nameBytes.end());
    return header;
}

void readNumericData(Cursor& cursor, std::uint64_t count,
                     const std::function<void(const double*, std::uint64_t, std::uint64_t)>& sink)
{
    std::vector<double> block(static_cast<std::size_t>(std::min(count, kStreamBlockElements)));
    streamNumeric<double>(
        cursor, count, [&](std::uint64_t, std::uint64_t) { return block.data(); },
        [&](const double* values, std::uint64_t first, std::uint64_t n) {
            sink(values, first, n);
        });
}

void readNumericData(Cursor& cursor, std::uint64_t count, float* out, const FloatBlockSink& sink)
{
    streamNumeric<float>(
        cursor, count, [&](std::uint64_t first, std::uint64_t) { return out + first; },
        [&](const float* values, std::uint64_t first, std::uint64_t n) {
            if (sink)
                sink(values, first, n);
        });
}

std::vector<std::string> readCellOfText(Cursor& cursor, std::uint64_t count)
{
    if (count > cursor.remaining() / 8)
        cursor.corrupt("the cell claims " + std::to_string(count) + " entries in " +
                       std::to_string(cursor.remaining()) + " bytes");
    std::vector<std::string> strings;
    strings.reserve(static_cast<std::size_t>(count));
    for (std::uint64_t i = 0; i < count; ++i) {
        const Tag tag = cursor.readTag("a cell entry");
        if (tag.type != miMATRIX || tag.small)
            cursor.corrupt("cell entry " + std::to_string(i + 1) + " is not a matrix element");
        if (tag.size == 0) {
            strings.emplace_back(); // MATLAB writes [] as a bare tag
            continue;
        }
        // The declared size only bounds the entry: matio's compressed writer overstates it for
        // text (it counts two bytes per character and then writes UTF-8), while the entry's
        // own elements say exactly where it ends.
        Cursor entry(cursor.input(), tag.size);
        const MatrixHeader header = readMatrixHeader(entry);
        if (header.info.count() == 0) {
            strings.emplace_back();
        } else if (header.classId != 4) {
            throw DataError(cursor.input().what() + " entry " + std::to_string(i + 1) + " is a " +
                            header.info.matlabClass + " array, expected text");
        } else if (!isTextRow(header.info)) {
            throw DataError(cursor.input().what() + " entry " + std::to_string(i + 1) + " is a " +
                            header.info.shapeText() + " character matrix, expected one line");
        } else {
            strings.push_back(readCharData(entry, header));
        }
        cursor.consume(tag.size - entry.remaining());
    }
    return strings;
}

} // namespace semrel::mat
