// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "method/adam_optimizer.h"
#include "method/objective.h"
#include "method/relation_network.h"
#include "method/training_setup.h"
#include "method/tuple_miner.h"

#include <semrel/trainer.h>

#include <cstdint>
#include <vector>

namespace semrel {

// Runs the batches of one epoch: shuffle, mine, objective, backward, Adam.
class TrainingEpoch
{
public:
    TrainingEpoch(const TrainingConfig& config, const TrainingSetup& setup,
                  RelationNetwork& network, AdamOptimizer& optimizer);

    // Epoch `epoch` (1-based) draws all its random numbers from a generator derived from
    // (seed, epoch), so that any epoch can be rerun from a checkpoint. Fills the report's loss
    // terms and seconds. Returns false when `stop` ended it early. Throws TrainingError on a
    // non-finite loss.
    bool run(int epoch, const StopFlag& stop, const Trainer::BatchCallback& onBatch,
             EpochReport& report);

private:
    struct Sums
    {
        double loss = 0.0;
        double o1 = 0.0;
        double o2 = 0.0;
        double o3 = 0.0;
    };
    void step(int epoch, std::int64_t batch, const std::int64_t* rows, std::int64_t count,
              SplitMix& rng, Sums& sums);
    at::Tensor gatherRows(const std::vector<std::int64_t>& rows) const;

    const TrainingConfig& m_config;
    const TrainingSetup& m_setup;
    RelationNetwork& m_network;
    AdamOptimizer& m_optimizer;
    ObjectiveWeights m_weights;
    TupleMiner m_miner;
    std::vector<std::int64_t> m_slotOfClass; // [C] scratch, -1 outside the current batch
};

} // namespace semrel
