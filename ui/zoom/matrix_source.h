// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/exploration/matrix_bins.h>

#include <QRgb>
#include <QString>

#include <cstdint>

namespace semrel::ui {

// What a MatrixView shows: a matrix's size, its row and column names in the order shown, and
// the core function that aggregates a window of it into bins (core/exploration). Sources are
// immutable: a view hands one to its background job, so bins() and color() run on that job's
// thread while the GUI thread may ask for labels. A change (another τ, another order) is a new
// source.
class MatrixSource
{
public:
    virtual ~MatrixSource() = default;

    virtual std::int64_t rowCount() const = 0;
    virtual std::int64_t columnCount() const = 0;
    // Names of the items at a position, for the axes. Positions are in range.
    virtual QString rowLabel(std::int64_t position) const = 0;
    virtual QString columnLabel(std::int64_t position) const = 0;

    // Any thread: the aggregates of a window (a core call) and the colour of a value.
    virtual MatrixBins bins(const AxisBins& rows, const AxisBins& columns) const = 0;
    virtual QRgb color(float value) const = 0;

    // GUI thread: what hovering a bin says (empty: nothing), and the text written in a cell when
    // cells are large enough (empty: none). A cell is a bin whose strides are both 1.
    virtual QString describe(const MatrixBins& bins, std::int64_t rowBin,
                             std::int64_t columnBin) const = 0;
    virtual QString cellText(const MatrixBins&, std::int64_t /*rowBin*/,
                             std::int64_t /*columnBin*/) const
    {
        return {};
    }
};

enum class MatrixAxis { Rows, Columns };

// A bin's items in words, for tooltips: the name of a single item; "first … last (n)" for a bin of
// several.
QString binItemsText(const MatrixSource& source, const AxisBins& bins, std::int64_t bin,
                     MatrixAxis axis);

} // namespace semrel::ui
