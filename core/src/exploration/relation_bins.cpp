// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "exploration/window_check.h"
#include "kernels/blas_threads.h"
#include "kernels/parallel_gemm.h"

#include <semrel/errors.h>
#include <semrel/exploration/relation_bins.h>
#include <semrel/method/semantic_relations.h>

#include <cmath>
#include <limits>
#include <string>

namespace semrel {

namespace {

// The positions read of one axis: up to `perBin` evenly spaced positions of every bin (all of
// them when perBin >= stride), each with its bin and its class.
struct PickedPositions
{
    std::vector<std::int32_t> classes;
    std::vector<std::int64_t> bins;
};

PickedPositions pick(const AxisBins& axis, const std::vector<std::int32_t>& order,
                     std::int64_t perBin, std::int64_t classCount)
{
    PickedPositions picked;
    for (std::int64_t b = 0; b < axis.count(); ++b) {
        const std::int64_t begin = axis.binBegin(b);
        const std::int64_t length = axis.binEnd(b) - begin;
        const std::int64_t k = std::min(perBin, length);
        for (std::int64_t j = 0; j < k; ++j) {
            // The middle of the j-th of k equal slices of the bin.
            const std::int64_t position = begin + (2 * j + 1) * length / (2 * k);
            const std::int32_t c = order[static_cast<std::size_t>(position)];
            if (c < 0 || c >= classCount)
                throw DataError("relation matrix: position " + std::to_string(position) +
                                " shows class " + std::to_string(c) + ", outside the " +
                                std::to_string(classCount) + " classes");
            picked.classes.push_back(c);
            picked.bins.push_back(b);
        }
    }
    return picked;
}

std::vector<float> gatherRows(const FloatMatrix& unitRows, const std::vector<std::int32_t>& classes)
{
    std::vector<float> out(classes.size() * static_cast<std::size_t>(unitRows.cols));
    for (std::size_t i = 0; i < classes.size(); ++i)
        std::copy(unitRows.row(classes[i]), unitRows.row(classes[i]) + unitRows.cols,
                  out.begin() +
                      static_cast<std::ptrdiff_t>(i * static_cast<std::size_t>(unitRows.cols)));
    return out;
}

} // namespace

MatrixBins relationBins(const ClassDeltas& classDeltas, const std::vector<std::int32_t>& rowOrder,
                        const std::vector<std::int32_t>& columnOrder, const AxisBins& rows,
                        const AxisBins& columns, double tau, std::int64_t budget)
{
    requireValidTau(tau);
    requireWindow(rows, rowOrder.size(), "relation matrix rows");
    requireWindow(columns, columnOrder.size(), "relation matrix columns");
    MatrixBins out;
    out.rows = rows;
    out.columns = columns;
    const std::int64_t rowBins = rows.count();
    const std::int64_t columnBins = columns.count();
    if (rowBins == 0 || columnBins == 0)
        return out;

    const std::int64_t cells = (rows.end - rows.begin) * (columns.end - columns.begin);
    const bool exact = cells <= std::max<std::int64_t>(budget, 1);
    // Sampled: s x s cells per bin, s as large as the budget allows.
    const std::int64_t perBin =
        exact
            ? std::max(rows.stride, columns.stride)
            : std::max<std::int64_t>(
                  1, static_cast<std::int64_t>(std::sqrt(
                         static_cast<double>(budget) / static_cast<double>(rowBins * columnBins))));
    const std::int64_t classCount = classDeltas.classCount();
    const PickedPositions r = pick(rows, rowOrder, perBin, classCount);
    const PickedPositions c = pick(columns, columnOrder, perBin, classCount);

    const FloatMatrix& unit = classDeltas.unitRows();
    const std::vector<float> a = gatherRows(unit, r.classes);
    const std::vector<float> b = gatherRows(unit, c.classes);
    const auto m = static_cast<std::int64_t>(r.classes.size());
    const auto n = static_cast<std::int64_t>(c.classes.size());
    std::vector<float> deltas(static_cast<std::size_t>(m * n));
    {
        const SingleThreadedBlas blas; // the product is split over the threads itself
        multiplyTransposed(a.data(), m, unit.cols, b.data(), n, deltas.data(),
                           /*accumulate=*/false);
    }

    std::vector<std::int64_t> similar(static_cast<std::size_t>(rowBins * columnBins), 0);
    std::vector<std::int64_t> pairs(similar.size(), 0);
    for (std::int64_t i = 0; i < m; ++i) {
        const std::int32_t ci = r.classes[static_cast<std::size_t>(i)];
        const std::int64_t rowBase = r.bins[static_cast<std::size_t>(i)] * columnBins;
        const float* line = deltas.data() + i * n;
        for (std::int64_t j = 0; j < n; ++j) {
            if (c.classes[static_cast<std::size_t>(j)] == ci)
                continue; // identical: not a pair of distinct classes
            const auto bin =
                static_cast<std::size_t>(rowBase + c.bins[static_cast<std::size_t>(j)]);
            ++pairs[bin];
            similar[bin] += isSimilar(line[j], tau) ? 1 : 0;
        }
    }
    out.values.resize(similar.size());
    for (std::size_t k = 0; k < similar.size(); ++k)
        out.values[k] = pairs[k] == 0
                            ? std::numeric_limits<float>::quiet_NaN()
                            : static_cast<float>(similar[k]) / static_cast<float>(pairs[k]);
    out.cellsRead = m * n;
    out.sampled = out.cellsRead < cells;
    return out;
}

} // namespace semrel
