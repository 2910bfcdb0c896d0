// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "kernels/dot_product.h"

#include "kernels/vector16.h"
#include "kernels/vector_isa.h"

namespace semrel {

namespace {

constexpr int kAccumulators = 4;

[[gnu::always_inline]] inline float dotBody(const float* a, const float* b, std::int64_t n)
{
    Vec16 acc[kAccumulators] = {};
    constexpr std::int64_t kStride = kAccumulators * kVec16Lanes;
    std::int64_t i = 0;
    for (; i + kStride <= n; i += kStride)
        for (int k = 0; k < kAccumulators; ++k)
            acc[k] += loadVec16(a + i + k * kVec16Lanes) * loadVec16(b + i + k * kVec16Lanes);
    for (; i + kVec16Lanes <= n; i += kVec16Lanes)
        acc[0] += loadVec16(a + i) * loadVec16(b + i);
    const Vec16 total = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    float sum = 0.0f;
    for (int l = 0; l < kVec16Lanes; ++l)
        sum += total[l];
    for (; i < n; ++i)
        sum += a[i] * b[i];
    return sum;
}

SEMREL_VECTOR_VARIANTS(float, dot, (const float* a, const float* b, std::int64_t n),
                       return dotBody(a, b, n))

} // namespace

float dotProduct(const float* a, const float* b, std::int64_t n)
{
    return dotForThisCpu()(a, b, n);
}

} // namespace semrel
