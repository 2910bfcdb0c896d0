// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/matrix.h>

#include <cstdint>
#include <vector>

namespace semrel {

// Relation of a class m to a reference class r (Sec. 3.1), by δ = cos(y_m, y_r) and τ.
enum class Relation { Identical, Similar, Dissimilar };

const char* relationName(Relation relation); // "identical", "similar", "dissimilar"

// The rule for two distinct classes: similar when τ <= δ, or when δ = 1 (a distinct class with
// the same embedding direction counts as similar even at τ = 1); dissimilar otherwise.
inline bool isSimilar(double delta, double tau)
{
    return delta >= tau || delta >= 1.0;
}

// The relation of class m to reference class r with δ(m, r) = delta: identical when m == r,
// otherwise by isSimilar().
inline Relation relationOf(std::int64_t m, std::int64_t r, double delta, double tau)
{
    if (m == r)
        return Relation::Identical;
    return isSimilar(delta, tau) ? Relation::Similar : Relation::Dissimilar;
}

// Throws Error unless τ is in (-1, 1].
void requireValidTau(double tau);

// The cosine matrix δ between class embeddings and its partition by τ.
class SemanticRelations
{
public:
    // `embeddings` [C, a], as the model sees them (normalised). τ in (-1, 1].
    SemanticRelations(const FloatMatrix& embeddings, double tau);

    std::int64_t classCount() const { return m_delta.rows; }
    double tau() const { return m_tau; }
    // δ(m, r), symmetric, 1 on the diagonal.
    float delta(std::int64_t m, std::int64_t r) const { return m_delta.at(m, r); }
    const FloatMatrix& deltaMatrix() const { return m_delta; }

    // Identical when m == r; similar when τ <= δ < 1; dissimilar when δ < τ. (A distinct class
    // with δ = 1 counts as similar.)
    Relation relation(std::int64_t m, std::int64_t r) const;

    // The classes among `candidates` that are similar (or dissimilar) to r.
    std::vector<std::int32_t> similarTo(std::int32_t r,
                                        const std::vector<std::int32_t>& candidates) const;
    std::vector<std::int32_t> dissimilarTo(std::int32_t r,
                                           const std::vector<std::int32_t>& candidates) const;

private:
    FloatMatrix m_delta;
    double m_tau;
};

// Cosine similarity of two vectors of length n; 0 when either is all zero.
float cosineSimilarity(const float* a, const float* b, std::int64_t n);

} // namespace semrel
