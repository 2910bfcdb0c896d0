// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/method/semantic_relations.h>

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

SemanticRelations::SemanticRelations(const FloatMatrix& embeddings, double tau)
    : m_delta(embeddings.rows, embeddings.rows), m_tau(tau)
{
    requireValidTau(tau);
    const std::int64_t c = embeddings.rows;
    for (std::int64_t m = 0; m < c; ++m) {
        // Exactly 1 on the diagonal: rounding must not turn a class into its own "similar".
        m_delta.at(m, m) = 1.0f;
        for (std::int64_t r = m + 1; r < c; ++r) {
            const float delta =
                cosineSimilarity(embeddings.row(m), embeddings.row(r), embeddings.cols);
            m_delta.at(m, r) = delta;
            m_delta.at(r, m) = delta;
        }
    }
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
