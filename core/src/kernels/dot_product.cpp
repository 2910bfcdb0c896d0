// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "kernels/dot_product.h"

#include "kernels/vector16.h"
#include "kernels/vector_isa.h"

namespace semrel {

namespace {

constexpr int kAccumulators = 4;

// R dot products of `a` with R rows at once, each summed exactly as a single one would be: R
// rows drawn at random are R independent streams of cache misses in flight, where one row at a
// time leaves the core waiting (measured on random 8 KB rows: 1.5x the rate with R = 4).
template <int R>
[[gnu::always_inline]] inline void dotRowsBody(const float* a, const float* const* b,
                                               std::int64_t n, float* out)
{
    Vec16 acc[R][kAccumulators] = {};
    constexpr std::int64_t kStride = kAccumulators * kVec16Lanes;
    std::int64_t i = 0;
    for (; i + kStride <= n; i += kStride)
        for (int k = 0; k < kAccumulators; ++k) {
            const Vec16 av = loadVec16(a + i + k * kVec16Lanes);
            for (int r = 0; r < R; ++r)
                acc[r][k] += av * loadVec16(b[r] + i + k * kVec16Lanes);
        }
    for (; i + kVec16Lanes <= n; i += kVec16Lanes)
        for (int r = 0; r < R; ++r)
            acc[r][0] += loadVec16(a + i) * loadVec16(b[r] + i);
    for (int r = 0; r < R; ++r) {
        const Vec16 total = (acc[r][0] + acc[r][1]) + (acc[r][2] + acc[r][3]);
        float sum = 0.0f;
        for (int l = 0; l < kVec16Lanes; ++l)
            sum += total[l];
        for (std::int64_t e = i; e < n; ++e)
            sum += a[e] * b[r][e];
        out[r] = sum;
    }
}

[[gnu::always_inline]] inline float dotBody(const float* a, const float* b, std::int64_t n)
{
    float out;
    dotRowsBody<1>(a, &b, n, &out);
    return out;
}

[[gnu::always_inline]] inline void dotRowsOfBody(const float* a, const float* const* rows,
                                                 std::int64_t count, std::int64_t n, float* out)
{
    constexpr int kRows = 4;
    std::int64_t r = 0;
    for (; r + kRows <= count; r += kRows)
        dotRowsBody<kRows>(a, rows + r, n, out + r);
    for (; r < count; ++r)
        dotRowsBody<1>(a, rows + r, n, out + r);
}

SEMREL_VECTOR_VARIANTS(float, dot, (const float* a, const float* b, std::int64_t n),
                       return dotBody(a, b, n))
SEMREL_VECTOR_VARIANTS(void, dotRows,
                       (const float* a, const float* const* rows, std::int64_t count,
                        std::int64_t n, float* out),
                       dotRowsOfBody(a, rows, count, n, out))

} // namespace

float dotProduct(const float* a, const float* b, std::int64_t n)
{
    return dotForThisCpu()(a, b, n);
}

void dotProducts(const float* a, const float* const* rows, std::int64_t count, std::int64_t n,
                 float* out)
{
    dotRowsForThisCpu()(a, rows, count, n, out);
}

} // namespace semrel
