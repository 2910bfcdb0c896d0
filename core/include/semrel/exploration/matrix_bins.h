// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace semrel {

// What a view draws of a large matrix (class x class, class x attribute): never the matrix
// itself, but one aggregate per bin of the part on screen, so that the work and the memory
// follow the screen's pixels, not C². docs/ARCHITECTURE.md ("Large matrices") tells the story.

// Positions [begin, end) of one axis of a matrix as shown (rows or columns, in the order the
// view uses), cut into bins of `stride` consecutive positions from `begin`; the last bin may be
// shorter. stride == 1: one bin per cell.
struct AxisBins
{
    std::int64_t begin = 0;
    std::int64_t end = 0;
    std::int64_t stride = 1;

    std::int64_t count() const { return end > begin ? (end - begin + stride - 1) / stride : 0; }
    std::int64_t binBegin(std::int64_t bin) const { return begin + bin * stride; }
    std::int64_t binEnd(std::int64_t bin) const
    {
        return std::min(end, begin + (bin + 1) * stride);
    }
    // The bin holding `position`, which must lie in [begin, end).
    std::int64_t binOf(std::int64_t position) const { return (position - begin) / stride; }
    bool contains(std::int64_t position) const { return position >= begin && position < end; }

    friend bool operator==(const AxisBins& a, const AxisBins& b)
    {
        return a.begin == b.begin && a.end == b.end && a.stride == b.stride;
    }
    friend bool operator!=(const AxisBins& a, const AxisBins& b) { return !(a == b); }
};

// The bins that show positions [first, last) of an axis of `length` positions on `pixels`
// pixels: the stride is the smallest power of two that makes a bin at least one pixel wide (no
// bin is thinner than a pixel, so nothing is skipped and nothing aliases into moiré), and the
// bins sit on multiples of the stride, so that panning moves whole bins and they keep their
// values. first and last may be fractional and are clamped to [0, length].
AxisBins axisBinsFor(std::int64_t length, double first, double last, double pixels);

// One aggregate per bin of a window of a matrix, row-major: values[r * columns.count() + c].
// The meaning of a value is its maker's (a share, a mean); NaN says the bin holds nothing to show.
struct MatrixBins
{
    AxisBins rows;
    AxisBins columns;
    std::vector<float> values;
    // Cells the aggregate read: every cell of the window when exact, fewer when `sampled`.
    std::int64_t cellsRead = 0;
    bool sampled = false;

    float at(std::int64_t rowBin, std::int64_t columnBin) const
    {
        return values[static_cast<std::size_t>(rowBin * columns.count() + columnBin)];
    }
    bool empty() const { return values.empty(); }
};

// The default bound on the cells one aggregate may read: 4 Mi cells (16 MB of float scratch) takes
// a few milliseconds, and a window larger than that is sampled.
constexpr std::int64_t kDefaultCellBudget = std::int64_t(1) << 22;

} // namespace semrel
