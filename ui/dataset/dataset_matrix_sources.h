// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "dataset/dataset_matrices.h"
#include "zoom/matrix_source.h"

#include <semrel/method/semantic_relations.h>

#include <QColor>

namespace semrel::ui {

// The relation matrix at τ: row position i is the reference class order[i], column position j
// the class order[j]; a cell is coloured by its relation, a bin of many cells by its share of
// similar pairs (relationBins(), core). The same order on both axes.
class RelationMatrixSource : public MatrixSource
{
public:
    RelationMatrixSource(DatasetMatrices matrices, std::shared_ptr<const Order> order, double tau);

    static QColor relationColor(Relation relation);
    double tau() const { return m_tau; }
    const Order& order() const { return *m_order; }

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
    DatasetMatrices m_matrices;
    std::shared_ptr<const Order> m_order;
    double m_tau;
};

// The class embeddings, class x attribute: each attribute shaded from its own minimum (light) to
// its maximum (dark); a bin of many cells shows their mean shade (attributeBins(), core).
class AttributeMatrixSource : public MatrixSource
{
public:
    AttributeMatrixSource(DatasetMatrices matrices, std::shared_ptr<const Order> classOrder,
                          std::shared_ptr<const Order> attributeOrder);

    // A light-yellow -> green -> dark-blue ramp (after viridis, reversed). t in [0, 1].
    static QRgb rampColor(double t);
    const Order& classOrder() const { return *m_classOrder; }
    const Order& attributeOrder() const { return *m_attributeOrder; }

    std::int64_t rowCount() const override;
    std::int64_t columnCount() const override;
    QString rowLabel(std::int64_t position) const override;
    QString columnLabel(std::int64_t position) const override;
    MatrixBins bins(const AxisBins& rows, const AxisBins& columns) const override;
    QRgb color(float value) const override { return rampColor(value); }
    QString describe(const MatrixBins& bins, std::int64_t rowBin,
                     std::int64_t columnBin) const override;

private:
    DatasetMatrices m_matrices;
    std::shared_ptr<const Order> m_classOrder;
    std::shared_ptr<const Order> m_attributeOrder;
};

} // namespace semrel::ui
