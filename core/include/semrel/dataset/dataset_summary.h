// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/dataset/tuning_splits.h>
#include <semrel/progress.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace semrel {

// The numbers `semrel info` and the window's status bar show about a dataset.
struct DatasetSummary
{
    std::string name;
    std::string source;
    std::int64_t samples = 0;
    std::int64_t featureDim = 0;
    std::int64_t classes = 0;
    std::int64_t embeddingDim = 0;
    std::int64_t seenClasses = 0;
    std::int64_t unseenClasses = 0;
    std::int64_t valClasses = 0;
    std::array<std::int64_t, 5> splitSizes{}; // indexed by Split
    TuningSplitCounts tuningSplits;           // train/val samples that tuning keeps by default
    bool hasImagePaths = false;
    bool hasImagePixels = false;
    std::vector<std::string> warnings;
};

DatasetSummary summarizeDataset(const Dataset& data);

// Opens what a user points at: an xlsa17 folder (imported) or a native dataset file (read).
// Throws DataError naming the path. `progress` may throw Cancelled to stop (as the readers do).
Dataset loadDataset(const std::string& path, const ProgressCallback& progress = {});

// The files loadDataset(path) reads: the file itself, or an xlsa17 folder with its res101.mat,
// att_splits.mat and class lists. A command checks its output against these
// (checkOutputFile): writing over one would destroy its own input.
std::vector<std::string> datasetInputFiles(const std::string& path);

} // namespace semrel
