// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "kernels/worker_team.h"
#include "training/training_step.h"

#include <semrel/training/trainer.h>

#include <cstdint>

namespace semrel {

// Runs the batches of one epoch: shuffle, then one TrainingStep per batch on the team.
class TrainingEpoch
{
public:
    // Updates the tensors of `network` in place; `optimizer` holds their Adam state.
    TrainingEpoch(const TrainingConfig& config, const TrainingSetup& setup,
                  RelationNetwork& network, AdamOptimizer& optimizer);

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
};

} // namespace semrel
