// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace semrel {

// A new, empty temporary file beside `target` that replaces `target` only on commit(). Until then
// the target is untouched; if commit() is never reached (an error, an exception) the destructor
// removes the temporary file. This is how every saved file is written: never half of one.
class PendingFile
{
public:
    // Checks that `target` may be replaced (absent or a regular file: never a folder, device,
    // FIFO or socket), removes abandoned temporary files of ours from its folder
    // (temporary_files.h), then creates "<target>.semrel-<random>.tmp" exclusively and holds an
    // flock on it while this object lives, which tells other writers it is in use. Throws
    // DataError naming `target` when the folder is not writable.
    explicit PendingFile(std::string target);
    ~PendingFile();
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;

    // The temporary file being written.
    const std::string& path() const { return m_path; }

    // Appends `size` bytes. A short or failed write is a DataError that says why (the disk is
    // full, the file size limit, a quota) and that nothing was saved.
    void write(const void* data, std::size_t size);

    // Flushes the temporary file to disk and closes it (both checked), runs `verify` on it (which
    // throws when the file does not read back as written), then renames it over the target and
    // flushes the folder, so that after a crash either the old or the new file is there,
    // complete. Throws DataError; on any failure the target is untouched.
    void commit(const std::function<void(const std::string& path)>& verify = {});

private:
    [[noreturn]] void failWrite(int error) const;

    std::string m_target;
    std::string m_path;
    int m_fd = -1;
    bool m_committed = false;
};

} // namespace semrel
