// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Written once with GCC vector types, compiled per instruction set (vector_isa.h).
#include "kernels/small_gemm_kernel.h"

#include "kernels/vector16.h"
#include "kernels/vector_isa.h"

namespace semrel {

namespace {

// --- c = a·bᵀ: dot products along k. A tile is RB rows of b by RA rows of a: RB·RA vector
// accumulators over k, summed across lanes at the end. The RB rows of b (the weights) come
// from memory once; a's rows stay in cache for the whole product.

template <int RB, int RA>
[[gnu::always_inline]] inline void dotTile(const float* a, std::int64_t k, const float* b,
                                           std::int64_t n, float* c, bool accumulate,
                                           std::int64_t i0, std::int64_t j0)
{
    Vec16 acc[RB][RA] = {};
    std::int64_t e = 0;
    for (; e + kVec16Lanes <= k; e += kVec16Lanes) {
        Vec16 bv[RB];
        for (int r = 0; r < RB; ++r)
            bv[r] = loadVec16(b + (j0 + r) * k + e);
        for (int s = 0; s < RA; ++s) {
            const Vec16 av = loadVec16(a + (i0 + s) * k + e);
            for (int r = 0; r < RB; ++r)
                acc[r][s] += av * bv[r];
        }
    }
    for (int r = 0; r < RB; ++r) {
        for (int s = 0; s < RA; ++s) {
            float sum = 0.0f;
            for (int l = 0; l < kVec16Lanes; ++l)
                sum += acc[r][s][l];
            for (std::int64_t t = e; t < k; ++t)
                sum += a[(i0 + s) * k + t] * b[(j0 + r) * k + t];
            float& out = c[(i0 + s) * n + j0 + r];
            out = accumulate ? out + sum : sum;
        }
    }
}

template <int RB>
[[gnu::always_inline]] inline void dotColumns(const float* a, std::int64_t m, std::int64_t k,
                                              const float* b, std::int64_t n, float* c,
                                              bool accumulate, std::int64_t j0)
{
    constexpr int kRowsOfA = 6; // 4 × 6 accumulators + 4 + 1 loads: within 32 registers
    std::int64_t i = 0;
    for (; i + kRowsOfA <= m; i += kRowsOfA)
        dotTile<RB, kRowsOfA>(a, k, b, n, c, accumulate, i, j0);
    for (; i < m; ++i)
        dotTile<RB, 1>(a, k, b, n, c, accumulate, i, j0);
}

[[gnu::always_inline]] inline void multiplyTransposedBody(const float* a, std::int64_t m,
                                                          std::int64_t k, const float* b,
                                                          std::int64_t n, float* c, bool accumulate,
                                                          std::int64_t jBegin, std::int64_t jEnd)
{
    std::int64_t j = jBegin;
    for (; j + 4 <= jEnd; j += 4)
        dotColumns<4>(a, m, k, b, n, c, accumulate, j);
    for (; j < jEnd; ++j)
        dotColumns<1>(a, m, k, b, n, c, accumulate, j);
}

// --- c = a·b: rank-one updates along k. A tile is RA rows of c by 64 columns, in registers;
// for each k, 64 floats of b's row k and one float of each of the RA rows of a. Column chunks
// are the outer loop, so that a chunk of b (k × 64 floats, ≤ 512 KB) stays in cache while
// every row block of a passes over it.

template <int RA>
[[gnu::always_inline]] inline void axpyTile(const float* a, std::int64_t k, const float* b,
                                            std::int64_t n, float* c, std::int64_t i0,
                                            std::int64_t j0)
{
    constexpr int kVecs = 4;
    Vec16 acc[RA][kVecs] = {};
    for (std::int64_t e = 0; e < k; ++e) {
        Vec16 bv[kVecs];
        for (int v = 0; v < kVecs; ++v)
            bv[v] = loadVec16(b + e * n + j0 + v * kVec16Lanes);
        for (int s = 0; s < RA; ++s) {
            const float x = a[(i0 + s) * k + e];
            for (int v = 0; v < kVecs; ++v)
                acc[s][v] += x * bv[v];
        }
    }
    for (int s = 0; s < RA; ++s)
        for (int v = 0; v < kVecs; ++v)
            storeVec16(c + (i0 + s) * n + j0 + v * kVec16Lanes, acc[s][v]);
}

[[gnu::always_inline]] inline void multiplyBody(const float* a, std::int64_t m, std::int64_t k,
                                                const float* b, std::int64_t n, float* c,
                                                std::int64_t jBegin, std::int64_t jEnd)
{
    constexpr std::int64_t kChunk = 4 * kVec16Lanes;
    constexpr int kRowsOfA = 4; // 4 × 4 accumulators
    std::int64_t j = jBegin;
    for (; j + kChunk <= jEnd; j += kChunk) {
        std::int64_t i = 0;
        for (; i + kRowsOfA <= m; i += kRowsOfA)
            axpyTile<kRowsOfA>(a, k, b, n, c, i, j);
        for (; i < m; ++i)
            axpyTile<1>(a, k, b, n, c, i, j);
    }
    // The last columns (fewer than 64), one at a time, in the same order over k.
    for (; j < jEnd; ++j) {
        for (std::int64_t i = 0; i < m; ++i) {
            float sum = 0.0f;
            for (std::int64_t e = 0; e < k; ++e)
                sum += a[i * k + e] * b[e * n + j];
            c[i * n + j] = sum;
        }
    }
}

SEMREL_VECTOR_VARIANTS(void, multiplyTransposedRows,
                       (const float* a, std::int64_t m, std::int64_t k, const float* b,
                        std::int64_t n, float* c, bool accumulate, std::int64_t jBegin,
                        std::int64_t jEnd),
                       multiplyTransposedBody(a, m, k, b, n, c, accumulate, jBegin, jEnd))

SEMREL_VECTOR_VARIANTS(void, multiplyRows,
                       (const float* a, std::int64_t m, std::int64_t k, const float* b,
                        std::int64_t n, float* c, std::int64_t jBegin, std::int64_t jEnd),
                       multiplyBody(a, m, k, b, n, c, jBegin, jEnd))

} // namespace

void smallMultiplyTransposed(const float* a, std::int64_t m, std::int64_t k, const float* b,
                             std::int64_t n, float* c, bool accumulate, std::int64_t columnBegin,
                             std::int64_t columnEnd)
{
    multiplyTransposedRowsForThisCpu()(a, m, k, b, n, c, accumulate, columnBegin, columnEnd);
}

void smallMultiply(const float* a, std::int64_t m, std::int64_t k, const float* b, std::int64_t n,
                   float* c, std::int64_t columnBegin, std::int64_t columnEnd)
{
    multiplyRowsForThisCpu()(a, m, k, b, n, c, columnBegin, columnEnd);
}

} // namespace semrel
