// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "method/random.h"
#include "training/training_set.h"

#include <semrel/method/semantic_relations.h>

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

namespace semrel {

// The quadruplets of one batch (Sec. 3.3). Rows index TrainingSet::features; -1 where the
// reference class has no class of that relation (the term is then masked out).
struct BatchTuples
{
    std::vector<std::int64_t> positive;   // [B] x_i: a random row of class r
    std::vector<std::int64_t> similar;    // [B] x_j: the hardest of p similar candidates
    std::vector<std::int64_t> dissimilar; // [B] x_k: the hardest of p dissimilar candidates
    std::vector<float> deltaSimilar;      // [B] δ_jr
    std::vector<float> deltaDissimilar;   // [B] δ_kr
    // The candidates and their scores, [B, p] row-major (empty for a side not mined): what the
    // choice was made from, kept for inspection and tests.
    std::vector<std::int64_t> similarCandidates;
    std::vector<float> similarScores; // O2 of each candidate
    std::vector<std::int64_t> dissimilarCandidates;
    std::vector<float> dissimilarScores;      // (τ - δ_kr)·s(f(y_r), x_k) of each candidate
    std::vector<std::int32_t> referenceClass; // [B] the class r of each sample
};

class TupleMiner
{
public:
    // Only the training set's classes are drawn from. A side that the objective does not use
    // (O2 with λ1 = 0, or B1) is not mined: pass mineSimilar / mineDissimilar = false.
    // bf16Scores: score the candidates on a bfloat16 copy of the set's features (half the bytes
    // read, a copy of half their size kept) and recompute the winner's score in float
    // (TrainingConfig::bf16Mining); the choice may then differ where two candidates score within
    // bfloat16's rounding of each other.
    TupleMiner(const TrainingSet& set, const SemanticRelations& relations, int candidates,
               bool mineSimilar, bool mineDissimilar, bool bf16Scores = false);

    bool hasSimilar(std::int32_t c) const { return !m_similar[c].classes.empty(); }
    bool hasDissimilar(std::int32_t c) const { return !m_dissimilar[c].classes.empty(); }

    // `referenceClass` [B]: the class r of each sample; `slot` [B]: its row in `mappedUnit`
    // [U, d], the unit-length f(y) of the batch's distinct classes (no gradient needed).
    // Draws from `rng` in a fixed order, so a seed fixes the result. draw() and then choose()
    // for every sample, on the calling thread.
    BatchTuples mine(const std::vector<std::int32_t>& referenceClass,
                     const std::vector<std::int64_t>& slot, const at::Tensor& mappedUnit,
                     SplitMix& rng) const;

    // The random part of mine(): x_i and the candidates of every sample, with the chosen rows
    // still -1. It does not depend on the network, so the training step draws before its
    // forward pass.
    BatchTuples draw(const std::vector<std::int32_t>& referenceClass, SplitMix& rng) const;
    // The rest for one sample: the candidates' scores against `unitMapped` (the unit f(y_r) of
    // its class, d floats) and the hardest of each side. Samples are independent: threads may
    // choose for different samples of one BatchTuples at once.
    void choose(std::size_t sample, const float* unitMapped, BatchTuples& tuples) const;

private:
    // The classes of one relation to r, with cumulative sample counts: drawing a uniform
    // index below the total picks a sample uniformly among all samples of those classes.
    struct Pool
    {
        std::vector<std::int32_t> classes;
        std::vector<std::int64_t> cumulative; // cumulative[i] = samples of classes[0..i]
    };

    Pool makePool(const std::vector<std::int32_t>& classes) const;
    std::int64_t draw(const Pool& pool, SplitMix& rng) const;
    void drawSide(const std::vector<std::int32_t>& referenceClass, const std::vector<Pool>& pools,
                  SplitMix& rng, std::vector<std::int64_t>& candidates) const;
    void candidateDots(const float* unitMapped, const std::int64_t* rows, std::size_t count,
                       float* dots) const;
    void chooseSide(std::size_t sample, const float* unitMapped,
                    const std::vector<std::int64_t>& candidates, bool similarSide,
                    std::vector<float>& scores, std::vector<std::int64_t>& chosen,
                    std::vector<float>& deltas, std::int32_t referenceClass) const;

    const TrainingSet& m_set;
    const SemanticRelations& m_relations;
    int m_candidates;
    bool m_mineSimilar;
    bool m_mineDissimilar;
    std::vector<Pool> m_similar;           // [C]
    std::vector<Pool> m_dissimilar;        // [C]
    std::vector<std::uint16_t> m_bf16Rows; // [N, d] the features in bfloat16; empty when exact
};

} // namespace semrel
