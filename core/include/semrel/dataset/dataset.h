// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/matrix.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace semrel {

// The five splits of the xlsa17 "proposed splits" protocol. trainval = train + val (seen classes);
// test_seen holds held-out images of seen classes; test_unseen the images of unseen classes.
enum class Split { Trainval, Train, Val, TestSeen, TestUnseen };

constexpr std::array<Split, 5> kAllSplits = {Split::Trainval, Split::Train, Split::Val,
                                             Split::TestSeen, Split::TestUnseen};

// The file-format name of a split: "trainval", "train", "val", "test_seen", "test_unseen".
const char* splitName(Split split);

// Small greyscale images stored with the dataset (the demo), row-major [count, height, width].
struct ImagePixels
{
    std::int64_t count = 0;
    std::int64_t height = 0;
    std::int64_t width = 0;
    std::vector<std::uint8_t> values;

    bool empty() const { return count == 0; }
    const std::uint8_t* image(std::int64_t i) const { return values.data() + i * height * width; }
};

// A zero-shot dataset: image features, their labels, the class embeddings and the splits.
// Plain data; validateDataset() checks that the parts agree.
struct Dataset
{
    std::string name;   // e.g. "AWA2"
    std::string source; // where it came from, e.g. "xlsa17:/data/AWA2"

    FloatMatrix features;                            // [N, d], one row per image
    std::vector<std::int32_t> labels;                // [N], 0-based class index
    std::vector<std::string> classNames;             // [C]
    FloatMatrix classEmbeddings;                     // [C, a], attributes or word vectors
    std::array<std::vector<std::int64_t>, 5> splits; // indexed by Split; 0-based sample indices

    std::vector<std::string> imagePaths; // [N] or empty
    ImagePixels images;                  // [N, h, w] or empty

    // Non-fatal findings of the import (e.g. "no val_loc; validation split left empty").
    std::vector<std::string> warnings;

    std::int64_t sampleCount() const { return features.rows; }
    std::int64_t featureDim() const { return features.cols; }
    std::int64_t classCount() const { return classEmbeddings.rows; }
    std::int64_t embeddingDim() const { return classEmbeddings.cols; }

    const std::vector<std::int64_t>& split(Split s) const { return splits[static_cast<int>(s)]; }
    std::vector<std::int64_t>& split(Split s) { return splits[static_cast<int>(s)]; }

    // Sorted distinct classes of the samples in a split.
    std::vector<std::int32_t> classesIn(Split s) const;
    // Seen classes: those of trainval. Unseen classes: those of test_unseen.
    std::vector<std::int32_t> seenClasses() const { return classesIn(Split::Trainval); }
    std::vector<std::int32_t> unseenClasses() const { return classesIn(Split::TestUnseen); }
    // Samples per class in a split, indexed by class.
    std::vector<std::int64_t> samplesPerClass(Split s) const;
};

// Throws DataError naming `origin` (usually the file) and the field when the parts disagree:
// shapes, NaN/Inf values, labels out of range, split indices out of range, a split that mixes
// seen and unseen classes, an unseen class without test samples, an all-zero class embedding.
// Since the file formats' refusals (docs/FORMATS.md) also refuse: a class name that is empty,
// holds a control character (NUL included) or repeats another; a class whose every sample has an
// all-zero feature row; a test_seen sample that trainval lists too, or a test_seen whose every
// feature row is also a trainval row.
void validateDataset(const Dataset& data, const std::string& origin);

// The rule for class names (datasets and models): each non-empty, without control characters
// (codes 0-31 and 127), none twice. Throws DataError naming `origin`, `field` and the class.
void validateClassNames(const std::vector<std::string>& names, const std::string& origin,
                        const std::string& field = "/classes/names");

// Throws DataError ("7 is not a sample of awa2.h5 (it has 5)") unless 0 <= index < samples.
void requireSampleIndex(const Dataset& data, std::int64_t index, const std::string& origin);

} // namespace semrel
