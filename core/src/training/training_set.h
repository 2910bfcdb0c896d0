// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

namespace semrel {

// The training samples as the trainer and the miner use them: samples grouped by class, so that
// "a random sample of class c" is a random sample in [start[c], start[c] + count[c]).
struct TrainingSet
{
    // [M, d] float32, the rows the samples lie in: the normalised features scaled to unit length
    // (cosines with them are then dot products, and x never needs a gradient; B1 keeps them
    // unscaled for its MSE). Either the set's own copy (M = N, sample k in row k) or the
    // dataset's features, whose training rows were normalised where they lie (M = the dataset's
    // rows; training_setup.h). Rows that hold no sample are never read.
    at::Tensor features;
    std::vector<std::int64_t> featureRow; // [N] the row of `features` that holds sample k
    std::vector<std::int32_t> rowClass;   // [N]
    std::vector<std::int64_t> classStart; // [C], all classes of the dataset
    std::vector<std::int64_t> classCount; // [C], 0 for classes not trained on
    std::vector<std::int32_t> classes;    // the classes trained on, ascending

    std::int64_t rowCount() const { return static_cast<std::int64_t>(rowClass.size()); }
};

} // namespace semrel
