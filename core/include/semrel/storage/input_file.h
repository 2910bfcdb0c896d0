// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace semrel {

// A file the user points at is read, never waited on: only regular files are opened. A named
// pipe (FIFO) blocks the first read until someone writes to it, a character device such as
// /dev/zero never ends, and neither holds a dataset or a model. Symbolic links are followed to
// what they name; the check uses stat(), which never blocks on a FIFO.

// Throws DataError naming `path`: "no such file", "is a folder, not a file", "is a named pipe
// (FIFO), not a regular file", "is a device, not a regular file", "is a socket, ...".
void requireRegularFile(const std::string& path);

// Whether `path` names a regular file (after symbolic links). False when it does not exist.
bool isRegularFile(const std::string& path);

} // namespace semrel
