// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

namespace semrel {

// What ESZSL and SAE need of the training features, gathered in one pass over the rows, in
// double: their closed forms invert XXᵀ + γI with γ down to 1e-3 against eigenvalues up to
// ~1e7 (ResNet features of AWA2), which float32 cannot resolve.
struct FeatureMoments
{
    at::Tensor gram;      // [d, d] float64: Σ_i x_i x_iᵀ (XXᵀ with X [d, n])
    at::Tensor classSums; // [C, d] float64: Σ_{i of class c} x_i (XY with Y one-hot [n, C])
    std::vector<std::int64_t> classCounts; // [C] samples of each class among the rows
};

// Over `rows` of `data`; with `unitRows` each feature is first scaled to unit length (SAE does,
// ESZSL takes them as stored). Blocks of rows go through one float64 syrk-like product each,
// so the memory stays at one block beside the dataset. Runs on LibTorch's and BLAS's threads.
FeatureMoments featureMoments(const Dataset& data, const std::vector<std::int64_t>& rows,
                              bool unitRows);

// The symmetric eigendecomposition m = U diag(values) Uᵀ, float64. Throws ModelError when
// LAPACK does not converge.
struct Eigen
{
    at::Tensor values;  // [n]
    at::Tensor vectors; // [n, n], column k the vector of values[k]
};
Eigen symmetricEigen(const at::Tensor& m);

} // namespace semrel
