// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "mat/mat_file.h"

#include <memory>
#include <string>

namespace semrel::mat {

// MATLAB v5 (and v7, which adds miCOMPRESSED) files, little-endian. Our own reader rather than
// libmatio: it checks every tag against the bytes that are really there (matio 1.5 has a record
// of crashes on broken files), and it streams a variable's data, converting as it goes, so a
// 600 MB double array is never in memory as a whole.
std::unique_ptr<MatFile> openMat5File(const std::string& path);

} // namespace semrel::mat
