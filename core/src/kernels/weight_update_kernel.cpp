// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Built with -fno-math-errno (core/CMakeLists.txt) so that Adam's sqrt vectorises. The tile body
// is written once with GCC vector types and compiled per instruction set (vector_isa.h).
#include "kernels/weight_update_kernel.h"

#include "kernels/vector16.h"
#include "kernels/vector_isa.h"

#include <vector>

namespace semrel {

namespace {

constexpr int kTileVecs = 4; // 64 columns per tile
constexpr std::int64_t kTileColumns = kTileVecs * kVec16Lanes;
constexpr int kTileRows = 4; // 4 x 4 accumulators: 16 of the 32 AVX-512 registers

// dW for rows [o0, o0 + R) and columns [i0, i0 + 64), then Adam on them.
template <int R>
[[gnu::always_inline]] inline void updateTile(const float* dZ, const float* x, std::int64_t batch,
                                              std::int64_t out, std::int64_t in, std::int64_t o0,
                                              std::int64_t i0, const AdamTarget& w)
{
    Vec16 acc[R][kTileVecs] = {};
    for (std::int64_t u = 0; u < batch; ++u) {
        Vec16 xv[kTileVecs];
        for (int k = 0; k < kTileVecs; ++k)
            xv[k] = loadVec16(x + u * in + i0 + k * kVec16Lanes);
        const float* dz = dZ + u * out + o0;
        for (int r = 0; r < R; ++r) {
            const float a = dz[r];
            for (int k = 0; k < kTileVecs; ++k)
                acc[r][k] += a * xv[k];
        }
    }
    alignas(64) float gradient[kTileColumns];
    const AdamCoefficients c = w.coefficients;
    for (int r = 0; r < R; ++r) {
        for (int k = 0; k < kTileVecs; ++k)
            storeVec16(gradient + k * kVec16Lanes, acc[r][k]);
        const std::int64_t base = (o0 + r) * in + i0;
        float* __restrict p = w.param + base;
        float* __restrict m = w.expAvg + base;
        float* __restrict v = w.expAvgSq + base;
        for (std::int64_t j = 0; j < kTileColumns; ++j)
            adamElement(p[j], gradient[j], m[j], v[j], c);
    }
}

// The columns past the last full tile (e.g. 85 = 64 + 21), one element at a time.
[[gnu::always_inline]] inline void updateTailColumns(const float* dZ, const float* x,
                                                     std::int64_t batch, std::int64_t out,
                                                     std::int64_t in, std::int64_t o,
                                                     std::int64_t i0, const AdamTarget& w)
{
    const AdamCoefficients c = w.coefficients;
    for (std::int64_t i = i0; i < in; ++i) {
        float g = 0.0f;
        for (std::int64_t u = 0; u < batch; ++u)
            g += dZ[u * out + o] * x[u * in + i];
        const std::int64_t e = o * in + i;
        adamElement(w.param[e], g, w.expAvg[e], w.expAvgSq[e], c);
    }
}

template <int R>
[[gnu::always_inline]] inline void
updateRowGroup(const float* dZ, const float* x, std::int64_t batch, std::int64_t out,
               std::int64_t in, std::int64_t o0, const AdamTarget& w)
{
    const std::int64_t fullColumns = in - in % kTileColumns;
    for (std::int64_t i0 = 0; i0 < fullColumns; i0 += kTileColumns)
        updateTile<R>(dZ, x, batch, out, in, o0, i0, w);
    for (int r = 0; r < R; ++r)
        updateTailColumns(dZ, x, batch, out, in, o0 + r, fullColumns, w);
}

[[gnu::always_inline]] inline void updateRowsBody(const float* dZ, const float* x,
                                                  std::int64_t batch, std::int64_t out,
                                                  std::int64_t in, std::int64_t rowBegin,
                                                  std::int64_t rowEnd, const AdamTarget& w)
{
    std::int64_t o = rowBegin;
    for (; o + kTileRows <= rowEnd; o += kTileRows)
        updateRowGroup<kTileRows>(dZ, x, batch, out, in, o, w);
    for (; o < rowEnd; ++o)
        updateRowGroup<1>(dZ, x, batch, out, in, o, w);
}

SEMREL_VECTOR_VARIANTS(void, updateRows,
                       (const float* dZ, const float* x, std::int64_t batch, std::int64_t out,
                        std::int64_t in, std::int64_t rowBegin, std::int64_t rowEnd,
                        const AdamTarget& w),
                       updateRowsBody(dZ, x, batch, out, in, rowBegin, rowEnd, w))

} // namespace

void updateWeightRows(const float* outputGradient, const float* input, std::int64_t batchRows,
                      std::int64_t outFeatures, std::int64_t inFeatures, std::int64_t rowBegin,
                      std::int64_t rowEnd, const AdamTarget& weight)
{
    updateRowsForThisCpu()(outputGradient, input, batchRows, outFeatures, inFeatures, rowBegin,
                           rowEnd, weight);
}

void updateBias(const float* outputGradient, std::int64_t batchRows, std::int64_t outFeatures,
                const AdamTarget& bias)
{
    std::vector<float> gradient(static_cast<std::size_t>(outFeatures), 0.0f);
    for (std::int64_t u = 0; u < batchRows; ++u)
        for (std::int64_t o = 0; o < outFeatures; ++o)
            gradient[static_cast<std::size_t>(o)] += outputGradient[u * outFeatures + o];
    adamUpdate(bias.param, gradient.data(), bias.expAvg, bias.expAvgSq, outFeatures,
               bias.coefficients);
}

} // namespace semrel
