// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "storage/temporary_files.h"

#include <semrel/errors.h>
#include <semrel/storage/output_file.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace semrel {

namespace {

void requireReplaceableKind(const std::string& path)
{
    struct stat info
    {
    };
    if (::stat(path.c_str(), &info) != 0)
        return; // absent (or a dangling link, which the rename replaces)
    if (S_ISDIR(info.st_mode))
        throw DataError(path + ": is a folder; give the name of a file to write");
    if (!S_ISREG(info.st_mode))
        throw DataError(path + ": is not a regular file (a device, FIFO or socket); only regular "
                               "files are replaced");
}

// Creates and removes a file of our temporary-name shape beside `path`: the only sure test that
// the folder takes new files (permissions, ACLs, read-only mounts, quotas of zero).
void requireWritableFolder(const std::string& path)
{
    const std::string folder = std::filesystem::path(path).parent_path().string();
    struct stat info
    {
    };
    if (!folder.empty() && (::stat(folder.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)))
        throw DataError(path + ": cannot be written: the folder '" + folder + "' does not exist");
    const std::string probe = temporaryNameFor(path);
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        throw DataError(path + ": cannot be written: no file can be created in its folder (" +
                        std::strerror(errno) + ")");
    ::close(fd);
    ::unlink(probe.c_str());
}

} // namespace

bool isSameFile(const std::string& a, const std::string& b)
{
    struct stat first
    {
    };
    struct stat second
    {
    };
    return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 &&
           first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

void checkOutputFile(const std::string& path, const std::vector<std::string>& inputs)
{
    if (path.empty())
        throw DataError("an empty path names no file to write");
    requireReplaceableKind(path);
    for (const std::string& input : inputs)
        if (isSameFile(path, input))
            throw DataError(path + ": is " +
                            (input == path ? std::string("an input")
                                           : "the same file as the input '" + input + "'") +
                            " of this command; writing it would destroy what is being read");
    requireWritableFolder(path);
}

} // namespace semrel
