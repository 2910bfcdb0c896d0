// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/storage/input_file.h>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace semrel {

namespace {

// What a non-regular file is, for the message.
std::string kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return "is a folder, not a file";
    if (S_ISFIFO(mode))
        return "is a named pipe (FIFO), not a regular file: it is not read, since reading it "
               "would wait for a writer";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "is a device, not a regular file";
    if (S_ISSOCK(mode))
        return "is a socket, not a regular file";
    return "is not a regular file";
}

} // namespace

void requireRegularFile(const std::string& path)
{
    if (path.empty())
        throw DataError("an empty path names no file");
    struct stat info
    {
    };
    if (::stat(path.c_str(), &info) != 0) {
        const int error = errno;
        if (error == ENOENT || error == ENOTDIR)
            throw DataError(path + ": no such file");
        throw DataError(path + ": cannot be read (" + std::strerror(error) + ")");
    }
    if (!S_ISREG(info.st_mode))
        throw DataError(path + ": " + kindOf(info.st_mode));
}

bool isRegularFile(const std::string& path)
{
    struct stat info
    {
    };
    return !path.empty() && ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

} // namespace semrel
