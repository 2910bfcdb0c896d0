// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "storage/pending_file.h"

#include "storage/temporary_files.h"

#include <semrel/errors.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace semrel {

namespace {

std::string folderOf(const std::string& file)
{
    const std::string folder = std::filesystem::path(file).parent_path().string();
    return folder.empty() ? std::string(".") : folder;
}

// Best effort: a failure here only weakens the crash guarantee, the data itself is written.
void syncFolderOf(const std::string& file)
{
    const int fd = ::open(folderOf(file).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// A target that exists must be a regular file: rename() would otherwise replace a device node
// (as root, /dev/null became a regular file) or a FIFO another program reads, and it cannot
// replace a folder. A symbolic link is replaced by the file, not followed.
void requireReplaceable(const std::string& target)
{
    if (target.empty())
        throw DataError("an empty path names no file to write");
    struct stat info
    {
    };
    if (::lstat(target.c_str(), &info) != 0)
        return;
    if (S_ISDIR(info.st_mode))
        throw DataError(target + ": is a folder; give a file name to write");
    if (!S_ISREG(info.st_mode) && !S_ISLNK(info.st_mode))
        throw DataError(target + ": is not a regular file (a device, FIFO or socket), so it is "
                                 "not replaced");
}

std::string reasonOf(int error)
{
    switch (error) {
    case ENOSPC:
        return "the disk is full";
    case EFBIG:
        return "the file would exceed the file size limit";
    case EDQUOT:
        return "the disk quota is used up";
    default:
        return std::strerror(error);
    }
}

} // namespace

PendingFile::PendingFile(std::string target) : m_target(std::move(target))
{
    requireReplaceable(m_target);
    removeStaleTemporaryFiles(folderOf(m_target));
    for (int attempt = 0; attempt < 16; ++attempt) {
        m_path = temporaryNameFor(m_target);
        // O_EXCL: the file is ours, so removing it later never removes someone else's.
        m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (m_fd >= 0) {
            ::flock(m_fd, LOCK_EX | LOCK_NB); // nobody else can hold it: the file is new
            return;
        }
        if (errno != EEXIST)
            break;
    }
    const std::string reason = std::strerror(errno);
    m_path.clear();
    throw DataError(m_target + ": cannot be written: no file can be created in its folder (" +
                    reason + ")");
}

PendingFile::~PendingFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_committed && !m_path.empty())
        std::remove(m_path.c_str());
}

void PendingFile::failWrite(int error) const
{
    throw DataError(m_target + ": not saved: " + reasonOf(error) + " (" + std::strerror(error) +
                    "); an existing file there is unchanged");
}

void PendingFile::write(const void* data, std::size_t size)
{
    const auto* bytes = static_cast<const unsigned char*>(data);
    while (size > 0) {
        const ssize_t done = ::write(m_fd, bytes, size);
        if (done < 0 && errno == EINTR)
            continue;
        // A write that stops short without an error is repeated; the repeat reports the cause.
        if (done <= 0)
            failWrite(done == 0 ? ENOSPC : errno);
        bytes += done;
        size -= static_cast<std::size_t>(done);
    }
}

void PendingFile::commit(const std::function<void(const std::string& path)>& verify)
{
    if (::fsync(m_fd) != 0)
        failWrite(errno);
    const int fd = std::exchange(m_fd, -1);
    if (::close(fd) != 0)
        failWrite(errno);
    if (verify) {
        try {
            verify(m_path);
        } catch (const Error& e) {
            throw DataError(m_target +
                            ": not saved: the file written does not read back as "
                            "written (" +
                            std::string(e.what()) + "); an existing file there is unchanged");
        }
    }
    requireReplaceable(m_target); // it may have changed while we wrote
    if (std::rename(m_path.c_str(), m_target.c_str()) != 0)
        throw DataError(m_target + ": could not be replaced (" + std::strerror(errno) + ")");
    m_committed = true;
    syncFolderOf(m_target);
}

} // namespace semrel
