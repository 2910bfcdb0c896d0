// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>

#include <cstdint>
#include <string>
#include <vector>

namespace semrel {

// What the train and val splits mean when hyper-parameters are chosen. xlsa17's train_loc and
// val_loc of AWA1, AWA2, SUN and FLO also hold samples of test_seen (they predate it): a tuning
// run that trains on them lets GZSL test images into model selection. By default the tuning
// splits are restricted to trainval samples; Raw keeps them as the file has them
// (docs/REPRODUCTION.md, "Tuning splits").
enum class TuningSplits { Trainval, Raw };

// "trainval", "raw"; tuningSplitsFromName throws Error for anything else.
const char* tuningSplitsName(TuningSplits splits);
TuningSplits tuningSplitsFromName(const std::string& name);

// The samples a tuning run uses.
struct TuningRows
{
    std::vector<std::int64_t> fit;        // trained on: train, minus the seen holdout
    std::vector<std::int64_t> validation; // val: ZSL among the val classes
    std::vector<std::int64_t>
        seenHoldout; // of train's classes, held out of `fit`: GZSL's seen side
};

// The tuning rows of `data`: train and val (restricted to trainval samples unless Raw); of each
// train class, round(holdoutFraction × its samples) are held out, at most all but one, drawn with
// `seed` (the same seed, the same draw). Rows keep the dataset's order. O(N).
// Throws Error when holdoutFraction is outside [0, 0.9].
TuningRows tuningRows(const Dataset& data, TuningSplits splits, double holdoutFraction,
                      std::uint64_t seed);

// How much the restriction removes: samples of train and val, and how many of them are trainval
// samples (`semrel info`, the Dataset view). O(N).
struct TuningSplitCounts
{
    std::int64_t train = 0;
    std::int64_t trainInTrainval = 0;
    std::int64_t val = 0;
    std::int64_t valInTrainval = 0;
};
TuningSplitCounts tuningSplitCounts(const Dataset& data);

} // namespace semrel
