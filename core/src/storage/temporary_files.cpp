// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "storage/temporary_files.h"

#include <array>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <random>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace semrel {

namespace {

constexpr const char* kMarker = ".semrel-";
constexpr const char* kSuffix = ".tmp";
constexpr std::size_t kDigits = 16;
constexpr const char* kOldMarker = ".tmp-";
constexpr std::size_t kOldDigits = 8;

bool allHex(const std::string& text)
{
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

// "<something>" + marker + `digits` hex digits + suffix, with a non-empty something.
bool hasShape(const std::string& name, const std::string& marker, std::size_t digits,
              const std::string& suffix)
{
    const std::size_t tail = marker.size() + digits + suffix.size();
    if (name.size() <= tail)
        return false;
    const std::size_t at = name.size() - tail;
    return name.compare(at, marker.size(), marker) == 0 &&
           allHex(name.substr(at + marker.size(), digits)) &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool isOldTemporaryName(const std::string& name)
{
    return hasShape(name, kOldMarker, kOldDigits, "");
}

// An earlier version's temporary file held an HDF5 file being written, or nothing yet.
bool looksLikeOurContent(int fd, const struct stat& info)
{
    if (info.st_size == 0)
        return true;
    static constexpr std::array<char, 8> kSignature = {'\x89', 'H',  'D',    'F',
                                                       '\r',   '\n', '\x1a', '\n'};
    std::array<char, 8> head{};
    return ::pread(fd, head.data(), head.size(), 0) == static_cast<ssize_t>(head.size()) &&
           head == kSignature;
}

// Opens the entry without following links or waiting on a FIFO, and removes it when every rule
// holds. The flock is taken before the last checks so that a write cannot start meanwhile.
bool removeIfStale(int folderFd, const std::string& name)
{
    const int fd = ::openat(folderFd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool removed = false;
    struct stat info
    {
    };
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_uid == ::geteuid() &&
        std::time(nullptr) - info.st_mtime >= kStaleTemporarySeconds &&
        ::flock(fd, LOCK_EX | LOCK_NB) == 0 &&
        (!isOldTemporaryName(name) || looksLikeOurContent(fd, info)))
        removed = ::unlinkat(folderFd, name.c_str(), 0) == 0;
    ::close(fd);
    return removed;
}

} // namespace

std::string temporaryNameFor(const std::string& target)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::random_device device;
    std::string name = target + kMarker;
    for (std::size_t i = 0; i < kDigits; ++i)
        name += kHex[device() % 16];
    return name + kSuffix;
}

bool isTemporaryName(const std::string& fileName)
{
    return hasShape(fileName, kMarker, kDigits, kSuffix) || isOldTemporaryName(fileName);
}

int removeStaleTemporaryFiles(const std::string& folder)
{
    DIR* dir = ::opendir(folder.empty() ? "." : folder.c_str());
    if (!dir)
        return 0;
    int removed = 0;
    while (const dirent* entry = ::readdir(dir)) {
        const std::string name = entry->d_name;
        if (isTemporaryName(name) && removeIfStale(::dirfd(dir), name))
            ++removed;
    }
    ::closedir(dir);
    return removed;
}

} // namespace semrel
