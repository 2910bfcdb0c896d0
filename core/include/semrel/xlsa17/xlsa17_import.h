// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/progress.h>

#include <string>

namespace semrel {

// Imports an xlsa17 dataset folder (Xian et al., "proposed splits"): `res101.mat` (features
// 2048 x N, 1-based labels, image_files) and `att_splits.mat` (att a x C, allclasses_names,
// 1-based *_loc vectors), MATLAB v5 or v7.3, any numeric storage type. Where train_loc/val_loc
// are missing, they are derived from trainclasses1.txt / valclasses1.txt beside the files, or
// the validation split is left empty with a warning. The result is validated.
// Throws DataError naming the file and the field. `progress` is called after every block of
// about 1 MB of features and may throw Cancelled (cancellableProgress()) to stop the import.
Dataset importXlsa17(const std::string& directory, const ProgressCallback& progress = {});

// The same with explicit file paths (the class list files are looked for beside attSplitsPath).
Dataset importXlsa17Files(const std::string& res101Path, const std::string& attSplitsPath,
                          const ProgressCallback& progress = {});

} // namespace semrel
