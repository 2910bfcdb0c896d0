// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "method/objective.h"
#include "method/relation_network.h"
#include "method/tuple_miner.h"
#include "training/adam_optimizer.h"
#include "training/layer_stack_pass.h"
#include "training/training_setup.h"

#include <semrel/training/trainer.h>

#include <cstdint>
#include <vector>

namespace semrel {

// Runs the batches of one epoch: shuffle, then per batch the encoder's forward pass, mining, the
// decoder, the objective and its gradient, and the backward passes with their Adam updates. The
// step runs outside autograd (LayerStackPass); all its buffers live as long as the epoch runner.
class TrainingEpoch
{
public:
    // Updates the tensors of `network` in place; `optimizer` holds their Adam state.
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
    // f(y) / ‖f(y)‖ into m_unitMapped and the norms (clamped at 1e-12) into m_mappedNorm.
    void normaliseMapped(const at::Tensor& mapped);

    const TrainingConfig& m_config;
    const TrainingSetup& m_setup;
    AdamOptimizer& m_optimizer;
    ObjectiveWeights m_weights;
    TupleMiner m_miner;
    bool m_useDecoder;
    LayerStackPass m_encoder;
    LayerStackPass m_decoder;
    std::vector<std::int64_t> m_slotOfClass; // [C] scratch, -1 outside the current batch
    // Per-step buffers, [batch size, ...]: each step uses their first U rows.
    at::Tensor m_embeddings;            // [B, a] y of the batch's classes
    at::Tensor m_unitMapped;            // [B, d]
    std::vector<float> m_mappedNorm;    // [B]
    at::Tensor m_mappedGradient;        // [B, d]
    at::Tensor m_reconstructedGradient; // [B, a]
};

} // namespace semrel
