// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "kernels/parallel_gemm.h"

#include "kernels/small_gemm_kernel.h"

#include <ATen/Parallel.h>

#include <algorithm>

// BLAS's Fortran entry point (column-major), present in every BLAS.
extern "C" void sgemm_(const char* transa, const char* transb, const int* m, const int* n,
                       const int* k, const float* alpha, const float* a, const int* lda,
                       const float* b, const int* ldb, const float* beta, float* c, const int* ldc);

namespace semrel {

namespace {

// C = op(A)·op(B) + beta·C in BLAS's column-major terms; a row-major [r, c] matrix is a
// column-major [c, r] one with the same leading dimension.
void gemm(char transa, char transb, std::int64_t m, std::int64_t n, std::int64_t k, const float* a,
          std::int64_t lda, const float* b, std::int64_t ldb, float beta, float* c,
          std::int64_t ldc)
{
    const int mi = static_cast<int>(m), ni = static_cast<int>(n), ki = static_cast<int>(k);
    const int ldai = static_cast<int>(lda), ldbi = static_cast<int>(ldb),
              ldci = static_cast<int>(ldc);
    const float one = 1.0f;
    sgemm_(&transa, &transb, &mi, &ni, &ki, &one, a, &ldai, b, &ldbi, &beta, c, &ldci);
}

// One block of output columns per thread, in multiples of `align` (the kernels' tile width).
// With one thread it is one call on the caller's thread.
template <typename Product>
void forColumnBlocks(std::int64_t columns, std::int64_t align, const Product& product)
{
    const std::int64_t threads = at::get_num_threads();
    const std::int64_t block = ((columns + threads - 1) / threads + align - 1) / align * align;
    const std::int64_t blocks = (columns + block - 1) / block;
    at::parallel_for(0, blocks, 1, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t b = begin; b < end; ++b)
            product(b * block, std::min((b + 1) * block, columns));
    });
}

// Up to this many rows the products use our small-row kernels (the training step's distinct
// classes, at most the batch size); beyond it BLAS's packing pays for itself.
constexpr std::int64_t kSmallRows = 64;

} // namespace

void multiplyTransposed(const float* a, std::int64_t m, std::int64_t k, const float* b,
                        std::int64_t n, float* c, bool accumulate)
{
    if (m == 0 || n == 0)
        return;
    if (m <= kSmallRows) {
        forColumnBlocks(n, 4, [&](std::int64_t j0, std::int64_t j1) {
            smallMultiplyTransposed(a, m, k, b, n, c, accumulate, j0, j1);
        });
        return;
    }
    forColumnBlocks(n, 16, [&](std::int64_t j0, std::int64_t j1) {
        // cᵀ[j0:j1, :] = b[j0:j1, :] · aᵀ (+ cᵀ)
        gemm('T', 'N', j1 - j0, m, k, b + j0 * k, k, a, k, accumulate ? 1.0f : 0.0f, c + j0, n);
    });
}

void multiplyTransposedColumns(const float* a, std::int64_t m, std::int64_t k, const float* b,
                               std::int64_t n, float* c, std::int64_t columnBegin,
                               std::int64_t columnEnd)
{
    if (m == 0 || columnEnd <= columnBegin)
        return;
    if (m <= kSmallRows) {
        smallMultiplyTransposed(a, m, k, b, n, c, /*accumulate=*/false, columnBegin, columnEnd);
        return;
    }
    gemm('T', 'N', columnEnd - columnBegin, m, k, b + columnBegin * k, k, a, k, 0.0f,
         c + columnBegin, n);
}

void multiply(const float* a, std::int64_t m, std::int64_t k, const float* b, std::int64_t n,
              float* c)
{
    if (m == 0 || n == 0)
        return;
    if (m <= kSmallRows) {
        forColumnBlocks(n, 64, [&](std::int64_t j0, std::int64_t j1) {
            smallMultiply(a, m, k, b, n, c, j0, j1);
        });
        return;
    }
    forColumnBlocks(n, 16, [&](std::int64_t j0, std::int64_t j1) {
        // cᵀ[j0:j1, :] = bᵀ[j0:j1, :] · aᵀ
        gemm('N', 'N', j1 - j0, m, k, b + j0, n, a, k, 0.0f, c + j0, n);
    });
}

} // namespace semrel
