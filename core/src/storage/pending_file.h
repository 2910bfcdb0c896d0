// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace semrel {

// A new, empty temporary file beside `target` that replaces `target` only on commit(). Until then
// the target is untouched; if commit() is never reached (an error, an exception) the destructor
// removes the temporary file. This is how every saved file is written: never half of one.
class PendingFile
{
public:
    // Creates "<target>.tmp-<random>" exclusively. Throws DataError naming `target` when the
    // folder is not writable.
    explicit PendingFile(std::string target);
    ~PendingFile();
    PendingFile(const PendingFile&) = delete;
    PendingFile& operator=(const PendingFile&) = delete;

    // The temporary file to write to.
    const std::string& path() const { return m_path; }

    // Flushes the temporary file to disk and renames it over the target, so that after a crash
    // either the old or the new file is there, complete. Throws DataError.
    void commit();

private:
    std::string m_target;
    std::string m_path;
    bool m_committed = false;
};

} // namespace semrel
