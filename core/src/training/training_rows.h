// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/dataset/tuning_splits.h>
#include <semrel/method/training_config.h>

#include <cstdint>
#include <vector>

namespace semrel {

// The samples a run of `config` trains on, and the classes whose embeddings fit the embedding
// normaliser. A final run (trainSplit = Trainval) trains on trainval and has no validation rows;
// a tuning run (Train) on the tuning rows of tuning_splits.h, with config.tuningSplits,
// config.seenHoldout and config.seed. Every method (network or closed form) takes its rows here.
struct TrainingRows
{
    std::vector<std::int64_t> train;
    TuningRows tuning; // empty for a final run
};

TrainingRows trainingRows(const Dataset& data, const TrainingConfig& config);

// Sorted distinct classes of `rows`.
std::vector<std::int32_t> classesOf(const Dataset& data, const std::vector<std::int64_t>& rows);

// The rows of the class embeddings the embedding normaliser is fitted on: the classes trained on
// (AttributeStats::Seen) or every class (All).
std::vector<std::int64_t> embeddingStatisticsRows(const Dataset& data,
                                                  const std::vector<std::int64_t>& trainRows,
                                                  AttributeStats stats);

} // namespace semrel
