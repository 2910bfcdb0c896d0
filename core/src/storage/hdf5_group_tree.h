// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace semrel::h5 {

// HDF5's older file layout (superblock version 0 or 1, as MATLAB and matio write MAT v7.3
// files) carries no checksums, and HDF5 1.10 follows a group's B-tree without checking that
// its addresses lie inside the file: a damaged child address ends in a read through a null
// pointer inside the library (found by fuzzing, docs/FORMATS.md). Before HDF5 opens such a
// file, this walks the group trees itself, from the root group's symbol table through every
// B-tree node ("TREE") and symbol table node ("SNOD") and the subgroups they list, and checks
// that each node lies inside the file and starts with its signature. Newer layouts (version 2
// and 3, our own files) checksum their metadata and are left to HDF5.

// Why the file at `path` may not be given to HDF5 ("its group tree points past the end of the
// file", ...), or an empty string. Reads at most a few thousand small nodes; never throws.
std::string damagedGroupTree(const std::string& path);

} // namespace semrel::h5
