// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/objective.h"

#include "kernels/dot_product.h"

#include <algorithm>

namespace semrel {

namespace {

// B1: mean over B·d of (f(y_r) - x_i)².
double meanSquaredErrorAndGradient(const ObjectiveBatch& in, float* mappedGradient)
{
    const std::int64_t d = in.featureDim;
    const std::vector<std::int64_t>& slot = *in.slot;
    const auto samples = static_cast<double>(slot.size());
    const auto scale = static_cast<float>(2.0 / (samples * static_cast<double>(d)));
    double sum = 0.0;
    for (std::size_t b = 0; b < slot.size(); ++b) {
        const float* f = in.mapped + slot[b] * d;
        const float* x = in.features + in.tuples->positive[b] * d;
        float* g = mappedGradient + slot[b] * d;
        for (std::int64_t e = 0; e < d; ++e) {
            const float diff = f[e] - x[e];
            sum += static_cast<double>(diff) * diff;
            g[e] += scale * diff;
        }
    }
    return sum / (samples * static_cast<double>(d));
}

// Eq. 2 and Eq. 3: the cosine terms. Their gradient with respect to the unit vector u of each
// class row is first summed per row (C), then taken through u = f / ‖f‖:
// dL/df = (C - (C·u) u) / ‖f‖.
void cosineTermsAndGradient(const ObjectiveBatch& in, const ObjectiveWeights& w,
                            ObjectiveValue& value, float* mappedGradient)
{
    const std::int64_t d = in.featureDim;
    const std::vector<std::int64_t>& slot = *in.slot;
    const BatchTuples& t = *in.tuples;
    const auto samples = static_cast<double>(slot.size());
    const auto perSample = static_cast<float>(1.0 / samples);
    const bool useSimilar = !t.similar.empty() && w.lambda1 != 0.0;
    double o1 = 0.0, o2 = 0.0;
    for (std::size_t b = 0; b < slot.size(); ++b) {
        const float* u = in.unitMapped + slot[b] * d;
        float* c = mappedGradient + slot[b] * d;
        const float* xi = in.features + t.positive[b] * d;
        o1 -= dotProduct(u, xi, d);
        addScaled(c, xi, -perSample, d);
        if (!t.dissimilar.empty() && t.dissimilar[b] >= 0) {
            const float* xk = in.features + t.dissimilar[b] * d;
            const double weight = w.tau - static_cast<double>(t.deltaDissimilar[b]);
            o1 += weight * dotProduct(u, xk, d);
            addScaled(c, xk, static_cast<float>(weight) * perSample, d);
        }
        if (!t.similar.empty() && t.similar[b] >= 0) {
            const float* xj = in.features + t.similar[b] * d;
            const double s = dotProduct(u, xj, d);
            const double below = w.tau - s;
            const double above = s - static_cast<double>(t.deltaSimilar[b]);
            o2 += std::max(0.0, below) + std::max(0.0, above);
            const double slope = (above > 0.0 ? 1.0 : 0.0) - (below > 0.0 ? 1.0 : 0.0);
            if (useSimilar && slope != 0.0)
                addScaled(c, xj, static_cast<float>(w.lambda1 * slope) * perSample, d);
        }
    }
    value.o1 = o1 / samples;
    value.o2 = o2 / samples;
    for (std::int64_t r = 0; r < in.classRows; ++r) {
        const float* u = in.unitMapped + r * d;
        float* g = mappedGradient + r * d;
        const float along = dotProduct(g, u, d);
        const float inverseNorm = 1.0f / in.mappedNorm[r];
        // Below the 1e-12 clamp the norm is a constant and only the scale remains.
        const float projected = in.mappedNorm[r] > 1e-12f ? along : 0.0f;
        for (std::int64_t e = 0; e < d; ++e)
            g[e] = (g[e] - projected * u[e]) * inverseNorm;
    }
}

// Eq. 4: ‖y - g(f(y))‖² per class, counted once per sample of the class.
double reconstructionAndGradient(const ObjectiveBatch& in, double lambda2,
                                 float* reconstructedGradient)
{
    const std::int64_t a = in.embeddingDim;
    const std::vector<std::int64_t>& slot = *in.slot;
    std::vector<double> samplesOfRow(static_cast<std::size_t>(in.classRows), 0.0);
    for (std::int64_t s : slot)
        samplesOfRow[static_cast<std::size_t>(s)] += 1.0;
    const auto samples = static_cast<double>(slot.size());
    double sum = 0.0;
    for (std::int64_t r = 0; r < in.classRows; ++r) {
        const double share = samplesOfRow[static_cast<std::size_t>(r)] / samples;
        const auto scale = static_cast<float>(2.0 * lambda2 * share);
        double error = 0.0;
        for (std::int64_t e = 0; e < a; ++e) {
            const float diff = in.reconstructed[r * a + e] - in.embeddings[r * a + e];
            error += static_cast<double>(diff) * diff;
            reconstructedGradient[r * a + e] = scale * diff;
        }
        sum += share * error;
    }
    return sum;
}

} // namespace

ObjectiveValue objectiveAndGradient(const ObjectiveBatch& batch, const ObjectiveWeights& weights,
                                    float* mappedGradient, float* reconstructedGradient)
{
    std::fill(mappedGradient, mappedGradient + batch.classRows * batch.featureDim, 0.0f);
    ObjectiveValue value;
    if (weights.method == Method::B1)
        value.o1 = meanSquaredErrorAndGradient(batch, mappedGradient);
    else
        cosineTermsAndGradient(batch, weights, value, mappedGradient);
    if (batch.reconstructed)
        value.o3 = reconstructionAndGradient(batch, weights.lambda2, reconstructedGradient);
    value.total = value.o1;
    if (weights.method != Method::B1 && weights.lambda1 != 0.0)
        value.total += weights.lambda1 * value.o2;
    if (weights.lambda2 != 0.0)
        value.total += weights.lambda2 * value.o3;
    return value;
}

} // namespace semrel
