// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "kernels/worker_team.h"
#include "method/objective.h"
#include "method/relation_network.h"
#include "method/tuple_miner.h"
#include "training/adam_optimizer.h"
#include "training/layer_stack_pass.h"
#include "training/training_setup.h"

#include <cstdint>
#include <vector>

namespace semrel {

// One training step (one batch) as a single job of a WorkerTeam: the encoder's forward pass,
// then per class row of the batch its normalisation, mining and objective beside the decoder's
// first layer, the rest of the decoder, the objective's value, and the backward passes with
// their Adam updates. The members share each stage's items and meet at a barrier only where a
// stage needs all of the previous one (between layers): one job and about a dozen barriers per
// step, against the ~25 OpenMP regions of a step written with at::parallel_for. All random
// numbers are drawn before the job, in a fixed order, and every item computes its outputs in a
// fixed order, so a step gives the same bits on any number of threads.
class TrainingStep
{
public:
    // Updates the tensors of `network` in place; `optimizer` holds their Adam state.
    TrainingStep(const TrainingConfig& config, const TrainingSetup& setup, RelationNetwork& network,
                 AdamOptimizer& optimizer);

    // `rows` [count]: positions in the training set. Runs on `threads` members of `team`.
    // Returns the objective's value; when it is not finite the weights and the Adam state are
    // left as they were (the caller reports the divergence).
    ObjectiveValue run(const std::int64_t* rows, std::int64_t count, SplitMix& rng,
                       WorkerTeam& team, int threads);

private:
    void prepare(const std::int64_t* rows, std::int64_t count, SplitMix& rng);
    void work(TeamMember& me);
    void encoderForward(TeamMember& me);
    void classRowsAndDecoderForward(TeamMember& me);
    void classRow(std::int64_t row);
    void objectiveValueAndBackwardSetup();
    void backward(TeamMember& me);
    void addDecoderGradient(std::int64_t columnBegin, std::int64_t columnEnd);

    const TrainingSetup& m_setup;
    AdamOptimizer& m_optimizer;
    ObjectiveWeights m_weights;
    TupleMiner m_miner;
    bool m_useDecoder;
    LayerStackPass m_encoder;
    LayerStackPass m_decoder;
    std::vector<std::int64_t> m_slotOfClass; // [C] scratch, -1 outside the current batch

    // This step's batch: U distinct classes, B samples.
    std::vector<std::int32_t> m_referenceClass; // [B]
    std::vector<std::int64_t> m_slot;           // [B] row of each sample's class
    std::vector<std::int64_t> m_distinct;       // [U] the classes
    std::vector<std::int64_t> m_rowSamples;     // samples grouped by row, ascending within
    std::vector<std::int64_t> m_rowStart;       // [U + 1] into m_rowSamples
    BatchTuples m_tuples;
    ObjectiveBatch m_batch;
    ObjectiveTerms m_terms;
    ObjectiveValue m_value;
    bool m_finite = true;

    // Buffers of the batch size, of which each step uses the first U rows.
    at::Tensor m_embeddings;            // [B, a] y of the batch's classes
    at::Tensor m_unitMapped;            // [B, d]
    std::vector<float> m_mappedNorm;    // [B]
    at::Tensor m_mappedGradient;        // [B, d]
    at::Tensor m_reconstructedGradient; // [B, a]
};

} // namespace semrel
