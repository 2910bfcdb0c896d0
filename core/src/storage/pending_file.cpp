// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "storage/pending_file.h"

#include <semrel/errors.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <unistd.h>

namespace semrel {

namespace {

std::string randomSuffix()
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::random_device device;
    std::string suffix;
    for (int i = 0; i < 8; ++i)
        suffix += kDigits[device() % 16];
    return suffix;
}

// Best effort: a failure here only weakens the crash guarantee, the data itself is written.
void syncFolderOf(const std::string& file)
{
    std::string folder = std::filesystem::path(file).parent_path().string();
    if (folder.empty())
        folder = ".";
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

PendingFile::PendingFile(std::string target) : m_target(std::move(target))
{
    for (int attempt = 0; attempt < 16; ++attempt) {
        m_path = m_target + ".tmp-" + randomSuffix();
        // O_EXCL: the file is ours, so removing it later never removes someone else's.
        const int fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            ::close(fd);
            return;
        }
        if (errno != EEXIST)
            break;
    }
    const std::string reason = std::strerror(errno);
    m_path.clear();
    throw DataError(m_target + ": could not create a temporary file beside it (" + reason + ")");
}

PendingFile::~PendingFile()
{
    if (!m_committed && !m_path.empty())
        std::remove(m_path.c_str());
}

void PendingFile::commit()
{
    const int fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const std::string reason = std::strerror(errno);
        if (fd >= 0)
            ::close(fd);
        throw DataError(m_target + ": could not be saved to disk (" + reason + ")");
    }
    ::close(fd);
    if (std::rename(m_path.c_str(), m_target.c_str()) != 0)
        throw DataError(m_target + ": could not be replaced (" + std::strerror(errno) + ")");
    m_committed = true;
    syncFolderOf(m_target);
}

} // namespace semrel
