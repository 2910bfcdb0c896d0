// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/method/training_config.h>
#include <semrel/model_file/model_state.h>
#include <semrel/progress.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace semrel {

struct TrainingResult
{
    ModelState state;                  // the model after the last completed epoch, history included
    bool stopped = false;              // true when the stop flag ended training early
    std::vector<std::string> warnings; // e.g. "class 'x' has no similar training class"
};

// Trains the paper's model on a dataset (Sec. 3 and 4.1). Knows nothing of Qt: it reports
// through callbacks, called on the training thread.
class Trainer
{
public:
    using EpochCallback = std::function<void(const EpochReport&)>;
    // Progress inside an epoch: batches done of the epoch's total. Cheap, called every batch.
    using BatchCallback = std::function<void(int epoch, std::int64_t batch, std::int64_t batches)>;

    explicit Trainer(TrainingConfig config); // throws Error on an invalid config
    ~Trainer();                              // out of line: Impl owns the torch objects

    // Runs config.epochs epochs or until stop is requested (checked every batch).
    // Throws DataError (dataset unusable for training), TrainingError (e.g. NaN loss, naming
    // epoch and batch).
    TrainingResult run(const Dataset& data, const StopFlag& stop, const EpochCallback& onEpoch = {},
                       const BatchCallback& onBatch = {});

    // Continues from a checkpoint (ModelState with optimizerState and completedEpochs) up to
    // config.epochs in total. With the same seed, the result equals an uninterrupted run.
    TrainingResult resume(const Dataset& data, const ModelState& checkpoint, const StopFlag& stop,
                          const EpochCallback& onEpoch = {}, const BatchCallback& onBatch = {});

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace semrel
