// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "dataset/dataset_matrices.h"

#include <semrel/dataset/dataset.h>

#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QSlider;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;

namespace semrel::ui {

class BackgroundJob;
class ClassNeighboursView;
class ClassTableModel;
class MatrixView;

// The Dataset view: the class table (roles and sample counts per split) with, below it, what
// tuning leaves out of train and val (tuningSplitsNote()), the class x attribute
// heat map, the relation matrix at the τ of a slider, and the neighbours of the selected class.
// Both matrices zoom and pan (MatrixView) and order their classes alike: similar classes
// together, by name, or as in the dataset. What they draw is prepared once per dataset in the
// background (DatasetMatrices) and aggregated per screen bin by the core, so the view stays
// readable and quick from ten classes to tens of thousands.
class DatasetView : public QWidget
{
    Q_OBJECT

public:
    explicit DatasetView(QWidget* parent = nullptr);
    ~DatasetView() override;

    // Shows `data` (nullptr clears). The dataset is shared, never copied.
    void setDataset(std::shared_ptr<const Dataset> data);
    // The note under the class table on the tuning splits; hidden when there is nothing to say.
    QLabel* tuningSplitsNoteLabel() const { return m_tuningNote; }
    // Whether the matrices' data is still being prepared for the current dataset.
    bool isPreparing() const;

    double tau() const;
    // τ in (-1, 1], in steps of 0.01. The relation matrix follows after a short pause, so that
    // dragging the slider stays smooth.
    void setTau(double tau);

    ClassOrder classOrder() const { return m_order; }
    void setClassOrder(ClassOrder order);

    int selectedClass() const { return m_selectedClass; }
    void selectClass(int classIndex);

    // Splitter positions, for AppSettings.
    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray& layout);

    const ClassTableModel* classModel() const { return m_classModel; }
    MatrixView* heatMap() const { return m_heatMap; }
    MatrixView* relationMatrix() const { return m_relationMatrix; }
    const ClassNeighboursView* neighbours() const { return m_neighbours; }
    // What the matrices draw from; empty until prepared.
    const std::optional<DatasetMatrices>& matrices() const { return m_matrices; }

Q_SIGNALS:
    void tauChanged(double tau);
    // The matrices' data for the current dataset is ready (or the dataset was cleared).
    void matricesReady();

private:
    QWidget* makeClassesPanel();
    QWidget* makeRelationPanel();
    void onMatricesReady(DatasetMatrices matrices);
    void applySources();
    void updateRelations();
    void updateSelection();
    void onTableSelectionChanged();
    void selectClassAt(MatrixView* view, qint64 rowPosition);

    std::shared_ptr<const Dataset> m_data;
    std::optional<DatasetMatrices> m_matrices;
    std::vector<std::int32_t> m_positions; // class -> position in the current order
    ClassOrder m_order = ClassOrder::BySimilarity;
    int m_selectedClass = -1;

    ClassTableModel* m_classModel;
    QSortFilterProxyModel* m_sortedClasses;
    QTableView* m_classTable;
    QLabel* m_tuningNote;
    MatrixView* m_heatMap;
    MatrixView* m_relationMatrix;
    ClassNeighboursView* m_neighbours;
    QComboBox* m_orderBox;
    QSlider* m_tauSlider;
    QLabel* m_tauLabel;
    QSplitter* m_mainSplitter;
    QSplitter* m_rightSplitter;
    QSplitter* m_relationSplitter = nullptr;
    BackgroundJob* m_preparation; // object name "datasetMatrices"
    QTimer m_relationTimer;
};

} // namespace semrel::ui
