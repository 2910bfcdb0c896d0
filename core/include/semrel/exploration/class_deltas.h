// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/matrix.h>

#include <cstdint>
#include <vector>

namespace semrel {

// δ between a dataset's classes, for exploring them at any class count: the class embeddings as
// the method sees them (datasetRelations() in method/dataset_relations.h: normalised with the
// seen classes' statistics) scaled to unit rows, so that δ(m, r) is one dot product, computed
// when asked. Holds C x a floats, never the C x C matrix that SemanticRelations builds. Immutable:
// any thread may read it.
class ClassDeltas
{
public:
    // Throws DataError when the dataset has no class embeddings.
    explicit ClassDeltas(const Dataset& data);
    // From embeddings already as the method sees them ([C, a]); rows are scaled to unit length
    // (an all-zero row stays zero: its δ with any other class is 0, as cosineSimilarity() says).
    explicit ClassDeltas(const FloatMatrix& embeddings);

    std::int64_t classCount() const { return m_unitRows.rows; }
    const FloatMatrix& unitRows() const { return m_unitRows; }

    // δ(m, r) = cos(y_m, y_r): 1 when m == r, symmetric. Indices must be in [0, classCount()).
    float delta(std::int64_t m, std::int64_t r) const;
    // δ(m, r) for every class m, [C]. Throws DataError when r is out of range.
    std::vector<float> deltasTo(std::int64_t r) const;

private:
    FloatMatrix m_unitRows; // [C, a]
};

struct ClassNeighbour
{
    std::int32_t classIndex = 0;
    float delta = 0.0f;
};

// The classes most and least similar to one class, for the Dataset view's lists.
struct ClassNeighbours
{
    std::vector<ClassNeighbour> similar;    // highest δ first
    std::vector<ClassNeighbour> dissimilar; // lowest δ first
};

// Up to `k` classes each side of r (r left out), ties by class index. With few classes the two
// lists share no class: the more similar half goes to `similar`, the rest to `dissimilar`.
// O(C·a + C log k). Throws DataError when r is out of range.
ClassNeighbours neighboursOf(const ClassDeltas& classDeltas, std::int32_t r, int k);

} // namespace semrel
