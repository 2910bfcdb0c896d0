// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace semrel {

// xlsa17 stores absolute paths from its authors' machines, e.g.
// "/BS/xian/work/data/Animals_with_Attributes2//JPEGImages/antelope/antelope_10001.jpg". These
// functions let a user point at their own copy of the images.

// The longest folder prefix (ending in '/') that all paths share; empty for no paths or no
// common folder. For AWA2: "/BS/xian/work/data/Animals_with_Attributes2//JPEGImages/".
std::string commonFolderPrefix(const std::vector<std::string>& paths);

// `path` with `prefix` replaced by the folder `imageRoot` (doubled slashes collapsed). A path
// that does not start with `prefix` is joined to `imageRoot` when relative and returned as it is
// when absolute. An empty `imageRoot` returns `path` unchanged.
std::string remapImagePath(const std::string& path, const std::string& prefix,
                           const std::string& imageRoot);

} // namespace semrel
