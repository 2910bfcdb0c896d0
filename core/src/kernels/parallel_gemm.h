// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace semrel {

// Row-major matrix products with the output's columns split over LibTorch's threads: up to 64
// rows with our small-row kernels (small_gemm_kernel.h), beyond that each block a
// single-threaded sgemm call. Hold OpenBLAS to one thread around them (SingleThreadedBlas): then
// the core's hot paths run on one pool, and OpenBLAS's workers, which spin for a while after
// each call, never compete with LibTorch's for the cores (measured on 2 cores: a SUN-sized
// evaluation took 137 ms with both pools active against 90 ms with passive OpenMP threads).

// c [m, n] = a [m, k] · bᵀ, b [n, k] (+ c when `accumulate`, e.g. a bias put there first).
void multiplyTransposed(const float* a, std::int64_t m, std::int64_t k, const float* b,
                        std::int64_t n, float* c, bool accumulate);

// Columns [columnBegin, columnEnd) of multiplyTransposed's c, on the calling thread (a caller
// that splits the columns itself, e.g. among a WorkerTeam's members). Ends that are multiples
// of 16 keep every column's bits independent of the split with both kinds of kernels.
void multiplyTransposedColumns(const float* a, std::int64_t m, std::int64_t k, const float* b,
                               std::int64_t n, float* c, std::int64_t columnBegin,
                               std::int64_t columnEnd);

// c [m, n] = a [m, k] · b, b [k, n].
void multiply(const float* a, std::int64_t m, std::int64_t k, const float* b, std::int64_t n,
              float* c);

} // namespace semrel
