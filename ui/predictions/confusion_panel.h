// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "predictions/prediction_charts.h"

#include <QWidget>

class QComboBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace semrel::ui {

class MatrixView;

// A setting's confusion matrix (MatrixView over a ConfusionMatrixSource) with its classes in a
// chosen order (similar classes together, unseen first, by name), and beside it the pairs of
// classes most often confused (mostConfusedPairs(), core). Choosing a cell or a pair asks for
// its samples; a pair is also zoomed to in the matrix.
class ConfusionPanel : public QWidget
{
    Q_OBJECT

public:
    enum PairColumn { TrueColumn, PredictedColumn, SamplesColumn, ShareColumn };

    explicit ConfusionPanel(QWidget* parent = nullptr);

    // nullptr charts clear the panel. The charts must outlive the next call.
    void setCharts(const SettingCharts* charts, std::shared_ptr<const QStringList> classNames);
    // What the matrix says while it has no charts ("No predictions" at first).
    void setEmptyText(const QString& text);
    void setOrder(ConfusionOrder order);
    ConfusionOrder order() const { return m_order; }
    // Marks the row of trueClass and the column of predictedClass (-1: none); with zoomTo the
    // matrix zooms in to their cell.
    void highlight(int trueClass, int predictedClass, bool zoomTo);
    // The matrix position of a class in the current order, -1 when it is not shown.
    std::int64_t positionOf(int classIndex) const;

    MatrixView* matrix() const { return m_matrix; }
    QTreeWidget* pairsList() const { return m_pairs; }

Q_SIGNALS:
    void cellChosen(int trueClass, int predictedClass);

private:
    void applySource();
    void fillPairs();
    void onPairActivated(QTreeWidgetItem* item);

    const SettingCharts* m_charts = nullptr;
    std::shared_ptr<const QStringList> m_names;
    std::vector<std::int32_t> m_positions; // class -> position in the current order
    ConfusionOrder m_order = ConfusionOrder::BySimilarity;
    QComboBox* m_orderBox;
    MatrixView* m_matrix;
    QTreeWidget* m_pairs;
};

} // namespace semrel::ui
