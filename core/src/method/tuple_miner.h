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

// The quadruplets of one batch (Sec. 3.3). The chosen rows (positive, similar, dissimilar)
// index TrainingSet::features (a sample's TrainingSet::featureRow); -1 where the reference class
// has no class of that relation (the term is then masked out). The candidates are samples of the
// TrainingSet.
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
    // bf16Scores: score the candidates on a bfloat16 copy of the training samples' features
    // (half the bytes read, a copy of half their size kept) and recompute the winner's score in
    // float (TrainingConfig::bf16Mining); the choice may then differ where two candidates score
    // within bfloat16's rounding of each other.
    TupleMiner(const TrainingSet& set, const SemanticRelations& relations, int candidates,
               bool mineSimilar, bool mineDissimilar, bool bf16Scores = false);

    // Whether training class c has a training class of that relation to draw from.
    bool hasSimilar(std::int32_t c) const { return m_similar.total(rowOf(c)) > 0; }
    bool hasDissimilar(std::int32_t c) const { return m_dissimilar.total(rowOf(c)) > 0; }

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
    // One relation (similar or dissimilar) of every training class r to the others, over
    // TrainingSet::classes (ascending): a bit per class of that relation, and the samples of
    // those classes summed up to the end of each 64-class word. A uniform index below the total
    // then picks a sample uniformly among all samples of those classes, in O(log(C / 64) + 64),
    // and the table takes C² / 4 bytes instead of a list of classes per r (12 C² bytes: 3.9 GB
    // at 18,000 training classes).
    struct Side
    {
        std::int64_t words = 0;               // per r
        std::vector<std::uint64_t> bits;      // [R, words]: bit j of r's row: classes[j]
        std::vector<std::int64_t> cumulative; // [R, words]: samples up to each word's end
        std::int64_t total(std::int64_t row) const
        {
            return row < 0 || words == 0
                       ? 0
                       : cumulative[static_cast<std::size_t>((row + 1) * words - 1)];
        }
    };

    // The row of training class c in a Side, or -1.
    std::int64_t rowOf(std::int32_t c) const
    {
        return c < 0 || static_cast<std::size_t>(c) >= m_row.size()
                   ? -1
                   : m_row[static_cast<std::size_t>(c)];
    }
    void makeSides();
    std::int64_t draw(const Side& side, std::int64_t row, SplitMix& rng) const;
    void drawSide(const std::vector<std::int32_t>& referenceClass, const Side& side, SplitMix& rng,
                  std::vector<std::int64_t>& candidates) const;
    void candidateDots(const float* unitMapped, const std::int64_t* samples, std::size_t count,
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
    std::vector<std::int64_t> m_row; // [C] the row of each training class in a Side, or -1
    Side m_similar;
    Side m_dissimilar;
    std::vector<std::uint16_t> m_bf16Rows; // [N, d] sample k's features in bfloat16; empty: exact
};

} // namespace semrel
