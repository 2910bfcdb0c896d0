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

// Progress inside an epoch, reported after every batch.
struct BatchReport
{
    int epoch = 0;            // 1-based
    std::int64_t batch = 0;   // batches done in this epoch, 1-based
    std::int64_t batches = 0; // the epoch's batches in all
    double loss = 0.0;        // this batch's objective, O1 + λ1·O2 + λ2·O3
    // Mean objective of the epoch's batches so far: after the last batch, the epoch's loss.
    double runningLoss = 0.0;
};

struct TrainingResult
{
    ModelState state;                  // the model after the last completed epoch, history included
    bool stopped = false;              // true when the stop flag ended training early
    std::vector<std::string> warnings; // e.g. "class 'x' has no similar training class"
};

// Whether `checkpoint` can be resumed under `config` on `data`: the settings that decide what an
// epoch computes are the same, the dataset is the one it was trained on, and it holds optimiser
// state for at most config.epochs epochs. Throws TrainingError ("cannot resume: the checkpoint
// was trained with another seed"); Trainer::resume() checks it too, and a caller that knows the
// checkpoint's file checks first to name it.
void checkResumable(const TrainingConfig& config, const ModelState& checkpoint,
                    const Dataset& data);

// Trains the paper's model on a dataset (Sec. 3 and 4.1). Knows nothing of Qt: it reports
// through callbacks, called on the training thread.
class Trainer
{
public:
    using EpochCallback = std::function<void(const EpochReport&)>;
    // Progress inside an epoch, with the loss so far. Called after every batch: keep it cheap.
    using BatchCallback = std::function<void(const BatchReport&)>;

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

    // run() and resume() for a caller that loaded `data` for this run alone (the command line):
    // the training rows' features are normalised where they lie instead of copied, so training
    // holds about one copy of the features instead of two (docs/BENCHMARKS.md, "Memory").
    // Results are bit-identical to run()'s and resume()'s. Afterwards the training rows of
    // data.features hold normalised features, not the raw ones (also when it throws, once the
    // dataset and the checkpoint were found usable); every other row and every other field of
    // `data` is unchanged, so the test splits can still be evaluated on it. When a training row
    // is also a test (or a tuning run's validation) row, `data` is left as it is and the rows
    // are copied, as run() does; ESZSL and SAE leave it as it is too.
    TrainingResult runInPlace(Dataset& data, const StopFlag& stop,
                              const EpochCallback& onEpoch = {}, const BatchCallback& onBatch = {});
    TrainingResult resumeInPlace(Dataset& data, const ModelState& checkpoint, const StopFlag& stop,
                                 const EpochCallback& onEpoch = {},
                                 const BatchCallback& onBatch = {});

private:
    TrainingResult start(const Dataset& data, Dataset* inPlace, const StopFlag& stop,
                         const EpochCallback& onEpoch, const BatchCallback& onBatch);
    TrainingResult resume(const Dataset& data, Dataset* inPlace, const ModelState& checkpoint,
                          const StopFlag& stop, const EpochCallback& onEpoch,
                          const BatchCallback& onBatch);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace semrel
