// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/method/training_config.h>

// The generated problem and the small network the trainer's and tuning's tests share.
namespace semrel::test {

// 20 classes (15 seen, 3 of them val; `unseen` unseen), d = 64, a = 16: an epoch takes
// milliseconds.
inline Dataset generatedDataset(int unseen = 5)
{
    SyntheticSpec spec;
    spec.unseenClassCount = unseen;
    spec.seed = 11;
    return makeSyntheticDataset(spec);
}

// Hidden layers {32} / {32}, 2 epochs, p 10, batch 32, seed 5, one thread.
inline TrainingConfig smallTrainingConfig(Method method = Method::Proposed)
{
    TrainingConfig c;
    c.method = method;
    c.network.encoderHidden = {32};
    c.network.decoderHidden = {32};
    c.epochs = 2;
    c.candidates = 10;
    c.batchSize = 32;
    c.seed = 5;
    c.threads = 1;
    return c;
}

} // namespace semrel::test
