// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace semrel {

// The rules for a file a command is about to write, checked before any long work starts, so
// that a run is never lost at its end for want of a place to save it. Files are then written to
// a temporary file beside the target and renamed over it (docs/FORMATS.md, "Writing files").

// Throws DataError naming `path` when it is empty; names a folder, a device, a FIFO or a socket
// (only regular files are ever replaced: as root, a rename over /dev/null would replace the
// device); is the same file (device and inode, so hard links, symbolic links and other spellings
// count) as one of `inputs`, which the command reads and must not destroy; or lies in a folder
// that is missing or where no file can be created (tried: a temporary file is created and
// removed at once).
void checkOutputFile(const std::string& path, const std::vector<std::string>& inputs);

// Whether two paths name the same existing file or folder (device and inode).
bool isSameFile(const std::string& a, const std::string& b);

} // namespace semrel
