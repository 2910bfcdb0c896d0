// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "kernels/worker_team.h"

#include <semrel/errors.h>
#include <semrel/kernels/threads.h>
#include <semrel/method/semantic_relations.h>

#include <algorithm>
#include <cmath>

namespace semrel {

const char* relationName(Relation relation)
{
    switch (relation) {
    case Relation::Identical:
        return "identical";
    case Relation::Similar:
        return "similar";
    case Relation::Dissimilar:
        return "dissimilar";
    }
    return "dissimilar";
}

float cosineSimilarity(const float* a, const float* b, std::int64_t n)
{
    double dot = 0.0;
    double normA = 0.0;
    double normB = 0.0;
    for (std::int64_t i = 0; i < n; ++i) {
        dot += static_cast<double>(a[i]) * b[i];
        normA += static_cast<double>(a[i]) * a[i];
        normB += static_cast<double>(b[i]) * b[i];
    }
    if (normA == 0.0 || normB == 0.0)
        return 0.0f;
    return static_cast<float>(dot / std::sqrt(normA * normB));
}

void requireValidTau(double tau)
{
    if (!(tau > -1.0 && tau <= 1.0))
        throw Error("semantic relations: tau must be in (-1, 1], found " + std::to_string(tau));
}

namespace {

// Σ a[i]², summed in cosineSimilarity()'s order.
double squaredNorm(const float* a, std::int64_t n)
{
    double sum = 0.0;
    for (std::int64_t i = 0; i < n; ++i)
        sum += static_cast<double>(a[i]) * a[i];
    return sum;
}

// cosineSimilarity(a, b_k, n) for kRows rows b_k at once, from the squared norms: the same sums in
// the same order, so the same bits, with the norms computed once per class instead of once per
// pair and kRows independent sums in flight.
constexpr int kRows = 4;

void cosinesOf(const float* a, double normA, const float* const* b, const double* normB,
               std::int64_t n, float* out)
{
    double dot[kRows] = {0.0, 0.0, 0.0, 0.0};
    for (std::int64_t i = 0; i < n; ++i) {
        const double x = a[i];
        for (int k = 0; k < kRows; ++k)
            dot[k] += x * b[k][i];
    }
    for (int k = 0; k < kRows; ++k)
        out[k] = normA == 0.0 || normB[k] == 0.0
                     ? 0.0f
                     : static_cast<float>(dot[k] / std::sqrt(normA * normB[k]));
}

// Row m of δ right of the diagonal: δ(m, r) for r in (m, c).
void upperRow(const FloatMatrix& e, const std::vector<double>& norms, std::int64_t m,
              FloatMatrix& delta)
{
    const std::int64_t c = e.rows;
    std::int64_t r = m + 1;
    for (; r + kRows <= c; r += kRows) {
        const float* b[kRows] = {e.row(r), e.row(r + 1), e.row(r + 2), e.row(r + 3)};
        cosinesOf(e.row(m), norms[static_cast<std::size_t>(m)], b, norms.data() + r, e.cols,
                  delta.row(m) + r);
    }
    for (; r < c; ++r)
        delta.at(m, r) = cosineSimilarity(e.row(m), e.row(r), e.cols);
}

} // namespace

// C²/2 cosines: at 20,000 classes they were most of the trainer's setup (docs/BENCHMARKS.md,
// "Memory and setup at scale"). The upper triangle by rows, shared by a WorkerTeam (rows shrink,
// so they go out one by one), then mirrored in tiles.
SemanticRelations::SemanticRelations(const FloatMatrix& embeddings, double tau)
    : m_delta(embeddings.rows, embeddings.rows), m_tau(tau)
{
    requireValidTau(tau);
    const std::int64_t c = embeddings.rows;
    std::vector<double> norms(static_cast<std::size_t>(c));
    for (std::int64_t m = 0; m < c; ++m)
        norms[static_cast<std::size_t>(m)] = squaredNorm(embeddings.row(m), embeddings.cols);
    constexpr std::int64_t kTile = 64;
    const std::int64_t tiles = (c + kTile - 1) / kTile;
    WorkerTeam team(currentThreadCount());
    team.run(team.size(), [&](TeamMember& me) {
        me.share(c, [&](std::int64_t m) { upperRow(embeddings, norms, m, m_delta); });
        me.barrier();
        me.share(tiles, [&](std::int64_t tile) {
            // The rows of this tile take their left part from the columns above the diagonal,
            // tile by tile: each read runs along a row, each write stays within kTile rows.
            const std::int64_t first = tile * kTile;
            const std::int64_t last = std::min(c, first + kTile);
            for (std::int64_t left = 0; left < last; left += kTile)
                for (std::int64_t m = left; m < std::min(left + kTile, last); ++m)
                    for (std::int64_t r = std::max(first, m + 1); r < last; ++r)
                        m_delta.at(r, m) = m_delta.at(m, r);
            // Exactly 1 on the diagonal: rounding must not turn a class into its own "similar".
            for (std::int64_t r = first; r < last; ++r)
                m_delta.at(r, r) = 1.0f;
        });
    });
}

Relation SemanticRelations::relation(std::int64_t m, std::int64_t r) const
{
    // δ = 1 for a distinct class is "similar" even when τ = 1 (B2 then pushes nothing it equals).
    return relationOf(m, r, m_delta.at(m, r), m_tau);
}

std::vector<std::int32_t>
SemanticRelations::similarTo(std::int32_t r, const std::vector<std::int32_t>& candidates) const
{
    std::vector<std::int32_t> out;
    for (std::int32_t m : candidates) {
        if (relation(m, r) == Relation::Similar)
            out.push_back(m);
    }
    return out;
}

std::vector<std::int32_t>
SemanticRelations::dissimilarTo(std::int32_t r, const std::vector<std::int32_t>& candidates) const
{
    std::vector<std::int32_t> out;
    for (std::int32_t m : candidates) {
        if (relation(m, r) == Relation::Dissimilar)
            out.push_back(m);
    }
    return out;
}

} // namespace semrel
