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
        const std::int64_t d = set.features.size(1);
        const float* rows = set.features.data_ptr<float>();
        m_bf16Rows.resize(set.featureRow.size() * static_cast<std::size_t>(d));
        for (std::size_t k = 0; k < set.featureRow.size(); ++k)
            toBf16(rows + set.featureRow[k] * d, d, m_bf16Rows.data() + k * d);
    }
    m_row.assign(set.classStart.size(), -1);
    for (std::size_t k = 0; k < set.classes.size(); ++k)
        m_row[static_cast<std::size_t>(set.classes[k])] = static_cast<std::int64_t>(k);
    // Both sides always: hasSimilar() and hasDissimilar() answer for a side not mined too.
    makeSides();
}

// Row r of δ read along the row (δ is symmetric): C² relations in one pass over the matrix.
void TupleMiner::makeSides()
{
    const std::vector<std::int32_t>& classes = m_set.classes;
    const auto n = static_cast<std::int64_t>(classes.size());
    const std::int64_t words = (n + 63) / 64;
    for (Side* side : {&m_similar, &m_dissimilar}) {
        side->words = words;
        side->bits.assign(static_cast<std::size_t>(n * words), 0);
        side->cumulative.assign(static_cast<std::size_t>(n * words), 0);
    }
    for (std::int64_t row = 0; row < n; ++row) {
        const std::int32_t r = classes[static_cast<std::size_t>(row)];
        std::int64_t similarSum = 0;
        std::int64_t dissimilarSum = 0;
        for (std::int64_t j = 0; j < n; ++j) {
            const std::int32_t m = classes[static_cast<std::size_t>(j)];
            const Relation relation = m_relations.relation(r, m); // = relation(m, r)
            const std::int64_t count = m_set.classCount[static_cast<std::size_t>(m)];
            const auto at = static_cast<std::size_t>(row * words + j / 64);
            const std::uint64_t bit = std::uint64_t{1} << (j % 64);
            if (relation == Relation::Similar) {
                m_similar.bits[at] |= bit;
                similarSum += count;
            } else if (relation == Relation::Dissimilar) {
                m_dissimilar.bits[at] |= bit;
                dissimilarSum += count;
            }
            if (j % 64 == 63 || j == n - 1) {
                m_similar.cumulative[at] = similarSum;
                m_dissimilar.cumulative[at] = dissimilarSum;
            }
        }
    }
}

// The class holding index u among the samples of r's classes of `side`, in ascending class
// order, and the sample at u's offset in it.
std::int64_t TupleMiner::draw(const Side& side, std::int64_t row, SplitMix& rng) const
{
    const auto u =
        static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(side.total(row))));
    const std::int64_t* cumulative = side.cumulative.data() + row * side.words;
    const std::int64_t word = std::upper_bound(cumulative, cumulative + side.words, u) - cumulative;
    std::int64_t before = word == 0 ? 0 : cumulative[word - 1];
    std::uint64_t bits = side.bits[static_cast<std::size_t>(row * side.words + word)];
    for (;;) {
        const std::int64_t j = word * 64 + __builtin_ctzll(bits);
        const auto c = static_cast<std::size_t>(m_set.classes[static_cast<std::size_t>(j)]);
        if (u < before + m_set.classCount[c])
            return m_set.classStart[c] + (u - before);
        before += m_set.classCount[c];
        bits &= bits - 1;
    }
}

void TupleMiner::drawSide(const std::vector<std::int32_t>& referenceClass, const Side& side,
                          SplitMix& rng, std::vector<std::int64_t>& candidates) const
{
    candidates.assign(referenceClass.size() * static_cast<std::size_t>(m_candidates), -1);
    for (std::size_t b = 0; b < referenceClass.size(); ++b) {
        const std::int64_t row = rowOf(referenceClass[b]);
        if (side.total(row) == 0)
            continue;
        for (int c = 0; c < m_candidates; ++c)
            candidates[b * static_cast<std::size_t>(m_candidates) + static_cast<std::size_t>(c)] =
                draw(side, row, rng);
    }
}

BatchTuples TupleMiner::draw(const std::vector<std::int32_t>& referenceClass, SplitMix& rng) const
{
    const std::size_t batch = referenceClass.size();
    BatchTuples t;
    t.positive.resize(batch);
    for (std::size_t b = 0; b < batch; ++b) {
        const auto r = static_cast<std::size_t>(referenceClass[b]);
        const std::int64_t sample =
            m_set.classStart[r] +
            static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(m_set.classCount[r])));
        t.positive[b] = m_set.featureRow[static_cast<std::size_t>(sample)];
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

// s(f(y_r), x) of each candidate of the sample, read where the row lies instead of gathering
// B·p rows into a new tensor first: the gather would write and re-read ~26 MB per side and batch
// at d = 2048 (docs/BENCHMARKS.md).
// s(f(y_r), x) of `count` training samples, in float or from the bfloat16 copy.
void TupleMiner::candidateDots(const float* unitMapped, const std::int64_t* samples,
                               std::size_t count, float* dots) const
{
    const std::int64_t d = m_set.features.size(1);
    if (m_bf16Rows.empty()) {
        const float* rows = m_set.features.data_ptr<float>();
        const float* rowOf[kGroup];
        for (std::size_t c = 0; c < count; ++c)
            rowOf[c] = rows + m_set.featureRow[static_cast<std::size_t>(samples[c])] * d;
        dotProducts(unitMapped, rowOf, static_cast<std::int64_t>(count), d, dots);
        return;
    }
    const std::uint16_t* rowOf[kGroup];
    for (std::size_t c = 0; c < count; ++c)
        rowOf[c] = m_bf16Rows.data() + samples[c] * d;
    dotProductsBf16(unitMapped, rowOf, static_cast<std::int64_t>(count), d, dots);
}

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
            const auto sample = static_cast<std::size_t>(candidates[b * p + c]);
            const double delta = m_relations.delta(m_set.rowClass[sample], referenceClass);
            scores[b * p + c] = score(dots[c - first], delta);
            if (c == 0 || scores[b * p + c] > best) {
                best = scores[b * p + c];
                bestCandidate = c;
                bestDelta = delta;
                chosen[b] = m_set.featureRow[sample];
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
