// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "predictions/prediction_charts.h"
#include "zoom/matrix_source.h"

namespace semrel::ui {

// A setting's confusion matrix: rows are true classes, columns predicted ones, both in `order`.
// A cell is shaded by its share of the row (so small classes read as well as large ones), a bin
// of many cells by the share of its rows' samples that went to its columns (confusionBins(),
// core); hovering a bin names its largest cells, so it never reports an empty cell for a bin
// that has samples.
class ConfusionMatrixSource : public MatrixSource
{
public:
    ConfusionMatrixSource(std::shared_ptr<const ConfusionCounts> counts,
                          std::shared_ptr<const Order> order,
                          std::shared_ptr<const QStringList> classNames);

    // White (never predicted) to deep blue (the whole row), on a square-root scale so that a
    // few confusions among many samples still show.
    static QRgb shade(double share);
    const Order& order() const { return *m_order; }
    std::int32_t classAt(std::int64_t position) const;

    std::int64_t rowCount() const override;
    std::int64_t columnCount() const override { return rowCount(); }
    QString rowLabel(std::int64_t position) const override;
    QString columnLabel(std::int64_t position) const override { return rowLabel(position); }
    MatrixBins bins(const AxisBins& rows, const AxisBins& columns) const override;
    QRgb color(float value) const override;
    QString describe(const MatrixBins& bins, std::int64_t rowBin,
                     std::int64_t columnBin) const override;
    QString cellText(const MatrixBins& bins, std::int64_t rowBin,
                     std::int64_t columnBin) const override;

private:
    std::shared_ptr<const ConfusionCounts> m_counts;
    std::shared_ptr<const Order> m_order;
    std::shared_ptr<const QStringList> m_names;
};

} // namespace semrel::ui
