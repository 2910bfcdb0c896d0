// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "exploration/window_check.h"

#include <semrel/errors.h>
#include <semrel/exploration/attribute_bins.h>

#include <algorithm>
#include <string>

namespace semrel {

namespace {

void requireEntries(const std::vector<std::int32_t>& order, const AxisBins& window,
                    std::int64_t limit, const char* what)
{
    for (std::int64_t p = window.begin; p < window.end; ++p) {
        const std::int32_t item = order[static_cast<std::size_t>(p)];
        if (item < 0 || item >= limit)
            throw DataError(std::string("attribute heat map: ") + what + " " +
                            std::to_string(item) + " at position " + std::to_string(p) +
                            " is outside the " + std::to_string(limit));
    }
}

} // namespace

FloatMatrix attributeShades(const FloatMatrix& embeddings)
{
    FloatMatrix shades(embeddings.rows, embeddings.cols);
    for (std::int64_t a = 0; a < embeddings.cols; ++a) {
        float low = embeddings.rows > 0 ? embeddings.at(0, a) : 0.0f;
        float high = low;
        for (std::int64_t c = 1; c < embeddings.rows; ++c) {
            low = std::min(low, embeddings.at(c, a));
            high = std::max(high, embeddings.at(c, a));
        }
        const double range = high > low ? double(high) - low : 0.0;
        for (std::int64_t c = 0; c < embeddings.rows; ++c)
            shades.at(c, a) =
                range > 0.0 ? static_cast<float>((embeddings.at(c, a) - low) / range) : 0.0f;
    }
    return shades;
}

MatrixBins attributeBins(const FloatMatrix& shades, const std::vector<std::int32_t>& rowOrder,
                         const std::vector<std::int32_t>& columnOrder, const AxisBins& rows,
                         const AxisBins& columns)
{
    requireWindow(rows, rowOrder.size(), "attribute heat map rows");
    requireWindow(columns, columnOrder.size(), "attribute heat map columns");
    requireEntries(rowOrder, rows, shades.rows, "class");
    requireEntries(columnOrder, columns, shades.cols, "attribute");
    MatrixBins out;
    out.rows = rows;
    out.columns = columns;
    const std::int64_t columnBins = columns.count();
    std::vector<double> sums(static_cast<std::size_t>(rows.count() * columnBins), 0.0);
    for (std::int64_t p = rows.begin; p < rows.end; ++p) {
        const float* line = shades.row(rowOrder[static_cast<std::size_t>(p)]);
        double* binSums = sums.data() + rows.binOf(p) * columnBins;
        for (std::int64_t q = columns.begin; q < columns.end; ++q)
            binSums[columns.binOf(q)] += line[columnOrder[static_cast<std::size_t>(q)]];
    }
    out.values.resize(sums.size());
    for (std::int64_t i = 0; i < rows.count(); ++i) {
        const double height = double(rows.binEnd(i) - rows.binBegin(i));
        for (std::int64_t j = 0; j < columnBins; ++j) {
            const double cells = height * double(columns.binEnd(j) - columns.binBegin(j));
            const auto k = static_cast<std::size_t>(i * columnBins + j);
            out.values[k] = static_cast<float>(sums[k] / cells);
        }
    }
    out.cellsRead = (rows.end - rows.begin) * (columns.end - columns.begin);
    return out;
}

} // namespace semrel
