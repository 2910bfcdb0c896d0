// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "mat/mat_file.h"

#include <memory>
#include <string>

namespace semrel::mat {

// MATLAB v7.3 files: HDF5 underneath. Each variable is a root dataset with a MATLAB_class
// attribute and reversed dimensions; a cell is a dataset of object references into #refs#;
// char is uint16; an empty array stores its dimensions as data, flagged by MATLAB_empty.
std::unique_ptr<MatFile> openMat73File(const std::string& path);

} // namespace semrel::mat
