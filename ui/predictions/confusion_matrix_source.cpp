// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/confusion_matrix_source.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace semrel::ui {

namespace {

QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("ConfusionMatrix", text, nullptr, n);
}

constexpr std::size_t kCellsNamed = 3; // the largest cells a bin's tooltip names

} // namespace

ConfusionMatrixSource::ConfusionMatrixSource(std::shared_ptr<const ConfusionCounts> counts,
                                             std::shared_ptr<const Order> order,
                                             std::shared_ptr<const QStringList> classNames)
    : m_counts(std::move(counts)), m_order(std::move(order)), m_names(std::move(classNames))
{}

QRgb ConfusionMatrixSource::shade(double share)
{
    const double t = std::sqrt(std::clamp(share, 0.0, 1.0));
    const auto mix = [t](int from, int to) {
        return static_cast<int>(from + (to - from) * t);
    };
    return qRgb(mix(255, 8), mix(255, 48), mix(255, 107));
}

std::int32_t ConfusionMatrixSource::classAt(std::int64_t position) const
{
    return (*m_order)[static_cast<std::size_t>(position)];
}

std::int64_t ConfusionMatrixSource::rowCount() const
{
    return static_cast<std::int64_t>(m_order->size());
}

QString ConfusionMatrixSource::rowLabel(std::int64_t position) const
{
    return m_names->value(classAt(position));
}

MatrixBins ConfusionMatrixSource::bins(const AxisBins& rows, const AxisBins& columns) const
{
    return confusionBins(*m_counts, *m_order, *m_order, rows, columns);
}

QRgb ConfusionMatrixSource::color(float value) const
{
    // NaN: true classes without a test sample.
    return std::isnan(value) ? qRgb(0xee, 0xee, 0xee) : shade(value);
}

QString ConfusionMatrixSource::describe(const MatrixBins& bins, std::int64_t rowBin,
                                        std::int64_t columnBin) const
{
    const auto pairText = [this](const ConfusedPair& p) {
        return tr("true %1, predicted %2: %n sample(s) (%3% of the class)", int(p.count))
            .arg(m_names->value(p.trueClass), m_names->value(p.predictedClass))
            .arg(100.0 * p.share, 0, 'f', 0);
    };
    if (bins.rows.stride == 1 && bins.columns.stride == 1) {
        const std::int32_t t = classAt(bins.rows.binBegin(rowBin));
        const std::int32_t p = classAt(bins.columns.binBegin(columnBin));
        const std::int64_t n = m_counts->count(t, p);
        if (n == 0) // a count of zero says less than nothing next to "of the class"
            return tr("true %1, predicted %2: no samples")
                .arg(m_names->value(t), m_names->value(p));
        const std::int64_t samples = m_counts->samplesOf(t);
        return pairText({t, p, n, samples > 0 ? double(n) / double(samples) : 0.0});
    }
    const AxisBins rows{bins.rows.binBegin(rowBin), bins.rows.binEnd(rowBin), bins.rows.stride};
    const AxisBins columns{bins.columns.binBegin(columnBin), bins.columns.binEnd(columnBin),
                           bins.columns.stride};
    const std::vector<ConfusedPair> largest =
        largestCellsIn(*m_counts, *m_order, *m_order, rows, columns, kCellsNamed);
    QString text = tr("True %1,\npredicted %2:")
                       .arg(binItemsText(*this, bins.rows, rowBin, MatrixAxis::Rows),
                            binItemsText(*this, bins.columns, columnBin, MatrixAxis::Columns));
    if (largest.empty())
        return text + QLatin1Char('\n') + tr("no sample");
    text += QLatin1Char('\n') +
            tr("%1% of these classes' samples").arg(100.0 * bins.at(rowBin, columnBin), 0, 'f', 1);
    for (const ConfusedPair& p : largest)
        text += QStringLiteral("\n• ") + pairText(p);
    return text + QLatin1Char('\n') + tr("Click to zoom in.");
}

QString ConfusionMatrixSource::cellText(const MatrixBins& bins, std::int64_t rowBin,
                                        std::int64_t columnBin) const
{
    const std::int64_t n = m_counts->count(classAt(bins.rows.binBegin(rowBin)),
                                           classAt(bins.columns.binBegin(columnBin)));
    return n > 0 ? QString::number(n) : QString();
}

} // namespace semrel::ui
