// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace semrel {

// Matrix products for the training step's shapes: few rows (the distinct classes of a batch,
// about 32) against a weight matrix of up to 2048 × 2048. BLAS packs the whole weight matrix
// into a buffer on every call, which at 32 rows moves as many bytes as the product needs and
// left OpenBLAS at ≈ 70 GFLOP/s here; these kernels read the weights where they lie, in
// register tiles, with the rows of the small operand kept in cache. Row-major, float, no
// aliasing. Each computes output columns [columnBegin, columnEnd), so threads can share a
// product; every element is summed in a fixed order, whatever the split or instruction set
// (fused alike on FMA ones: vector_isa.h).

// c[i, j] = Σ_k a[i, k]·b[j, k] (+ c[i, j] when `accumulate`): a [m, k], b [n, k], c [m, n].
void smallMultiplyTransposed(const float* a, std::int64_t m, std::int64_t k, const float* b,
                             std::int64_t n, float* c, bool accumulate, std::int64_t columnBegin,
                             std::int64_t columnEnd);

// c[i, j] = Σ_k a[i, k]·b[k, j]: a [m, k], b [k, n], c [m, n].
void smallMultiply(const float* a, std::int64_t m, std::int64_t k, const float* b, std::int64_t n,
                   float* c, std::int64_t columnBegin, std::int64_t columnEnd);

} // namespace semrel
