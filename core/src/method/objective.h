// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/training_config.h>

#include <ATen/core/Tensor.h>

namespace semrel {

// One batch's inputs to the objective (Eq. 2-5). The network runs once per distinct class of
// the batch (U rows), and each of the B samples refers to its class's row through `slot`: the
// same loss and gradient as one row per sample, for a fraction of the matrix products.
struct ObjectiveInputs
{
    at::Tensor mapped;          // [U, d] f(y), carries the gradient
    at::Tensor reconstructed;   // [U, a] g(f(y)); undefined when λ2 = 0
    at::Tensor embeddings;      // [U, a] y as the network sees it (normalised)
    at::Tensor slot;            // [B] int64, row of each sample's class in `mapped`
    at::Tensor positive;        // [B, d] x_i; unit length (for B1: the normalised feature)
    at::Tensor similar;         // [B, d] x_j, unit length; undefined when O2 is not used
    at::Tensor dissimilar;      // [B, d] x_k, unit length; undefined for B1
    at::Tensor deltaSimilar;    // [B] δ_jr
    at::Tensor deltaDissimilar; // [B] δ_kr
    at::Tensor similarMask;     // [B] 1 where the sample's class has a similar class, else 0
    at::Tensor dissimilarMask;  // [B] 1 where it has a dissimilar class, else 0
};

// τ, λ1 and λ2 as the method uses them (effectiveTau() and friends).
struct ObjectiveWeights
{
    Method method = Method::Proposed;
    double tau = 0.0;
    double lambda1 = 1.0;
    double lambda2 = 1.0;
};

// Scalars: total = mean O1 + λ1·mean O2 + λ2·mean O3 (means over the batch's B samples; a
// masked term counts as 0). For B1, o1 is the MSE between f(y_r) and x_i, and o2 is 0.
struct ObjectiveTerms
{
    at::Tensor total;
    at::Tensor o1;
    at::Tensor o2;
    at::Tensor o3;
};

ObjectiveTerms computeObjective(const ObjectiveInputs& in, const ObjectiveWeights& w);

} // namespace semrel
