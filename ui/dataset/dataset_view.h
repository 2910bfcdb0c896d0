// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>

#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QSlider;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;

namespace semrel::ui {

class AttributeHeatMap;
class ClassNeighboursView;
class ClassTableModel;
class RelationMatrixView;

// The Dataset view: the class table (roles and sample counts per split), the class x attribute
// heat map, the relation matrix at the τ of a slider, and the neighbours of the selected class.
class DatasetView : public QWidget
{
    Q_OBJECT

public:
    explicit DatasetView(QWidget* parent = nullptr);

    // Shows `data` (nullptr clears). The dataset is shared, never copied.
    void setDataset(std::shared_ptr<const Dataset> data);

    double tau() const;
    // τ in (-1, 1], in steps of 0.01. The relation matrix follows after a short pause, so that
    // dragging the slider over a 717-class matrix stays smooth.
    void setTau(double tau);

    int selectedClass() const { return m_selectedClass; }
    void selectClass(int classIndex);

    // Splitter positions, for AppSettings.
    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray& layout);

    const ClassTableModel* classModel() const { return m_classModel; }
    const AttributeHeatMap* heatMap() const { return m_heatMap; }
    const RelationMatrixView* relationMatrix() const { return m_relationMatrix; }
    const ClassNeighboursView* neighbours() const { return m_neighbours; }

Q_SIGNALS:
    void tauChanged(double tau);

private:
    QWidget* makeRelationPanel();
    void updateRelations();
    void onTableSelectionChanged();

    std::shared_ptr<const Dataset> m_data;
    QStringList m_classNames;
    int m_selectedClass = -1;

    ClassTableModel* m_classModel;
    QSortFilterProxyModel* m_sortedClasses;
    QTableView* m_classTable;
    AttributeHeatMap* m_heatMap;
    RelationMatrixView* m_relationMatrix;
    ClassNeighboursView* m_neighbours;
    QSlider* m_tauSlider;
    QLabel* m_tauLabel;
    QSplitter* m_mainSplitter;
    QSplitter* m_rightSplitter;
    QSplitter* m_relationSplitter = nullptr;
    QTimer m_relationTimer;
};

} // namespace semrel::ui
