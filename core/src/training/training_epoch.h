// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "kernels/worker_team.h"
#include "training/step_threads.h"
#include "training/training_step.h"

#include <semrel/training/trainer.h>

#include <cstdint>

namespace semrel {

// Runs the batches of one epoch: shuffle, then one TrainingStep per batch on the team, each on
// as many of its members as StepThreads chooses (all of them when the configuration fixes the
// count; the choice carries over from one epoch to the next).
class TrainingEpoch
{
public:
    // Updates the tensors of `network` in place; `optimizer` holds their Adam state. Steps run
    // on up to `maxThreads` members of the team passed to run(); config.threads <= 0 lets
    // StepThreads choose per step.
    TrainingEpoch(const TrainingConfig& config, const TrainingSetup& setup,
                  RelationNetwork& network, AdamOptimizer& optimizer, int maxThreads);

    // Epoch `epoch` (1-based) draws all its random numbers from a generator derived from
    // (seed, epoch), so that any epoch can be rerun from a checkpoint. Fills the report's loss
    // terms and seconds. Returns false when `stop` ended it early. Throws TrainingError on a
    // non-finite loss (the step that met it changes nothing).
    bool run(int epoch, WorkerTeam& team, const StopFlag& stop,
             const Trainer::BatchCallback& onBatch, EpochReport& report);

private:
    const TrainingConfig& m_config;
    const TrainingSetup& m_setup;
    TrainingStep m_step;
    StepThreads m_threads;
};

} // namespace semrel
