// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>
#include <zlib.h>

namespace semrel::mat {

// An open file shared by the byte sources reading regions of it.
class InputFile
{
public:
    explicit InputFile(const std::string& path); // throws DataError
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    std::uint64_t size() const { return m_size; }
    const std::string& path() const { return m_path; }
    // Reads up to n bytes at offset; returns how many it got.
    std::size_t readAt(std::uint64_t offset, void* dst, std::size_t n);

private:
    std::string m_path;
    std::FILE* m_file = nullptr;
    std::uint64_t m_size = 0;
    std::uint64_t m_position = 0;
};

// Bytes read front to back. read() returns fewer than asked only at the end of the data.
class ByteSource
{
public:
    virtual ~ByteSource() = default;
    virtual std::size_t read(void* dst, std::size_t n) = 0;
    // After the caller has read what it needs: throws DataError if the source's own integrity
    // check fails (the zlib stream's checksum). A plain file region has none.
    virtual void verifyEnd() {}
};

// [offset, offset + length) of a file, clipped to the file's end.
class FileRegion : public ByteSource
{
public:
    FileRegion(InputFile& file, std::uint64_t offset, std::uint64_t length);
    std::size_t read(void* dst, std::size_t n) override;

private:
    InputFile& m_file;
    std::uint64_t m_offset;
    std::uint64_t m_remaining;
};

// The inflated content of a miCOMPRESSED element (a zlib stream in a file region).
class InflateSource : public ByteSource
{
public:
    // `what` names the data in messages, e.g. "/x/res101.mat: 'features'".
    InflateSource(InputFile& file, std::uint64_t offset, std::uint64_t length, std::string what);
    ~InflateSource() override;
    InflateSource(const InflateSource&) = delete;
    InflateSource& operator=(const InflateSource&) = delete;

    std::size_t read(void* dst, std::size_t n) override;
    void verifyEnd() override;

private:
    [[noreturn]] void fail(const std::string& why) const;

    FileRegion m_input;
    std::string m_what;
    z_stream m_zs{};
    std::vector<unsigned char> m_buffer;
    bool m_ended = false;
    bool m_inputExhausted = false;
};

// Buffered, bounded reading for the element parser: every read states what it reads so that a
// short read becomes a message naming it.
class ElementInput
{
public:
    explicit ElementInput(ByteSource& source, std::string what);

    // Reads exactly n bytes or throws DataError "... is truncated (reading <item>)".
    void readExact(void* dst, std::size_t n, const char* item);
    void skip(std::uint64_t n, const char* item);
    const std::string& what() const { return m_what; }

private:
    std::size_t fill();

    ByteSource& m_source;
    std::string m_what;
    std::vector<unsigned char> m_buffer;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
};

} // namespace semrel::mat
