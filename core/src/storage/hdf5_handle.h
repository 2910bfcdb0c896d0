// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <hdf5.h>

#include <string>
#include <utility>

namespace semrel::h5 {

// Owns one HDF5 identifier (file, group, dataset, dataspace, datatype, attribute, property list)
// and closes it with the matching H5?close function, so no early return or exception leaks it.
class Handle
{
public:
    using Closer = herr_t (*)(hid_t);

    Handle() = default;
    Handle(hid_t id, Closer closer) : m_id(id), m_closer(closer) {}
    ~Handle() { reset(); }
    Handle(Handle&& other) noexcept
        : m_id(std::exchange(other.m_id, H5I_INVALID_HID)), m_closer(other.m_closer)
    {}
    Handle& operator=(Handle&& other) noexcept
    {
        if (this != &other) {
            reset();
            m_id = std::exchange(other.m_id, H5I_INVALID_HID);
            m_closer = other.m_closer;
        }
        return *this;
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;

    hid_t get() const { return m_id; }
    bool valid() const { return m_id >= 0; }

    // Closes now and reports whether that worked. A file opened for writing must be closed this
    // way: HDF5 flushes its metadata on close, and a failure there means the file is incomplete.
    bool close()
    {
        const herr_t status = m_id >= 0 ? m_closer(m_id) : 0;
        m_id = H5I_INVALID_HID;
        return status >= 0;
    }
    void reset() { close(); }

private:
    hid_t m_id = H5I_INVALID_HID;
    Closer m_closer = nullptr;
};

// Switches off HDF5's automatic printing of its error stack to stderr for the calling thread
// (cheap after the first call): every failure is reported through a DataError instead.
void silenceErrors();

// The innermost description on HDF5's error stack for this thread (for example "truncated file:
// eof = 800, sblock->base_addr = 0, stored_eof = 2144") on one line, or an empty string. Call
// right after a failing HDF5 call, before the next one clears the stack. Clears the stack.
std::string lastErrorDetail();

// HDF5's own words as an error's technical detail (errors.h, withTechnicalDetail()):
// "HDF5: <detail>", or empty when HDF5 said nothing.
std::string technicalDetail(const std::string& detail);

// `message` with lastErrorDetail() as its technical detail, one click away in the window. Call
// right after a failing HDF5 call, as lastErrorDetail().
std::string withLastErrorDetail(const std::string& message);

// Why HDF5 failed to read a file, in a user's words, from its innermost description
// (lastErrorDetail()): "the file is incomplete: it has 800 of the 2144 bytes it should have
// (cut short while copying or downloading?)", "the file is damaged: ...". Never empty.
std::string explainReadFailure(const std::string& detail);

// Empties this thread's HDF5 error stack. A stack left with entries on a thread holds references
// to HDF5's error classes and messages, and at exit the library then cannot close them ("HDF5:
// infinite loop closing library", seen after a damaged file was opened on a window's pool
// thread). Readers and writers call it when they are done with a file.
void clearErrors();

// True when the file is a regular file that starts with the 8-byte HDF5 signature. Cheap; false
// for a missing file, a folder, a FIFO or a device (never opened, so never waited on). HDF5 also
// allows the signature after a user block (at 512, 1024, ...); our writers never add one.
bool startsWithSignature(const std::string& path);

} // namespace semrel::h5
