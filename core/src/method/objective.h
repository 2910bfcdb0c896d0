// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "method/tuple_miner.h"

#include <semrel/method/training_config.h>

#include <cstdint>
#include <vector>

namespace semrel {

// τ, λ1 and λ2 as the method uses them (effectiveTau() and friends).
struct ObjectiveWeights
{
    Method method = Method::Proposed;
    double tau = 0.0;
    double lambda1 = 1.0;
    double lambda2 = 1.0;
};

// One batch as the objective (Eq. 2-5) sees it, as plain row-major memory. The network runs once
// per distinct class of the batch (U rows), and each of the B samples refers to its class's row
// through `slot`: the same loss and gradient as one row per sample, for a fraction of the matrix
// products.
struct ObjectiveBatch
{
    std::int64_t classRows = 0;           // U
    std::int64_t featureDim = 0;          // d
    std::int64_t embeddingDim = 0;        // a
    const float* mapped = nullptr;        // [U, d] f(y)
    const float* unitMapped = nullptr;    // [U, d] f(y) / ‖f(y)‖
    const float* mappedNorm = nullptr;    // [U] ‖f(y)‖, at least 1e-12
    const float* reconstructed = nullptr; // [U, a] g(f(y)); nullptr when O3 is not used
    const float* embeddings = nullptr;    // [U, a] y as the network sees it (normalised)
    // [N, d] the rows the tuples index: unit length, except for B1 (the normalised features).
    const float* features = nullptr;
    const std::vector<std::int64_t>* slot = nullptr; // [B]
    // x_i, x_j, x_k with δ_jr, δ_kr; a side that was not mined is empty, and -1 marks a sample
    // whose class has no class of that relation (its term counts as 0).
    const BatchTuples* tuples = nullptr;
};

// total = mean O1 + λ1·mean O2 + λ2·mean O3 (means over the batch's B samples; a missing term
// counts as 0). For B1, o1 is the mean squared error between f(y_r) and x_i, and o2 is 0.
struct ObjectiveValue
{
    double total = 0.0;
    double o1 = 0.0;
    double o2 = 0.0;
    double o3 = 0.0;
};

// What one sample adds to O1 and O2, kept per sample so that rows done on different threads
// add up in sample order, to the same bits as on one thread. [B] each.
struct ObjectiveTerms
{
    std::vector<float> positive;    // s(f(y_r), x_i)
    std::vector<double> dissimilar; // (τ - δ_kr)·s(f(y_r), x_k), where there is an x_k
    std::vector<double> similar;    // O2's hinge terms, where there is an x_j
    void reset(std::size_t samples);
};

// The objective in pieces a team can share (TrainingStep):
// - mappedGradientOfRow() for each class row r (any thread, any order): dL/d f(y_r) into row r
//   of `mappedGradient` [U, d], from `samples`, the batch's samples of that row in ascending
//   order; and their terms of O1 and O2 into `terms`;
// - reconstructionAndGradient() once, when the batch has `reconstructed`: dL/d g(f(y)) into
//   `reconstructedGradient` [U, a]; returns mean O3;
// - objectiveValue() once all rows are done: the sums, in sample order.
void mappedGradientOfRow(const ObjectiveBatch& batch, const ObjectiveWeights& weights,
                         std::int64_t row, const std::int64_t* samples, std::size_t count,
                         float* mappedGradient, ObjectiveTerms& terms);
double reconstructionAndGradient(const ObjectiveBatch& batch, double lambda2,
                                 float* reconstructedGradient);
ObjectiveValue objectiveValue(const ObjectiveBatch& batch, const ObjectiveWeights& weights,
                              const ObjectiveTerms& terms, double o3);

// The objective and its gradient, all pieces on the calling thread, derived by hand (the cosine's
// gradient projected through the normalisation of f(y)); tst_objective checks it against autograd.
// Writes dL/d f(y) into `mappedGradient` [U, d] and, when the batch has `reconstructed`, dL/d
// g(f(y)) into `reconstructedGradient` [U, a]. ReLU's derivative at 0 is taken as 0, as torch does.
ObjectiveValue objectiveAndGradient(const ObjectiveBatch& batch, const ObjectiveWeights& weights,
                                    float* mappedGradient, float* reconstructedGradient);

} // namespace semrel
