// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "mat/mat5_stream.h"

#include <semrel/errors.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>

namespace semrel::mat {

InputFile::InputFile(const std::string& path) : m_path(path)
{
    m_file = std::fopen(path.c_str(), "rb");
    if (!m_file)
        throw DataError(path + ": cannot open (" + std::strerror(errno) + ")");
    if (fseeko(m_file, 0, SEEK_END) != 0 || ftello(m_file) < 0) {
        std::fclose(m_file);
        throw DataError(path + ": cannot determine the file size");
    }
    m_size = static_cast<std::uint64_t>(ftello(m_file));
    m_position = m_size;
    // The features are read front to back once: a larger readahead window helps a cold read.
    ::posix_fadvise(fileno(m_file), 0, 0, POSIX_FADV_SEQUENTIAL);
}

InputFile::~InputFile()
{
    std::fclose(m_file);
}

std::size_t InputFile::readAt(std::uint64_t offset, void* dst, std::size_t n)
{
    if (offset >= m_size || n == 0)
        return 0;
    // Sequential reads (the common case) skip the seek, which would drop stdio's buffer.
    if (offset != m_position) {
        if (offset > static_cast<std::uint64_t>(std::numeric_limits<off_t>::max()) ||
            fseeko(m_file, static_cast<off_t>(offset), SEEK_SET) != 0)
            throw DataError(m_path + ": cannot seek to byte " + std::to_string(offset));
        m_position = offset;
    }
    const std::size_t got = std::fread(dst, 1, n, m_file);
    m_position += got;
    if (got < n && std::ferror(m_file))
        throw DataError(m_path + ": read error at byte " + std::to_string(m_position));
    return got;
}

FileRegion::FileRegion(InputFile& file, std::uint64_t offset, std::uint64_t length)
    : m_file(file), m_offset(offset), m_remaining(0)
{
    if (offset < file.size())
        m_remaining = std::min(length, file.size() - offset);
}

std::size_t FileRegion::read(void* dst, std::size_t n)
{
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(n, m_remaining));
    const std::size_t got = m_file.readAt(m_offset, dst, want);
    m_offset += got;
    m_remaining -= got;
    return got;
}

namespace {
constexpr std::size_t kInflateInput = 256 * 1024;
}

InflateSource::InflateSource(InputFile& file, std::uint64_t offset, std::uint64_t length,
                             std::string what)
    : m_input(file, offset, length), m_what(std::move(what)), m_buffer(kInflateInput)
{
    if (inflateInit(&m_zs) != Z_OK)
        throw DataError(m_what + ": cannot start zlib decompression");
}

InflateSource::~InflateSource()
{
    inflateEnd(&m_zs);
}

void InflateSource::fail(const std::string& why) const
{
    throw DataError(m_what + ": compressed data is " + why);
}

std::size_t InflateSource::read(void* dst, std::size_t n)
{
    m_zs.next_out = static_cast<Bytef*>(dst);
    std::size_t produced = 0;
    while (produced < n && !m_ended) {
        if (m_zs.avail_in == 0 && !m_inputExhausted) {
            const std::size_t got = m_input.read(m_buffer.data(), m_buffer.size());
            m_inputExhausted = got == 0;
            m_zs.next_in = m_buffer.data();
            m_zs.avail_in = static_cast<uInt>(got);
        }
        const std::size_t want = std::min<std::size_t>(n - produced, 1u << 30);
        m_zs.avail_out = static_cast<uInt>(want);
        const int status = inflate(&m_zs, Z_NO_FLUSH);
        produced += want - m_zs.avail_out;
        if (status == Z_STREAM_END) {
            m_ended = true;
        } else if (status == Z_BUF_ERROR && m_inputExhausted) {
            break; // the stream stops early: the caller reports what it missed
        } else if (status != Z_OK && status != Z_BUF_ERROR) {
            fail(std::string("corrupt (zlib: ") + (m_zs.msg ? m_zs.msg : "error") + ")");
        }
    }
    return produced;
}

void InflateSource::verifyEnd()
{
    // The adler-32 checksum sits after the data; only inflating up to it checks it.
    unsigned char scratch[64];
    std::size_t extra = 0;
    while (!m_ended) {
        const std::size_t got = read(scratch, sizeof scratch);
        extra += got;
        if (got == 0 && !m_ended)
            fail("truncated (the zlib stream has no end)");
        if (extra > 4096)
            fail("longer than the variable it holds");
    }
}

ElementInput::ElementInput(ByteSource& source, std::string what)
    : m_source(source), m_what(std::move(what)), m_buffer(64 * 1024)
{}

std::size_t ElementInput::fill()
{
    m_begin = 0;
    m_end = m_source.read(m_buffer.data(), m_buffer.size());
    return m_end;
}

void ElementInput::readExact(void* dst, std::size_t n, const char* item)
{
    auto* out = static_cast<unsigned char*>(dst);
    while (n > 0) {
        if (m_begin == m_end) {
            // Large reads go straight to the destination: the features never pass the buffer.
            if (n >= m_buffer.size()) {
                const std::size_t got = m_source.read(out, n);
                if (got < n)
                    throw DataError(m_what + " is truncated (reading " + item + ")");
                return;
            }
            if (fill() == 0)
                throw DataError(m_what + " is truncated (reading " + item + ")");
        }
        const std::size_t take = std::min(n, m_end - m_begin);
        std::memcpy(out, m_buffer.data() + m_begin, take);
        m_begin += take;
        out += take;
        n -= take;
    }
}

void ElementInput::skip(std::uint64_t n, const char* item)
{
    while (n > 0) {
        if (m_begin == m_end && fill() == 0)
            throw DataError(m_what + " is truncated (skipping " + item + ")");
        const std::size_t take =
            static_cast<std::size_t>(std::min<std::uint64_t>(n, m_end - m_begin));
        m_begin += take;
        n -= take;
    }
}

} // namespace semrel::mat
