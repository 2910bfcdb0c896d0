// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/objective.h"

#include "kernels/dot_product.h"

#include <algorithm>

namespace semrel {

namespace {

// B1's gradient for the samples of one row: 2 (f(y_r) - x_i) / (B·d) each.
void squaredErrorGradientOfRow(const ObjectiveBatch& in, std::int64_t row,
                               const std::int64_t* samples, std::size_t count, float* g)
{
    const std::int64_t d = in.featureDim;
    const auto scale =
        static_cast<float>(2.0 / (static_cast<double>(in.slot->size()) * static_cast<double>(d)));
    const float* f = in.mapped + row * d;
    for (std::size_t k = 0; k < count; ++k) {
        const float* x =
            in.features + in.tuples->positive[static_cast<std::size_t>(samples[k])] * d;
        for (std::int64_t e = 0; e < d; ++e)
            g[e] += scale * (f[e] - x[e]);
    }
}

// B1: mean over B·d of (f(y_r) - x_i)², summed in sample order on one thread.
double meanSquaredError(const ObjectiveBatch& in)
{
    const std::int64_t d = in.featureDim;
    const std::vector<std::int64_t>& slot = *in.slot;
    double sum = 0.0;
    for (std::size_t b = 0; b < slot.size(); ++b) {
        const float* f = in.mapped + slot[b] * d;
        const float* x = in.features + in.tuples->positive[b] * d;
        for (std::int64_t e = 0; e < d; ++e) {
            const float diff = f[e] - x[e];
            sum += static_cast<double>(diff) * diff;
        }
    }
    return sum / (static_cast<double>(slot.size()) * static_cast<double>(d));
}

// Eq. 2 and Eq. 3 for the samples of one row. Their gradient with respect to the row's unit
// vector u is summed first (C), then taken through u = f / ‖f‖: dL/df = (C - (C·u) u) / ‖f‖.
void cosineTermsOfRow(const ObjectiveBatch& in, const ObjectiveWeights& w, std::int64_t row,
                      const std::int64_t* samples, std::size_t count, float* c,
                      ObjectiveTerms& terms)
{
    const std::int64_t d = in.featureDim;
    const BatchTuples& t = *in.tuples;
    const auto perSample = static_cast<float>(1.0 / static_cast<double>(in.slot->size()));
    const bool useSimilar = !t.similar.empty() && w.lambda1 != 0.0;
    const float* u = in.unitMapped + row * d;
    for (std::size_t k = 0; k < count; ++k) {
        const auto b = static_cast<std::size_t>(samples[k]);
        const float* xi = in.features + t.positive[b] * d;
        terms.positive[b] = dotProduct(u, xi, d);
        addScaled(c, xi, -perSample, d);
        if (!t.dissimilar.empty() && t.dissimilar[b] >= 0) {
            const float* xk = in.features + t.dissimilar[b] * d;
            const double weight = w.tau - static_cast<double>(t.deltaDissimilar[b]);
            terms.dissimilar[b] = weight * dotProduct(u, xk, d);
            addScaled(c, xk, static_cast<float>(weight) * perSample, d);
        }
        if (!t.similar.empty() && t.similar[b] >= 0) {
            const float* xj = in.features + t.similar[b] * d;
            const double s = dotProduct(u, xj, d);
            const double below = w.tau - s;
            const double above = s - static_cast<double>(t.deltaSimilar[b]);
            terms.similar[b] = std::max(0.0, below) + std::max(0.0, above);
            const double slope = (above > 0.0 ? 1.0 : 0.0) - (below > 0.0 ? 1.0 : 0.0);
            if (useSimilar && slope != 0.0)
                addScaled(c, xj, static_cast<float>(w.lambda1 * slope) * perSample, d);
        }
    }
    const float along = dotProduct(c, u, d);
    const float inverseNorm = 1.0f / in.mappedNorm[row];
    // Below the 1e-12 clamp the norm is a constant and only the scale remains.
    const float projected = in.mappedNorm[row] > 1e-12f ? along : 0.0f;
    for (std::int64_t e = 0; e < d; ++e)
        c[e] = (c[e] - projected * u[e]) * inverseNorm;
}

} // namespace

void ObjectiveTerms::reset(std::size_t samples)
{
    positive.assign(samples, 0.0f);
    dissimilar.assign(samples, 0.0);
    similar.assign(samples, 0.0);
}

void mappedGradientOfRow(const ObjectiveBatch& batch, const ObjectiveWeights& weights,
                         std::int64_t row, const std::int64_t* samples, std::size_t count,
                         float* mappedGradient, ObjectiveTerms& terms)
{
    float* g = mappedGradient + row * batch.featureDim;
    std::fill(g, g + batch.featureDim, 0.0f);
    if (weights.method == Method::B1)
        squaredErrorGradientOfRow(batch, row, samples, count, g);
    else
        cosineTermsOfRow(batch, weights, row, samples, count, g, terms);
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

ObjectiveValue objectiveValue(const ObjectiveBatch& batch, const ObjectiveWeights& weights,
                              const ObjectiveTerms& terms, double o3)
{
    ObjectiveValue value;
    const BatchTuples& t = *batch.tuples;
    const auto samples = static_cast<double>(batch.slot->size());
    if (weights.method == Method::B1) {
        value.o1 = meanSquaredError(batch);
    } else {
        // In sample order, as one thread would have added them.
        double o1 = 0.0, o2 = 0.0;
        for (std::size_t b = 0; b < batch.slot->size(); ++b) {
            o1 -= terms.positive[b];
            if (!t.dissimilar.empty() && t.dissimilar[b] >= 0)
                o1 += terms.dissimilar[b];
            if (!t.similar.empty() && t.similar[b] >= 0)
                o2 += terms.similar[b];
        }
        value.o1 = o1 / samples;
        value.o2 = o2 / samples;
    }
    value.o3 = o3;
    value.total = value.o1;
    if (weights.method != Method::B1 && weights.lambda1 != 0.0)
        value.total += weights.lambda1 * value.o2;
    if (weights.lambda2 != 0.0)
        value.total += weights.lambda2 * value.o3;
    return value;
}

ObjectiveValue objectiveAndGradient(const ObjectiveBatch& batch, const ObjectiveWeights& weights,
                                    float* mappedGradient, float* reconstructedGradient)
{
    const std::vector<std::int64_t>& slot = *batch.slot;
    ObjectiveTerms terms;
    terms.reset(slot.size());
    for (std::int64_t r = 0; r < batch.classRows; ++r) {
        std::vector<std::int64_t> samples;
        for (std::size_t b = 0; b < slot.size(); ++b)
            if (slot[b] == r)
                samples.push_back(static_cast<std::int64_t>(b));
        mappedGradientOfRow(batch, weights, r, samples.data(), samples.size(), mappedGradient,
                            terms);
    }
    const double o3 = batch.reconstructed
                          ? reconstructionAndGradient(batch, weights.lambda2, reconstructedGradient)
                          : 0.0;
    return objectiveValue(batch, weights, terms, o3);
}

} // namespace semrel
