// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/synthetic_dataset.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

// What the exploration tests (class deltas, relation and matrix bins, confusion counts) share.
namespace semrel::test {

// `classes` classes (a tenth unseen, at least one; one val class) of 2 samples each, d = 4,
// `attributes` attributes: many classes in little memory.
inline Dataset twoSamplesPerClass(int classes, int attributes, std::uint64_t seed)
{
    SyntheticSpec spec;
    spec.classCount = classes;
    spec.unseenClassCount = std::max(1, classes / 10);
    spec.valClassCount = 1;
    spec.samplesPerClass = 2;
    spec.featureDim = 4;
    spec.embeddingDim = attributes;
    spec.seed = seed;
    return makeSyntheticDataset(spec);
}

// 0 … n-1 in an order drawn from `seed`.
inline std::vector<std::int32_t> shuffled(std::int32_t n, unsigned seed)
{
    std::vector<std::int32_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 random(seed);
    std::shuffle(order.begin(), order.end(), random);
    return order;
}

} // namespace semrel::test
