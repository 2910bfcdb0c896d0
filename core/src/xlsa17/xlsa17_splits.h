// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>

#include <string>

namespace semrel::xlsa17 {

// The MATLAB field a split comes from: "trainval_loc", "train_loc", ...
std::string locField(Split split);

// For files without train_loc/val_loc (CUB): train and val are the trainval samples whose class
// trainclasses1.txt / valclasses1.txt (in `folder`) list. Without those files, train = trainval
// and val stays empty. Either way a warning says so. Needs labels and class names.
void deriveTrainVal(Dataset& data, const std::string& folder, const std::string& attSplitsPath);

// The class-level consistency of the splits, with messages naming att_splits.mat and its *_loc
// fields: no class both seen and unseen, test_seen/train/val classes within trainval, train and
// val classes apart.
void checkSplitClasses(const Dataset& data, const std::string& attSplitsPath);

} // namespace semrel::xlsa17
