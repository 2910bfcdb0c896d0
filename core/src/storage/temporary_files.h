// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace semrel {

// The temporary files a write leaves beside its target while it runs (see PendingFile), and the
// clean-up of those that a killed process left behind.

// "<target>.semrel-<16 hex digits>.tmp": a fresh random name beside `target`.
std::string temporaryNameFor(const std::string& target);

// Whether a file name (no folder) has the shape of our temporary files: the current shape, or
// "<name>.tmp-<8 hex digits>" of earlier versions.
bool isTemporaryName(const std::string& fileName);

// Seconds after its last change that an unlocked temporary file counts as abandoned.
constexpr int kStaleTemporarySeconds = 60;

// Removes abandoned temporary files of ours from `folder`: a name of our shape, a regular file
// owned by this user, not locked by a running write (PendingFile holds an flock on its file),
// unchanged for kStaleTemporarySeconds; a name of the earlier shape must also hold an HDF5
// signature or nothing. Anything else is left alone, whatever its name. Best effort: returns
// the number removed and never throws.
int removeStaleTemporaryFiles(const std::string& folder);

} // namespace semrel
