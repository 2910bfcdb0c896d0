// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "training/training_set.h"

#include <semrel/dataset/dataset.h>
#include <semrel/method/normalizer.h>
#include <semrel/method/semantic_relations.h>
#include <semrel/method/training_config.h>

#include <ATen/core/Tensor.h>

#include <memory>
#include <string>
#include <vector>

namespace semrel {

// Everything training derives from the dataset before the first step.
struct TrainingSetup
{
    Normalizer featureNormalizer;     // fitted on the training rows' features (training_rows.h)
    Normalizer embeddingNormalizer;   // fitted on the classes of config.attributeStats
    at::Tensor embeddings;            // [C, a] all classes, normalised: what f sees
    FloatMatrix normalizedEmbeddings; // the same, as plain data
    TrainingSet set;
    // δ on the normalised embeddings (see makeTrainingSetup), with the method's τ.
    std::unique_ptr<SemanticRelations> relations;
    std::vector<std::string> warnings;
};

// Throws DataError when the dataset cannot be trained on (invalid, or an empty training split).
//
// The relations are computed on the normalised embeddings, as the network sees them, not on
// the raw ones: raw attribute vectors are all non-negative, so their cosines crowd near 1 and
// τ = 0 (the paper's default) would make every class similar to every other. After
// standardisation the cosines spread over (-1, 1) and τ = 0 splits them in a meaningful way.
// The training set is a normalised copy of the training rows.
TrainingSetup makeTrainingSetup(const Dataset& data, const TrainingConfig& config);
// The same without the copy: the training rows of data.features are normalised where they lie
// and the set reads them there (set.features is a view of data.features, which must outlive the
// setup). Afterwards those rows no longer hold the raw features; every other row and every
// other field of `data` is unchanged. When a training row is also read raw later (a test row,
// or a tuning run's validation or holdout row) it copies instead, as makeTrainingSetup. The
// set's values, and so training's results, are bit-identical to makeTrainingSetup's.
TrainingSetup makeTrainingSetupInPlace(Dataset& data, const TrainingConfig& config);

} // namespace semrel
