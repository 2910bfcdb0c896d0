// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "dataset/dataset_matrix_sources.h"

#include <semrel/exploration/attribute_bins.h>
#include <semrel/exploration/relation_bins.h>

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace semrel::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("DatasetMatrices", text);
}

QRgb mix(const QColor& from, const QColor& to, double t)
{
    const auto channel = [t](int a, int b) {
        return static_cast<int>(std::lround(a + t * (b - a)));
    };
    return qRgb(channel(from.red(), to.red()), channel(from.green(), to.green()),
                channel(from.blue(), to.blue()));
}

} // namespace

RelationMatrixSource::RelationMatrixSource(DatasetMatrices matrices,
                                           std::shared_ptr<const Order> order, double tau)
    : m_matrices(std::move(matrices)), m_order(std::move(order)), m_tau(tau)
{}

QColor RelationMatrixSource::relationColor(Relation relation)
{
    switch (relation) {
    case Relation::Identical:
        return QColor(0x33, 0x33, 0x33);
    case Relation::Similar:
        return QColor(0x4c, 0xaf, 0x50); // green, as the paper's Fig. 4 draws similar classes
    case Relation::Dissimilar:
        return QColor(0xf2, 0xc4, 0xc0); // pale red: the common case stays quiet
    }
    return Qt::white;
}

std::int64_t RelationMatrixSource::rowCount() const
{
    return static_cast<std::int64_t>(m_order->size());
}

QString RelationMatrixSource::rowLabel(std::int64_t position) const
{
    return m_matrices.classNames->value((*m_order)[static_cast<std::size_t>(position)]);
}

MatrixBins RelationMatrixSource::bins(const AxisBins& rows, const AxisBins& columns) const
{
    return relationBins(*m_matrices.deltas, *m_order, *m_order, rows, columns, m_tau);
}

QRgb RelationMatrixSource::color(float value) const
{
    // NaN: only a class against itself.
    if (std::isnan(value))
        return relationColor(Relation::Identical).rgb();
    // Through a light neutral at half and half, so that a bin's lean either way shows instead of
    // a muddy mix of the two colours.
    static const QColor neutral(0xf7, 0xf4, 0xee);
    return value < 0.5f ? mix(relationColor(Relation::Dissimilar), neutral, 2.0 * value)
                        : mix(neutral, relationColor(Relation::Similar), 2.0 * value - 1.0);
}

QString RelationMatrixSource::describe(const MatrixBins& bins, std::int64_t rowBin,
                                       std::int64_t columnBin) const
{
    if (bins.rows.stride == 1 && bins.columns.stride == 1) {
        const std::int32_t r = (*m_order)[static_cast<std::size_t>(bins.rows.binBegin(rowBin))];
        const std::int32_t m =
            (*m_order)[static_cast<std::size_t>(bins.columns.binBegin(columnBin))];
        const double delta = m_matrices.deltas->delta(m, r);
        const Relation relation = relationOf(m, r, delta, m_tau);
        return tr("%1 to %2: δ = %3, %4")
            .arg(m_matrices.classNames->value(m), m_matrices.classNames->value(r))
            .arg(delta, 0, 'f', 3)
            .arg(QString::fromUtf8(relationName(relation)));
    }
    const float share = bins.at(rowBin, columnBin);
    const QString what =
        std::isnan(share) ? tr("identical")
                          : tr("%1% of the pairs similar at τ = %2%3")
                                .arg(100.0 * share, 0, 'f', 0)
                                .arg(m_tau, 0, 'f', 2)
                                .arg(bins.sampled ? tr(" (estimated from a sample)") : QString());
    return tr("Reference classes %1\nagainst %2:\n%3")
        .arg(binItemsText(*this, bins.rows, rowBin, MatrixAxis::Rows),
             binItemsText(*this, bins.columns, columnBin, MatrixAxis::Columns), what);
}

QString RelationMatrixSource::cellText(const MatrixBins& bins, std::int64_t rowBin,
                                       std::int64_t columnBin) const
{
    const std::int32_t r = (*m_order)[static_cast<std::size_t>(bins.rows.binBegin(rowBin))];
    const std::int32_t m = (*m_order)[static_cast<std::size_t>(bins.columns.binBegin(columnBin))];
    return m == r ? QString() : QString::number(m_matrices.deltas->delta(m, r), 'f', 2);
}

AttributeMatrixSource::AttributeMatrixSource(DatasetMatrices matrices,
                                             std::shared_ptr<const Order> classOrder,
                                             std::shared_ptr<const Order> attributeOrder)
    : m_matrices(std::move(matrices)), m_classOrder(std::move(classOrder)),
      m_attributeOrder(std::move(attributeOrder))
{}

QRgb AttributeMatrixSource::rampColor(double t)
{
    static const QColor stops[] = {QColor(0xfd, 0xf5, 0xc4), QColor(0x7a, 0xd1, 0x51),
                                   QColor(0x21, 0x91, 0x8c), QColor(0x3b, 0x52, 0x8b),
                                   QColor(0x44, 0x01, 0x54)};
    constexpr int kSegments = 4;
    if (std::isnan(t))
        return qRgb(255, 255, 255);
    const double x = std::clamp(t, 0.0, 1.0) * kSegments;
    const int i = std::min(static_cast<int>(x), kSegments - 1);
    return mix(stops[i], stops[i + 1], x - i);
}

std::int64_t AttributeMatrixSource::rowCount() const
{
    return static_cast<std::int64_t>(m_classOrder->size());
}

std::int64_t AttributeMatrixSource::columnCount() const
{
    return static_cast<std::int64_t>(m_attributeOrder->size());
}

QString AttributeMatrixSource::rowLabel(std::int64_t position) const
{
    return m_matrices.classNames->value((*m_classOrder)[static_cast<std::size_t>(position)]);
}

QString AttributeMatrixSource::columnLabel(std::int64_t position) const
{
    // Datasets carry no attribute names: attributes go by their 1-based number.
    return QString::number((*m_attributeOrder)[static_cast<std::size_t>(position)] + 1);
}

MatrixBins AttributeMatrixSource::bins(const AxisBins& rows, const AxisBins& columns) const
{
    return attributeBins(*m_matrices.shades, *m_classOrder, *m_attributeOrder, rows, columns);
}

QString AttributeMatrixSource::describe(const MatrixBins& bins, std::int64_t rowBin,
                                        std::int64_t columnBin) const
{
    if (bins.rows.stride == 1 && bins.columns.stride == 1) {
        const std::int32_t c =
            (*m_classOrder)[static_cast<std::size_t>(bins.rows.binBegin(rowBin))];
        const std::int32_t a =
            (*m_attributeOrder)[static_cast<std::size_t>(bins.columns.binBegin(columnBin))];
        return tr("%1, attribute %2: %3")
            .arg(m_matrices.classNames->value(c))
            .arg(a + 1)
            .arg(double(m_matrices.data->classEmbeddings.at(c, a)), 0, 'g', 4);
    }
    return tr("Classes %1,\nattributes %2:\nmean shade %3% of each attribute's range")
        .arg(binItemsText(*this, bins.rows, rowBin, MatrixAxis::Rows),
             binItemsText(*this, bins.columns, columnBin, MatrixAxis::Columns))
        .arg(100.0 * bins.at(rowBin, columnBin), 0, 'f', 0);
}

} // namespace semrel::ui
