// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "baselines/closed_form_model.h"

#include "method/relation_network.h"

#include <semrel/errors.h>

#include <torch/torch.h>

#include <cmath>
#include <string>

namespace semrel {

namespace {

// The stored matrix as a FloatMatrix [rows, cols], checked against the expected shape.
FloatMatrix storedMatrix(const ModelState& state, const char* name, std::int64_t rows,
                         std::int64_t cols)
{
    for (const NamedTensor& t : state.parameters) {
        if (t.name != name)
            continue;
        if (t.shape.size() != 2 || t.shape[0] != rows || t.shape[1] != cols ||
            t.values.size() != static_cast<std::size_t>(rows * cols))
            throw ModelError("model: '" + std::string(name) + "' has another shape than " +
                             std::to_string(rows) + " x " + std::to_string(cols));
        FloatMatrix m(rows, cols);
        m.values = t.values;
        return m;
    }
    throw ModelError("model: the " + std::string(methodName(state.config.method)) +
                     " model has no '" + name + "' matrix");
}

// a [m, k] · b [k, n] (or bᵀ with `transposeB`), on BLAS: SUN's 717 classes × 102 × 2048 run
// once per grid point while tuning.
FloatMatrix product(const FloatMatrix& a, const FloatMatrix& b, bool transposeB = false)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor right = fromFloatMatrix(b);
    return toFloatMatrix(fromFloatMatrix(a).mm(transposeB ? right.t() : right));
}

} // namespace

FloatMatrix unitRows(const FloatMatrix& m)
{
    FloatMatrix out = m;
    for (std::int64_t r = 0; r < m.rows; ++r) {
        double norm = 0.0;
        for (std::int64_t c = 0; c < m.cols; ++c)
            norm += static_cast<double>(m.at(r, c)) * m.at(r, c);
        if (norm > 0.0) {
            const double scale = 1.0 / std::sqrt(norm);
            for (std::int64_t c = 0; c < m.cols; ++c)
                out.at(r, c) = static_cast<float>(m.at(r, c) * scale);
        }
    }
    return out;
}

FloatMatrix closedFormClassPoints(const ModelState& state, const FloatMatrix& rawEmbeddings)
{
    const FloatMatrix s = state.embeddingNormalizer.apply(rawEmbeddings);
    if (state.config.method == Method::Eszsl) {
        const FloatMatrix v =
            storedMatrix(state, kEszslMatrix, state.featureDim, state.embeddingDim);
        return product(s, v, /*transposeB=*/true); // row c: (V s_c)ᵀ
    }
    if (state.config.method != Method::Sae)
        throw ModelError("model: method '" + std::string(methodName(state.config.method)) +
                         "' is not solved in closed form");
    if (state.config.saeDirection == SaeDirection::VisualToSemantic)
        return s;
    const FloatMatrix w =
        unitRows(storedMatrix(state, kSaeMatrix, state.embeddingDim, state.featureDim));
    return unitRows(product(unitRows(s), w)); // row c: (Ŵᵀ ŝ_c)ᵀ, unit length
}

ScoringSpace closedFormScoringSpace(const ModelState& state)
{
    ScoringSpace space;
    space.featureNormalizer = state.featureNormalizer;
    space.classPoints = closedFormClassPoints(state, state.classEmbeddings);
    space.scoring = state.config.method == Method::Eszsl ? Scoring::Dot : Scoring::Cosine;
    if (state.config.method == Method::Sae &&
        state.config.saeDirection == SaeDirection::VisualToSemantic) {
        space.featureProjection =
            unitRows(storedMatrix(state, kSaeMatrix, state.embeddingDim, state.featureDim));
        space.space = ComparisonSpace::Semantic;
    }
    return space;
}

} // namespace semrel
