// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/tuple_miner.h"

#include "kernels/dot_product.h"

#include <ATen/Parallel.h>

#include <algorithm>

namespace semrel {

namespace {

// s(f(y_r), x) for every (mapped row, feature row) pair. Reads each candidate row where it lies
// instead of gathering B·p rows into a new tensor first: the gather would write and re-read
// ~26 MB per side and batch at d = 2048 (docs/BENCHMARKS.md), for 3200 dot products.
void pairDots(const at::Tensor& mappedUnit, const at::Tensor& features,
              const std::vector<std::int64_t>& slotOfPair,
              const std::vector<std::int64_t>& rowOfPair, std::vector<float>& out)
{
    const std::int64_t d = features.size(1);
    const float* mapped = mappedUnit.data_ptr<float>();
    const float* rows = features.data_ptr<float>();
    const auto count = static_cast<std::int64_t>(rowOfPair.size());
    out.assign(static_cast<std::size_t>(count), 0.0f);
    at::parallel_for(0, count, 16, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t k = begin; k < end; ++k) {
            const float* a = mapped + slotOfPair[static_cast<std::size_t>(k)] * d;
            const float* b = rows + rowOfPair[static_cast<std::size_t>(k)] * d;
            out[static_cast<std::size_t>(k)] = dotProduct(a, b, d);
        }
    });
}

} // namespace

TupleMiner::TupleMiner(const TrainingSet& set, const SemanticRelations& relations, int candidates,
                       bool mineSimilar, bool mineDissimilar)
    : m_set(set), m_relations(relations), m_candidates(candidates), m_mineSimilar(mineSimilar),
      m_mineDissimilar(mineDissimilar)
{
    const std::size_t c = set.classStart.size();
    m_similar.resize(c);
    m_dissimilar.resize(c);
    for (std::int32_t r : set.classes) {
        m_similar[static_cast<std::size_t>(r)] = makePool(relations.similarTo(r, set.classes));
        m_dissimilar[static_cast<std::size_t>(r)] =
            makePool(relations.dissimilarTo(r, set.classes));
    }
}

TupleMiner::Pool TupleMiner::makePool(const std::vector<std::int32_t>& classes) const
{
    Pool pool;
    std::int64_t total = 0;
    for (std::int32_t c : classes) {
        const std::int64_t n = m_set.classCount[static_cast<std::size_t>(c)];
        if (n == 0)
            continue;
        total += n;
        pool.classes.push_back(c);
        pool.cumulative.push_back(total);
    }
    return pool;
}

std::int64_t TupleMiner::draw(const Pool& pool, SplitMix& rng) const
{
    const auto u =
        static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(pool.cumulative.back())));
    const auto index = std::upper_bound(pool.cumulative.begin(), pool.cumulative.end(), u) -
                       pool.cumulative.begin();
    const std::int64_t before =
        index == 0 ? 0 : pool.cumulative[static_cast<std::size_t>(index - 1)];
    const std::int32_t c = pool.classes[static_cast<std::size_t>(index)];
    return m_set.classStart[static_cast<std::size_t>(c)] + (u - before);
}

void TupleMiner::drawSide(const std::vector<std::int32_t>& referenceClass,
                          const std::vector<Pool>& pools, SplitMix& rng,
                          std::vector<std::int64_t>& candidates) const
{
    candidates.assign(referenceClass.size() * static_cast<std::size_t>(m_candidates), -1);
    for (std::size_t b = 0; b < referenceClass.size(); ++b) {
        const Pool& pool = pools[static_cast<std::size_t>(referenceClass[b])];
        if (pool.classes.empty())
            continue;
        for (int c = 0; c < m_candidates; ++c)
            candidates[b * static_cast<std::size_t>(m_candidates) + static_cast<std::size_t>(c)] =
                draw(pool, rng);
    }
}

BatchTuples TupleMiner::mine(const std::vector<std::int32_t>& referenceClass,
                             const std::vector<std::int64_t>& slot, const at::Tensor& mappedUnit,
                             SplitMix& rng) const
{
    const std::size_t batch = referenceClass.size();
    const auto p = static_cast<std::size_t>(m_candidates);
    BatchTuples t;
    t.positive.resize(batch);
    for (std::size_t b = 0; b < batch; ++b) {
        const auto r = static_cast<std::size_t>(referenceClass[b]);
        t.positive[b] =
            m_set.classStart[r] +
            static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(m_set.classCount[r])));
    }
    if (m_mineSimilar)
        drawSide(referenceClass, m_similar, rng, t.similarCandidates);
    if (m_mineDissimilar)
        drawSide(referenceClass, m_dissimilar, rng, t.dissimilarCandidates);

    // One parallel pass over all pairs of both sides; rows without a pool are skipped.
    std::vector<std::int64_t> pairSlot;
    std::vector<std::int64_t> pairRow;
    for (const auto* side : {&t.similarCandidates, &t.dissimilarCandidates}) {
        for (std::size_t k = 0; k < side->size(); ++k) {
            if ((*side)[k] < 0)
                continue;
            pairSlot.push_back(slot[k / p]);
            pairRow.push_back((*side)[k]);
        }
    }
    std::vector<float> dots;
    pairDots(mappedUnit, m_set.features, pairSlot, pairRow, dots);

    const double tau = m_relations.tau();
    std::size_t next = 0;
    auto choose = [&](const std::vector<std::int64_t>& candidates, bool similarSide,
                      std::vector<float>& scores, std::vector<std::int64_t>& chosen,
                      std::vector<float>& deltas) {
        chosen.assign(batch, -1);
        deltas.assign(batch, 0.0f);
        scores.assign(candidates.size(), 0.0f);
        for (std::size_t b = 0; b < batch && !candidates.empty(); ++b) {
            if (candidates[b * p] < 0)
                continue;
            float best = 0.0f;
            for (std::size_t c = 0; c < p; ++c) {
                const std::int64_t row = candidates[b * p + c];
                const float s = dots[next++];
                const double delta = m_relations.delta(
                    m_set.rowClass[static_cast<std::size_t>(row)], referenceClass[b]);
                // Eq. 3 for a similar candidate; the second term of Eq. 2 for a dissimilar one.
                const double score = similarSide ? std::max(0.0, tau - s) + std::max(0.0, s - delta)
                                                 : (tau - delta) * s;
                scores[b * p + c] = static_cast<float>(score);
                if (c == 0 || scores[b * p + c] > best) {
                    best = scores[b * p + c];
                    chosen[b] = row;
                    deltas[b] = static_cast<float>(delta);
                }
            }
        }
    };
    choose(t.similarCandidates, true, t.similarScores, t.similar, t.deltaSimilar);
    choose(t.dissimilarCandidates, false, t.dissimilarScores, t.dissimilar, t.deltaDissimilar);
    return t;
}

} // namespace semrel
