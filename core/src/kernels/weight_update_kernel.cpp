// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Built with -fno-math-errno (core/CMakeLists.txt) so that Adam's sqrt vectorises. The tile body
// is written once with GCC vector types and compiled per instruction set (vector_isa.h).
#include "kernels/weight_update_kernel.h"

#include "kernels/vector16.h"
#include "kernels/vector_isa.h"

#include <algorithm>

namespace semrel {

namespace {

constexpr int kTileVecs = 4; // 64 columns per tile
constexpr std::int64_t kTileColumns = kTileVecs * kVec16Lanes;
constexpr int kTileRows = 4; // 4 x 4 accumulators: 16 of the 32 AVX-512 registers

// Columns per span: the row group's gradient for a span (4 × 1024 floats, 16 KB) stays in L1
// between the tiles that compute it and the Adam pass that applies it.
constexpr std::int64_t kSpanColumns = 1024;

// dW for rows [o0, o0 + R) and columns [i0, i0 + 64) into `gradient` (rows `stride` apart).
template <int R>
[[gnu::always_inline]] inline void
gradientTile(const float* dZ, const float* x, std::int64_t batch, std::int64_t out, std::int64_t in,
             std::int64_t o0, std::int64_t i0, float* gradient, std::int64_t stride)
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
    for (int r = 0; r < R; ++r)
        for (int k = 0; k < kTileVecs; ++k)
            storeVec16(gradient + r * stride + k * kVec16Lanes, acc[r][k]);
}

// The same for the columns past the last full tile (e.g. 85 = 64 + 21): columns [i0, i0 + w),
// 0 < w <= 16·V, in V vectors whose lanes past w are computed and dropped. Each kept lane is the
// same sum in the same order as in a full tile. A row's vectors may reach past the row's end
// into the next row; for the last rows, where they could reach past x itself, the row's w
// floats are copied into zeroed lanes first.
template <int R, int V>
[[gnu::always_inline]] inline void
tailTile(const float* dZ, const float* x, std::int64_t batch, std::int64_t out, std::int64_t in,
         std::int64_t o0, std::int64_t i0, std::int64_t w, float* gradient, std::int64_t stride)
{
    constexpr std::int64_t kReach = V * kVec16Lanes;
    Vec16 acc[R][V] = {};
    const auto accumulate = [&](const float* xRow, std::int64_t u) {
        Vec16 xv[V];
        for (int k = 0; k < V; ++k)
            xv[k] = loadVec16(xRow + k * kVec16Lanes);
        const float* dz = dZ + u * out + o0;
        for (int r = 0; r < R; ++r) {
            const float a = dz[r];
            for (int k = 0; k < V; ++k)
                acc[r][k] += a * xv[k];
        }
    };
    std::int64_t u = 0;
    for (; u < batch && u * in + i0 + kReach <= batch * in; ++u)
        accumulate(x + u * in + i0, u);
    alignas(64) float padded[kReach] = {};
    for (; u < batch; ++u) {
        std::copy(x + u * in + i0, x + u * in + i0 + w, padded);
        accumulate(padded, u);
    }
    alignas(64) float lanes[kReach];
    for (int r = 0; r < R; ++r) {
        for (int k = 0; k < V; ++k)
            storeVec16(lanes + k * kVec16Lanes, acc[r][k]);
        std::copy(lanes, lanes + w, gradient + r * stride);
    }
}

template <int R>
[[gnu::always_inline]] inline void
gradientTail(const float* dZ, const float* x, std::int64_t batch, std::int64_t out, std::int64_t in,
             std::int64_t o0, std::int64_t i0, std::int64_t w, float* gradient, std::int64_t stride)
{
    if (w > 3 * kVec16Lanes)
        tailTile<R, 4>(dZ, x, batch, out, in, o0, i0, w, gradient, stride);
    else if (w > 2 * kVec16Lanes)
        tailTile<R, 3>(dZ, x, batch, out, in, o0, i0, w, gradient, stride);
    else if (w > kVec16Lanes)
        tailTile<R, 2>(dZ, x, batch, out, in, o0, i0, w, gradient, stride);
    else if (w > 0)
        tailTile<R, 1>(dZ, x, batch, out, in, o0, i0, w, gradient, stride);
}

// The part of the weights and moments that the next span's Adam pass will read and write: rows
// [row, row + rows), columns [begin, end). rows = 0: there is none.
struct SpanState
{
    std::int64_t row = 0;
    std::int64_t rows = 0;
    std::int64_t begin = 0;
    std::int64_t end = 0;
};

// Asks for the cache lines of `next`'s weights and both moments in columns [i0, i1), into L2
// (locality 2: a span's state, 48 KB, does not fit L1). A span prefetches the next one's state
// while it computes its own gradient tiles, so that the misses overlap the tiles and this span's
// Adam pass instead of following the tiles. Measured at the Table 1 sizes, 32 rows
// (bench_weight_update, 9 medians interleaved on a noisy host), ms per step's weight updates on
// 1 / 2 threads: each tile prefetching its own span's state 9.48 (8.85-9.70) / 5.84 (5.40-6.61);
// one span ahead, with the vectorised tail columns, 8.81 (8.20-9.41) / 5.52 (5.19-6.07). Two
// spans ahead measured the same as one; spreading a tile's prefetches over its rows was slower.
[[gnu::always_inline]] inline void prefetchAdamState(const AdamTarget& w, std::int64_t in,
                                                     const SpanState& next, std::int64_t i0,
                                                     std::int64_t i1)
{
    constexpr std::int64_t kLineFloats = 16;
    i1 = std::min(i1, next.end);
    for (std::int64_t r = 0; r < next.rows; ++r) {
        const std::int64_t base = (next.row + r) * in;
        for (std::int64_t j = i0; j < i1; j += kLineFloats) {
            __builtin_prefetch(w.param + base + j, 1, 2);
            __builtin_prefetch(w.expAvg + base + j, 1, 2);
            __builtin_prefetch(w.expAvgSq + base + j, 1, 2);
        }
    }
}

// Rows [o0, o0 + R), columns [i0, i1): the gradient tile by tile into L1, then Adam row by row,
// so that the weights and both moments stream through memory one row at a time: three
// sequential streams instead of twelve short ones. Measured on 2 cores at the Table 1 sizes: the
// twelve-stream version ran 10.3 ms per step on one thread and 9.2 ms on two; this one 5.1 ms on
// two. Each tile also prefetches a tile's width of `next`'s state.
template <int R>
[[gnu::always_inline]] inline void updateSpan(const float* dZ, const float* x, std::int64_t batch,
                                              std::int64_t out, std::int64_t in, std::int64_t o0,
                                              std::int64_t i0, std::int64_t i1, const AdamTarget& w,
                                              const SpanState& next)
{
    alignas(64) float gradient[R * kSpanColumns];
    const std::int64_t width = i1 - i0;
    std::int64_t i = i0;
    std::int64_t ahead = next.begin;
    for (; i + kTileColumns <= i1; i += kTileColumns, ahead += kTileColumns) {
        prefetchAdamState(w, in, next, ahead, ahead + kTileColumns);
        gradientTile<R>(dZ, x, batch, out, in, o0, i, gradient + (i - i0), width);
    }
    prefetchAdamState(w, in, next, ahead, next.end);
    gradientTail<R>(dZ, x, batch, out, in, o0, i, i1 - i, gradient + (i - i0), width);
    const AdamCoefficients c = w.coefficients;
    for (int r = 0; r < R; ++r) {
        const std::int64_t base = (o0 + r) * in + i0;
        float* __restrict p = w.param + base;
        float* __restrict m = w.expAvg + base;
        float* __restrict v = w.expAvgSq + base;
        const float* __restrict g = gradient + r * width;
        for (std::int64_t j = 0; j < width; ++j)
            adamElement(p[j], g[j], m[j], v[j], c);
    }
}

// The rows of the row group that starts at `row` when rows [.., rowEnd) are updated.
std::int64_t groupRows(std::int64_t row, std::int64_t rowEnd)
{
    return row + kTileRows <= rowEnd ? kTileRows : std::min<std::int64_t>(1, rowEnd - row);
}

// The span updated after the one of rows [row, row + rows) that starts at column i0.
SpanState spanAfter(std::int64_t row, std::int64_t rows, std::int64_t i0, std::int64_t in,
                    std::int64_t rowEnd)
{
    if (i0 + kSpanColumns < in)
        return {row, rows, i0 + kSpanColumns, std::min(in, i0 + 2 * kSpanColumns)};
    const std::int64_t nextRow = row + rows;
    return {nextRow, groupRows(nextRow, rowEnd), 0, std::min(in, kSpanColumns)};
}

template <int R>
[[gnu::always_inline]] inline void
updateRowGroup(const float* dZ, const float* x, std::int64_t batch, std::int64_t out,
               std::int64_t in, std::int64_t o0, std::int64_t rowEnd, const AdamTarget& w)
{
    for (std::int64_t i0 = 0; i0 < in; i0 += kSpanColumns)
        updateSpan<R>(dZ, x, batch, out, in, o0, i0, std::min(in, i0 + kSpanColumns), w,
                      spanAfter(o0, R, i0, in, rowEnd));
}

[[gnu::always_inline]] inline void updateRowsBody(const float* dZ, const float* x,
                                                  std::int64_t batch, std::int64_t out,
                                                  std::int64_t in, std::int64_t rowBegin,
                                                  std::int64_t rowEnd, const AdamTarget& w)
{
    const SpanState first{rowBegin, groupRows(rowBegin, rowEnd), 0, std::min(in, kSpanColumns)};
    prefetchAdamState(w, in, first, first.begin, first.end);
    std::int64_t o = rowBegin;
    for (; o + kTileRows <= rowEnd; o += kTileRows)
        updateRowGroup<kTileRows>(dZ, x, batch, out, in, o, rowEnd, w);
    for (; o < rowEnd; ++o)
        updateRowGroup<1>(dZ, x, batch, out, in, o, rowEnd, w);
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
    // In chunks on the stack (no allocation per step); each element is still the sum over the
    // batch in row order.
    constexpr std::int64_t kChunk = 512;
    alignas(64) float gradient[kChunk];
    for (std::int64_t o0 = 0; o0 < outFeatures; o0 += kChunk) {
        const std::int64_t width = std::min(kChunk, outFeatures - o0);
        std::fill(gradient, gradient + width, 0.0f);
        for (std::int64_t u = 0; u < batchRows; ++u) {
            const float* dz = outputGradient + u * outFeatures + o0;
            for (std::int64_t o = 0; o < width; ++o)
                gradient[o] += dz[o];
        }
        adamUpdate(bias.param + o0, gradient, bias.expAvg + o0, bias.expAvgSq + o0, width,
                   bias.coefficients);
    }
}

} // namespace semrel
