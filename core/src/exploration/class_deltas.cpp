// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/exploration/class_deltas.h>
#include <semrel/method/dataset_relations.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace semrel {

namespace {

FloatMatrix unitRowsOf(const FloatMatrix& embeddings)
{
    FloatMatrix unit(embeddings.rows, embeddings.cols);
    for (std::int64_t r = 0; r < embeddings.rows; ++r) {
        const float* in = embeddings.row(r);
        double norm = 0.0;
        for (std::int64_t a = 0; a < embeddings.cols; ++a)
            norm += static_cast<double>(in[a]) * in[a];
        // An all-zero row stays zero: its cosine with anything is 0 (cosineSimilarity()).
        const double scale = norm > 0.0 ? 1.0 / std::sqrt(norm) : 0.0;
        float* out = unit.row(r);
        for (std::int64_t a = 0; a < embeddings.cols; ++a)
            out[a] = static_cast<float>(in[a] * scale);
    }
    return unit;
}

void requireClass(const ClassDeltas& s, std::int64_t r)
{
    if (r < 0 || r >= s.classCount())
        throw DataError("class δ: class " + std::to_string(r) + " is outside the " +
                        std::to_string(s.classCount()) + " classes");
}

FloatMatrix unitRowsOf(const Dataset& data)
{
    if (data.classEmbeddings.empty())
        throw DataError("class δ: '" + data.name + "' has no class embeddings");
    return unitRowsOf(normalizedClassEmbeddings(data));
}

} // namespace

ClassDeltas::ClassDeltas(const Dataset& data) : m_unitRows(unitRowsOf(data)) {}

ClassDeltas::ClassDeltas(const FloatMatrix& embeddings) : m_unitRows(unitRowsOf(embeddings)) {}

float ClassDeltas::delta(std::int64_t m, std::int64_t r) const
{
    // Exactly 1 on the diagonal, as SemanticRelations has it: a class is never its own "similar".
    if (m == r)
        return 1.0f;
    const float* a = m_unitRows.row(m);
    const float* b = m_unitRows.row(r);
    double dot = 0.0;
    for (std::int64_t i = 0; i < m_unitRows.cols; ++i)
        dot += static_cast<double>(a[i]) * b[i];
    return static_cast<float>(dot);
}

std::vector<float> ClassDeltas::deltasTo(std::int64_t r) const
{
    requireClass(*this, r);
    std::vector<float> deltas(static_cast<std::size_t>(classCount()));
    for (std::int64_t m = 0; m < classCount(); ++m)
        deltas[static_cast<std::size_t>(m)] = delta(m, r);
    return deltas;
}

ClassNeighbours neighboursOf(const ClassDeltas& classDeltas, std::int32_t r, int k)
{
    requireClass(classDeltas, r);
    const std::vector<float> deltas = classDeltas.deltasTo(r);
    std::vector<std::int32_t> others;
    others.reserve(deltas.size());
    for (std::int32_t m = 0; m < static_cast<std::int32_t>(deltas.size()); ++m)
        if (m != r)
            others.push_back(m);
    const auto higher = [&](std::int32_t a, std::int32_t b) {
        const float da = deltas[static_cast<std::size_t>(a)];
        const float db = deltas[static_cast<std::size_t>(b)];
        return da != db ? da > db : a < b;
    };
    const std::size_t want = static_cast<std::size_t>(std::max(k, 0));
    const std::size_t similarCount = std::min(want, (others.size() + 1) / 2);
    const std::size_t dissimilarCount = std::min(want, others.size() / 2);

    ClassNeighbours result;
    std::partial_sort(others.begin(), others.begin() + static_cast<std::ptrdiff_t>(similarCount),
                      others.end(), higher);
    for (std::size_t i = 0; i < similarCount; ++i)
        result.similar.push_back({others[i], deltas[static_cast<std::size_t>(others[i])]});
    // The least similar, among the classes not listed as similar; ties again by class index.
    const auto lower = [&](std::int32_t a, std::int32_t b) {
        const float da = deltas[static_cast<std::size_t>(a)];
        const float db = deltas[static_cast<std::size_t>(b)];
        return da != db ? da < db : a < b;
    };
    const auto rest = others.begin() + static_cast<std::ptrdiff_t>(similarCount);
    std::partial_sort(rest, rest + static_cast<std::ptrdiff_t>(dissimilarCount), others.end(),
                      lower);
    for (std::size_t i = 0; i < dissimilarCount; ++i) {
        const std::int32_t m = *(rest + static_cast<std::ptrdiff_t>(i));
        result.dissimilar.push_back({m, deltas[static_cast<std::size_t>(m)]});
    }
    return result;
}

} // namespace semrel
