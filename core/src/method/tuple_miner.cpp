// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/tuple_miner.h"

#include "kernels/dot_product.h"

#include <algorithm>

namespace semrel {

namespace {

constexpr std::size_t kGroup = 16; // candidates whose dot products are taken together

} // namespace

TupleMiner::TupleMiner(const TrainingSet& set, const SemanticRelations& relations, int candidates,
                       bool mineSimilar, bool mineDissimilar, bool bf16Scores)
    : m_set(set), m_relations(relations), m_candidates(candidates), m_mineSimilar(mineSimilar),
      m_mineDissimilar(mineDissimilar)
{
    if (bf16Scores && (mineSimilar || mineDissimilar)) {
        m_bf16Rows.resize(static_cast<std::size_t>(set.features.numel()));
        toBf16(set.features.data_ptr<float>(), set.features.numel(), m_bf16Rows.data());
    }
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

BatchTuples TupleMiner::draw(const std::vector<std::int32_t>& referenceClass, SplitMix& rng) const
{
    const std::size_t batch = referenceClass.size();
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
    t.referenceClass = referenceClass;
    // Nothing chosen yet: -1 stays for a sample whose class has no class of that relation.
    t.similar.assign(batch, -1);
    t.deltaSimilar.assign(batch, 0.0f);
    t.similarScores.assign(t.similarCandidates.size(), 0.0f);
    t.dissimilar.assign(batch, -1);
    t.deltaDissimilar.assign(batch, 0.0f);
    t.dissimilarScores.assign(t.dissimilarCandidates.size(), 0.0f);
    return t;
}

void TupleMiner::choose(std::size_t sample, const float* unitMapped, BatchTuples& t) const
{
    chooseSide(sample, unitMapped, t.similarCandidates, /*similarSide=*/true, t.similarScores,
               t.similar, t.deltaSimilar, t.referenceClass[sample]);
    chooseSide(sample, unitMapped, t.dissimilarCandidates, /*similarSide=*/false,
               t.dissimilarScores, t.dissimilar, t.deltaDissimilar, t.referenceClass[sample]);
}

// s(f(y_r), x) of `count` rows, in float or from the bfloat16 copy.
void TupleMiner::candidateDots(const float* unitMapped, const std::int64_t* rows, std::size_t count,
                               float* dots) const
{
    const std::int64_t d = m_set.features.size(1);
    if (m_bf16Rows.empty()) {
        const float* features = m_set.features.data_ptr<float>();
        const float* rowOf[kGroup];
        for (std::size_t c = 0; c < count; ++c)
            rowOf[c] = features + rows[c] * d;
        dotProducts(unitMapped, rowOf, static_cast<std::int64_t>(count), d, dots);
        return;
    }
    const std::uint16_t* rowOf[kGroup];
    for (std::size_t c = 0; c < count; ++c)
        rowOf[c] = m_bf16Rows.data() + rows[c] * d;
    dotProductsBf16(unitMapped, rowOf, static_cast<std::int64_t>(count), d, dots);
}

// s(f(y_r), x) of each candidate of the sample, read where the row lies instead of gathering
// B·p rows into a new tensor first: the gather would write and re-read ~26 MB per side and batch
// at d = 2048 (docs/BENCHMARKS.md).
void TupleMiner::chooseSide(std::size_t b, const float* unitMapped,
                            const std::vector<std::int64_t>& candidates, bool similarSide,
                            std::vector<float>& scores, std::vector<std::int64_t>& chosen,
                            std::vector<float>& deltas, std::int32_t referenceClass) const
{
    const auto p = static_cast<std::size_t>(m_candidates);
    if (candidates.empty() || candidates[b * p] < 0)
        return;
    const double tau = m_relations.tau();
    // Eq. 3 for a similar candidate; the second term of Eq. 2 for a dissimilar one.
    const auto score = [&](float s, double delta) {
        return static_cast<float>(similarSide ? std::max(0.0, tau - s) + std::max(0.0, s - delta)
                                              : (tau - delta) * s);
    };
    float best = 0.0f;
    std::size_t bestCandidate = 0;
    double bestDelta = 0.0;
    float dots[kGroup];
    for (std::size_t first = 0; first < p; first += kGroup) {
        const std::size_t count = std::min(kGroup, p - first);
        candidateDots(unitMapped, candidates.data() + b * p + first, count, dots);
        for (std::size_t c = first; c < first + count; ++c) {
            const std::int64_t row = candidates[b * p + c];
            const double delta =
                m_relations.delta(m_set.rowClass[static_cast<std::size_t>(row)], referenceClass);
            scores[b * p + c] = score(dots[c - first], delta);
            if (c == 0 || scores[b * p + c] > best) {
                best = scores[b * p + c];
                bestCandidate = c;
                bestDelta = delta;
                chosen[b] = row;
                deltas[b] = static_cast<float>(delta);
            }
        }
    }
    if (!m_bf16Rows.empty()) { // the winner's score in float, as the objective computes it
        const std::int64_t d = m_set.features.size(1);
        const float s = dotProduct(unitMapped, m_set.features.data_ptr<float>() + chosen[b] * d, d);
        scores[b * p + bestCandidate] = score(s, bestDelta);
    }
}

BatchTuples TupleMiner::mine(const std::vector<std::int32_t>& referenceClass,
                             const std::vector<std::int64_t>& slot, const at::Tensor& mappedUnit,
                             SplitMix& rng) const
{
    BatchTuples t = draw(referenceClass, rng);
    const std::int64_t d = mappedUnit.size(1);
    for (std::size_t b = 0; b < referenceClass.size(); ++b)
        choose(b, mappedUnit.data_ptr<float>() + slot[b] * d, t);
    return t;
}

} // namespace semrel
