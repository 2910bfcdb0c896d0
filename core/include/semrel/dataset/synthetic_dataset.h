// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>

#include <cstdint>

namespace semrel {

// Shape of a generated zero-shot dataset. Features are a fixed random linear map of the class
// embedding plus Gaussian noise, so that knowing a class's embedding tells where its images lie:
// a zero-shot method can learn the map on seen classes and transfer it to unseen ones.
struct SyntheticSpec
{
    int classCount = 20;
    int unseenClassCount = 5;
    int valClassCount = 3; // seen classes held out as the validation split's classes
    int samplesPerClass = 60;
    int featureDim = 64;
    int embeddingDim = 16;
    double noise = 0.5;            // std of the feature noise relative to the signal's
    double testSeenFraction = 0.2; // share of a seen class's samples kept for test_seen
    std::uint64_t seed = 1;
};

// Deterministic for a given spec (same seed, same bytes on every machine).
Dataset makeSyntheticDataset(const SyntheticSpec& spec);

} // namespace semrel
