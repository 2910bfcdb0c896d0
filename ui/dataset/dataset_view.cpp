// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "dataset/dataset_view.h"

#include "dataset/attribute_heat_map.h"
#include "dataset/class_neighbours_view.h"
#include "dataset/class_table_model.h"
#include "dataset/relation_matrix_view.h"
#include "error_dialog.h"

#include <semrel/method/dataset_relations.h>

#include <QDataStream>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIODevice>
#include <QLabel>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace semrel::ui {

namespace {

constexpr int kTauSteps = 100; // slider units per 1.0 of τ

QWidget* legendEntry(Relation relation, const QString& text, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setText(QStringLiteral("<span style='color:%1'>■</span> %2")
                       .arg(RelationMatrixView::relationColor(relation).name(), text));
    return label;
}

QGroupBox* group(const QString& title, QWidget* content, QWidget* parent)
{
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(content);
    return box;
}

} // namespace

DatasetView::DatasetView(QWidget* parent)
    : QWidget(parent), m_classModel(new ClassTableModel(this)),
      m_sortedClasses(new QSortFilterProxyModel(this)), m_classTable(new QTableView(this)),
      m_heatMap(new AttributeHeatMap(this)), m_relationMatrix(new RelationMatrixView(this)),
      m_neighbours(new ClassNeighboursView(this)), m_tauSlider(new QSlider(Qt::Horizontal, this)),
      m_tauLabel(new QLabel(this)), m_mainSplitter(new QSplitter(Qt::Horizontal, this)),
      m_rightSplitter(new QSplitter(Qt::Vertical, this))
{
    m_mainSplitter->setObjectName(QStringLiteral("datasetSplitter"));
    m_sortedClasses->setSourceModel(m_classModel);
    m_classTable->setObjectName(QStringLiteral("classTable"));
    m_classTable->setModel(m_sortedClasses);
    m_classTable->setSortingEnabled(true);
    m_classTable->sortByColumn(-1, Qt::AscendingOrder); // dataset order until a header is clicked
    m_classTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_classTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_classTable->verticalHeader()->setVisible(false);
    m_classTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_classTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_classTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DatasetView::onTableSelectionChanged);

    m_mainSplitter->addWidget(group(tr("Classes"), m_classTable, this));
    m_rightSplitter->addWidget(group(tr("Class embeddings (class × attribute)"), m_heatMap, this));
    m_rightSplitter->addWidget(makeRelationPanel());
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 3);
    // Wide enough for the name, role and five split columns until the user moves it.
    m_mainSplitter->setSizes({540, 740});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_mainSplitter);

    // Clicks on a neighbour rebuild the very list that emitted them: handle them afterwards.
    connect(m_neighbours, &ClassNeighboursView::classClicked, this, &DatasetView::selectClass,
            Qt::QueuedConnection);
    connect(m_heatMap, &CellImageWidget::rowClicked, this, &DatasetView::selectClass);
    connect(m_relationMatrix, &CellImageWidget::rowClicked, this, &DatasetView::selectClass);

    m_relationTimer.setSingleShot(true);
    m_relationTimer.setInterval(40);
    connect(&m_relationTimer, &QTimer::timeout, this, &DatasetView::updateRelations);
    connect(m_tauSlider, &QSlider::valueChanged, this, [this](int value) {
        m_tauLabel->setText(tr("τ = %1").arg(double(value) / kTauSteps, 0, 'f', 2));
        m_relationTimer.start();
        Q_EMIT tauChanged(tau());
    });
    m_tauLabel->setText(tr("τ = %1").arg(0.0, 0, 'f', 2));
}

QWidget* DatasetView::makeRelationPanel()
{
    // τ in (-1, 1]: -0.99 is the lowest step that stays inside the open bound.
    m_tauSlider->setObjectName(QStringLiteral("tauSlider"));
    m_tauSlider->setRange(-kTauSteps + 1, kTauSteps);
    m_tauSlider->setPageStep(10);
    m_tauSlider->setValue(0);
    m_tauLabel->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("τ = -0.00 ")));

    auto* tauRow = new QHBoxLayout;
    tauRow->addWidget(m_tauLabel);
    tauRow->addWidget(m_tauSlider, 1);
    auto* legend = new QHBoxLayout;
    legend->addWidget(legendEntry(Relation::Identical, tr("identical"), this));
    legend->addWidget(legendEntry(Relation::Similar, tr("similar"), this));
    legend->addWidget(legendEntry(Relation::Dissimilar, tr("dissimilar"), this));
    legend->addStretch(1);

    auto* matrixBox =
        new QGroupBox(tr("Semantic relations (row: reference; similar when δ ≥ τ)"), this);
    auto* matrixLayout = new QVBoxLayout(matrixBox);
    matrixLayout->setContentsMargins(6, 6, 6, 6);
    matrixLayout->addLayout(tauRow);
    matrixLayout->addWidget(m_relationMatrix, 1);
    matrixLayout->addLayout(legend);

    m_relationSplitter = new QSplitter(Qt::Horizontal, this);
    m_relationSplitter->addWidget(matrixBox);
    m_relationSplitter->addWidget(group(tr("Selected class"), m_neighbours, this));
    m_relationSplitter->setStretchFactor(0, 3);
    m_relationSplitter->setStretchFactor(1, 2);
    return m_relationSplitter;
}

void DatasetView::setDataset(std::shared_ptr<const Dataset> data)
{
    m_data = std::move(data);
    m_selectedClass = -1;
    m_classNames.clear();
    if (m_data) {
        for (const std::string& name : m_data->classNames)
            m_classNames.append(QString::fromStdString(name));
    }
    m_classModel->setDataset(m_data);
    m_classTable->resizeColumnsToContents();
    m_heatMap->setEmbeddings(m_data ? m_data->classEmbeddings : FloatMatrix(), m_classNames);
    m_relationTimer.stop();
    updateRelations();
    if (m_data && m_data->classCount() > 0)
        selectClass(0);
}

double DatasetView::tau() const
{
    return double(m_tauSlider->value()) / kTauSteps;
}

void DatasetView::setTau(double tau)
{
    m_tauSlider->setValue(static_cast<int>(std::lround(tau * kTauSteps)));
}

void DatasetView::selectClass(int classIndex)
{
    if (!m_data || classIndex < 0 || classIndex >= m_data->classCount())
        return;
    if (classIndex != m_selectedClass) {
        m_selectedClass = classIndex;
        m_heatMap->setSelectedRow(classIndex);
        m_relationMatrix->setSelectedRow(classIndex);
        if (m_relationMatrix->relations())
            m_neighbours->showNeighbours(*m_relationMatrix->relations(), m_classNames, classIndex);
    }
    // Keep the table in step when the selection came from elsewhere.
    const QModelIndex source = m_classModel->index(classIndex, 0);
    const QModelIndex row = m_sortedClasses->mapFromSource(source);
    if (m_classTable->currentIndex().row() != row.row()) {
        m_classTable->selectRow(row.row());
        m_classTable->scrollTo(row);
    }
}

void DatasetView::onTableSelectionChanged()
{
    const QModelIndexList rows = m_classTable->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        selectClass(rows.first().data(ClassTableModel::kClassIndexRole).toInt());
}

void DatasetView::updateRelations()
{
    if (!m_data || m_data->classCount() == 0) {
        m_relationMatrix->clear();
        m_neighbours->clear();
        return;
    }
    try {
        m_relationMatrix->setRelations(datasetRelations(*m_data, tau()), m_classNames);
    } catch (const std::exception& e) {
        // Keep the previous matrix: the slider cannot produce a bad τ, but the data might be odd.
        showError(this, tr("Semantic relations"), QString::fromUtf8(e.what()));
        return;
    }
    m_relationMatrix->setSelectedRow(m_selectedClass);
    if (m_selectedClass >= 0)
        m_neighbours->showNeighbours(*m_relationMatrix->relations(), m_classNames, m_selectedClass);
}

QByteArray DatasetView::saveLayout() const
{
    QByteArray layout;
    QDataStream out(&layout, QIODevice::WriteOnly);
    out << m_mainSplitter->saveState() << m_rightSplitter->saveState()
        << m_relationSplitter->saveState();
    return layout;
}

void DatasetView::restoreLayout(const QByteArray& layout)
{
    QDataStream in(layout);
    QByteArray main;
    QByteArray right;
    QByteArray relation;
    in >> main >> right >> relation;
    if (in.status() != QDataStream::Ok)
        return; // nothing saved yet, or from another version: keep the defaults
    m_mainSplitter->restoreState(main);
    m_rightSplitter->restoreState(right);
    m_relationSplitter->restoreState(relation);
}

} // namespace semrel::ui
