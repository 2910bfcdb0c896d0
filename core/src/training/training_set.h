// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

namespace semrel {

// The training samples as the trainer and the miner use them: rows grouped by class, so that
// "a random sample of class c" is a random row in [start[c], start[c] + count[c]).
struct TrainingSet
{
    // [N, d] float32. The normalised features scaled to unit length: cosines with them are then
    // dot products, and x never needs a gradient. (B1 keeps them unscaled for its MSE.)
    at::Tensor features;
    std::vector<std::int32_t> rowClass;   // [N]
    std::vector<std::int64_t> classStart; // [C], all classes of the dataset
    std::vector<std::int64_t> classCount; // [C], 0 for classes not trained on
    std::vector<std::int32_t> classes;    // the classes trained on, ascending

    std::int64_t rowCount() const { return static_cast<std::int64_t>(rowClass.size()); }
};

} // namespace semrel
