// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "dataset/dataset_view.h"

#include "dataset/class_neighbours_view.h"
#include "dataset/class_table_model.h"
#include "dataset/dataset_matrix_sources.h"
#include "dataset/tuning_splits_note.h"
#include "error_dialog.h"
#include "jobs/background_job.h"
#include "zoom/matrix_view.h"

#include <semrel/dataset/tuning_splits.h>
#include <semrel/exploration/matrix_order.h>

#include <QComboBox>
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
                       .arg(RelationMatrixSource::relationColor(relation).name(), text));
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
      m_tuningNote(new QLabel(this)), m_heatMap(new MatrixView(this)),
      m_relationMatrix(new MatrixView(this)), m_neighbours(new ClassNeighboursView(this)),
      m_orderBox(new QComboBox(this)), m_tauSlider(new QSlider(Qt::Horizontal, this)),
      m_tauLabel(new QLabel(this)), m_mainSplitter(new QSplitter(Qt::Horizontal, this)),
      m_rightSplitter(new QSplitter(Qt::Vertical, this)), m_preparation(new BackgroundJob(this))
{
    m_mainSplitter->setObjectName(QStringLiteral("datasetSplitter"));
    m_heatMap->setObjectName(QStringLiteral("attributeHeatMap"));
    m_heatMap->setAxisTitles({}, tr("attribute"));
    m_relationMatrix->setObjectName(QStringLiteral("relationMatrix"));
    m_relationMatrix->setAxisTitles(tr("reference class"), {});
    m_preparation->setObjectName(QStringLiteral("datasetMatrices"));

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto* orderRow = new QHBoxLayout;
    m_orderBox->addItem(tr("similar classes together"), int(ClassOrder::BySimilarity));
    m_orderBox->addItem(tr("by name"), int(ClassOrder::ByName));
    m_orderBox->addItem(tr("as in the dataset"), int(ClassOrder::AsGiven));
    m_orderBox->setObjectName(QStringLiteral("classOrder"));
    orderRow->addWidget(new QLabel(tr("Order classes:"), right));
    orderRow->addWidget(m_orderBox);
    auto* hint =
        new QLabel(tr("Wheel: zoom · drag: pan · click: zoom in, then select · 0: fit"), right);
    hint->setForegroundRole(QPalette::PlaceholderText);
    // Wrapped, not measured whole: the hint must not widen this side beyond the class table.
    hint->setWordWrap(true);
    orderRow->addWidget(hint, 1);
    rightLayout->addLayout(orderRow);
    m_rightSplitter->addWidget(group(tr("Class embeddings (class × attribute)"), m_heatMap, this));
    m_rightSplitter->addWidget(makeRelationPanel());
    m_rightSplitter->setStretchFactor(0, 2);
    m_rightSplitter->setStretchFactor(1, 3);
    rightLayout->addWidget(m_rightSplitter, 1);

    m_mainSplitter->addWidget(makeClassesPanel());
    m_mainSplitter->addWidget(right);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setSizes({600, 680});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_mainSplitter);

    // Clicks on a neighbour rebuild the very list that emitted them: handle them afterwards.
    connect(m_neighbours, &ClassNeighboursView::classClicked, this, &DatasetView::selectClass,
            Qt::QueuedConnection);
    connect(m_heatMap, &MatrixView::cellClicked, this,
            [this](qint64 row, qint64) { selectClassAt(m_heatMap, row); });
    connect(m_relationMatrix, &MatrixView::cellClicked, this,
            [this](qint64 row, qint64) { selectClassAt(m_relationMatrix, row); });
    connect(m_orderBox, &QComboBox::currentIndexChanged, this, [this](int) {
        setClassOrder(static_cast<ClassOrder>(m_orderBox->currentData().toInt()));
    });
    connect(m_preparation, &BackgroundJob::failed, this,
            [this](const QString& message) { showError(this, tr("Class relations"), message); });

    m_relationTimer.setSingleShot(true);
    m_relationTimer.setInterval(20);
    connect(&m_relationTimer, &QTimer::timeout, this, &DatasetView::updateRelations);
    connect(m_tauSlider, &QSlider::valueChanged, this, [this](int value) {
        m_tauLabel->setText(tr("τ = %1").arg(double(value) / kTauSteps, 0, 'f', 2));
        m_relationTimer.start();
        Q_EMIT tauChanged(tau());
    });
    m_tauLabel->setText(tr("τ = %1").arg(0.0, 0, 'f', 2));
    setDataset(nullptr);
}

// The preparation job (a child) waits for a running preparation: well under a second.
DatasetView::~DatasetView() = default;

QWidget* DatasetView::makeClassesPanel()
{
    m_sortedClasses->setSourceModel(m_classModel);
    m_classTable->setObjectName(QStringLiteral("classTable"));
    m_classTable->setModel(m_sortedClasses);
    m_classTable->setSortingEnabled(true);
    m_classTable->sortByColumn(-1, Qt::AscendingOrder); // dataset order until a header is clicked
    m_classTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_classTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_classTable->setTextElideMode(Qt::ElideMiddle);
    m_classTable->verticalHeader()->setVisible(false);
    m_classTable->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    // The numbers keep the width of their (two-line) headers; the name takes the rest and is
    // elided when long, so that every split's column stays in view.
    QHeaderView* header = m_classTable->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ClassTableModel::NameColumn, QHeaderView::Stretch);
    for (int c = ClassTableModel::RoleColumn; c < m_classModel->columnCount(); ++c)
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    connect(m_classTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DatasetView::onTableSelectionChanged);
    m_tuningNote->setObjectName(QStringLiteral("tuningSplitsNote"));
    m_tuningNote->setWordWrap(true);
    m_tuningNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tuningNote->hide();
    auto* box = group(tr("Classes"), m_classTable, this);
    box->layout()->addWidget(m_tuningNote);
    return box;
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
    auto* mixed = new QLabel(tr("(zoomed out: share of similar pairs)"), this);
    mixed->setForegroundRole(QPalette::PlaceholderText);
    legend->addWidget(mixed);
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
    m_matrices.reset();
    m_positions.clear();
    m_selectedClass = -1;
    m_classModel->setDataset(m_data);
    const QString note = m_data ? tuningSplitsNote(tuningSplitCounts(*m_data)) : QString();
    m_tuningNote->setText(note);
    m_tuningNote->setVisible(!note.isEmpty());
    m_relationTimer.stop();
    m_neighbours->clear();
    m_heatMap->setSource(nullptr);
    m_relationMatrix->setSource(nullptr);
    const QString empty =
        m_data ? tr("Preparing the classes of %1…").arg(QString::fromStdString(m_data->name))
               : tr("Open a dataset (File > Open, Ctrl+O) to see its classes.");
    m_heatMap->setEmptyText(empty);
    m_relationMatrix->setEmptyText(empty);
    if (!m_data || m_data->classCount() == 0) {
        m_preparation->discard();
        Q_EMIT matricesReady();
        return;
    }
    m_preparation->start(
        [data = m_data](JobContext&) { return prepareDatasetMatrices(data); },
        [this](DatasetMatrices matrices) { onMatricesReady(std::move(matrices)); });
    selectClass(0);
}

bool DatasetView::isPreparing() const
{
    return m_preparation->isRunning();
}

void DatasetView::onMatricesReady(DatasetMatrices matrices)
{
    m_matrices = std::move(matrices);
    applySources();
    Q_EMIT matricesReady();
}

void DatasetView::setClassOrder(ClassOrder order)
{
    m_order = order;
    {
        const QSignalBlocker blocker(m_orderBox);
        m_orderBox->setCurrentIndex(m_orderBox->findData(int(order)));
    }
    applySources();
}

void DatasetView::applySources()
{
    if (!m_matrices)
        return;
    const std::shared_ptr<const Order>& classes = m_matrices->classOrder(m_order);
    m_positions = positionsIn(*classes, m_matrices->data->classCount());
    m_heatMap->setSource(std::make_shared<AttributeMatrixSource>(
        *m_matrices, classes, m_matrices->attributeOrder(m_order)));
    m_relationMatrix->setSource(
        std::make_shared<RelationMatrixSource>(*m_matrices, classes, tau()));
    updateSelection();
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
        updateSelection();
    }
    // Keep the table in step when the selection came from elsewhere.
    const QModelIndex source = m_classModel->index(classIndex, 0);
    const QModelIndex row = m_sortedClasses->mapFromSource(source);
    if (m_classTable->currentIndex().row() != row.row()) {
        m_classTable->selectRow(row.row());
        m_classTable->scrollTo(row);
    }
}

void DatasetView::selectClassAt(MatrixView* view, qint64 rowPosition)
{
    if (m_matrices && rowPosition >= 0 && rowPosition < qint64(m_positions.size()))
        selectClass((*m_matrices->classOrder(m_order))[std::size_t(rowPosition)]);
    view->setFocus();
}

void DatasetView::updateSelection()
{
    if (!m_matrices || m_selectedClass < 0) {
        m_heatMap->setHighlight(-1, -1);
        m_relationMatrix->setHighlight(-1, -1);
        return;
    }
    const std::int64_t position = m_positions[static_cast<std::size_t>(m_selectedClass)];
    m_heatMap->setHighlight(position, -1);
    m_relationMatrix->setHighlight(position, position);
    m_neighbours->showNeighbours(
        neighboursOf(*m_matrices->deltas, m_selectedClass, ClassNeighboursView::kShown),
        *m_matrices->classNames, m_selectedClass, tau());
}

void DatasetView::onTableSelectionChanged()
{
    const QModelIndexList rows = m_classTable->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        selectClass(rows.first().data(ClassTableModel::kClassIndexRole).toInt());
}

void DatasetView::updateRelations()
{
    if (!m_matrices)
        return;
    // Another τ, the same matrix: the zoom and pan stay.
    m_relationMatrix->setSource(
        std::make_shared<RelationMatrixSource>(*m_matrices, m_matrices->classOrder(m_order), tau()),
        /*keepView=*/true);
    updateSelection();
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
