// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/method/training_config.h>

#include <memory>

namespace semrel::test {

// A seeded, tiny zero-shot set that trains in well under a second per epoch.
inline std::shared_ptr<const Dataset> tinyTrainingDataset(int samplesPerClass = 24)
{
    SyntheticSpec spec;
    spec.classCount = 8;
    spec.unseenClassCount = 2;
    spec.valClassCount = 2;
    spec.samplesPerClass = samplesPerClass;
    spec.featureDim = 16;
    spec.embeddingDim = 8;
    spec.seed = 11;
    return std::make_shared<const Dataset>(makeSyntheticDataset(spec));
}

// A small network (hidden {16} / {16}) on one thread.
inline TrainingConfig tinyTrainingConfig(int epochs)
{
    TrainingConfig config;
    config.network.encoderHidden = {16};
    config.network.decoderHidden = {16};
    config.epochs = epochs;
    config.batchSize = 16;
    config.candidates = 5;
    config.seed = 5;
    config.threads = 1;
    return config;
}

} // namespace semrel::test
