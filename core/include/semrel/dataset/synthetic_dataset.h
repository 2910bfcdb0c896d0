// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>

#include <cstdint>
#include <string>
#include <vector>

namespace semrel {

// Shape of a generated zero-shot dataset. Features are a fixed random linear map of the class
// embedding plus Gaussian noise, so that knowing a class's embedding tells where its images lie:
// a zero-shot method can learn the map on seen classes and transfer it to unseen ones.
// Classes are laid out in order: training classes, then the validation classes, then the unseen
// classes last. Cost: O(C·d·a + N·d) time and the dataset's own memory, nothing C × C, so
// 20,000 classes take seconds (docs/BENCHMARKS.md).
struct SyntheticSpec
{
    int classCount = 20;
    int unseenClassCount = 5;
    int valClassCount = 3; // seen classes held out as the validation split's classes
    // Names of the classes in order (exactly classCount of them); empty: "class 0", "class 1", …
    std::vector<std::string> classNames;
    int samplesPerClass = 60;
    int featureDim = 64;
    int embeddingDim = 16;
    double noise = 0.5;            // std of the feature noise relative to the signal's
    double testSeenFraction = 0.2; // share of a seen class's samples kept for test_seen
    std::uint64_t seed = 1;
};

// The ranges validateSyntheticSpec() enforces: large enough for any experiment, small enough
// that a typo is an error rather than a request for more memory than a machine has.
constexpr int kMaxSyntheticClasses = 100000;
constexpr int kMaxSyntheticSamplesPerClass = 1000000;
constexpr int kMaxSyntheticDimension = 65536;
constexpr long long kMaxSyntheticValues = 1LL << 31; // feature values in all: 8 GiB of floats

// Throws DataError saying which part of the spec is out of range or inconsistent: fewer than 2
// classes, no unseen or no seen class, as many validation classes as seen ones, fewer than 2
// samples per class, a dimension below 1, a negative noise, a size past the bounds above, or a
// list of class names that is not one per class.
void validateSyntheticSpec(const SyntheticSpec& spec);

// Deterministic for a given spec (same seed, same bytes on every machine). Validates first.
Dataset makeSyntheticDataset(const SyntheticSpec& spec);

// Class names from a text file, one per line (as xlsa17's trainvalclasses.txt and
// testclasses.txt): surrounding spaces and blank lines are dropped. Throws DataError naming the
// file when it cannot be read, names no class, or names a class twice (with the line).
std::vector<std::string> readClassNamesFile(const std::string& path);

} // namespace semrel
