// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/confusion_panel.h"

#include "predictions/confusion_matrix_source.h"
#include "zoom/matrix_view.h"

#include <semrel/exploration/matrix_order.h>

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace semrel::ui {

ConfusionPanel::ConfusionPanel(QWidget* parent)
    : QWidget(parent), m_orderBox(new QComboBox(this)), m_matrix(new MatrixView(this)),
      m_pairs(new QTreeWidget(this))
{
    m_matrix->setObjectName(QStringLiteral("confusionMatrix"));
    m_matrix->setAxisTitles(tr("true class"), tr("predicted class"));
    m_matrix->setEmptyText(tr("No predictions"));
    m_orderBox->setObjectName(QStringLiteral("confusionOrder"));
    m_orderBox->addItem(tr("similar classes together"), int(ConfusionOrder::BySimilarity));
    m_orderBox->addItem(tr("unseen first, then seen"), int(ConfusionOrder::UnseenFirst));
    m_orderBox->addItem(tr("by name"), int(ConfusionOrder::ByName));
    connect(m_orderBox, &QComboBox::currentIndexChanged, this, [this](int) {
        setOrder(static_cast<ConfusionOrder>(m_orderBox->currentData().toInt()));
    });

    m_pairs->setObjectName(QStringLiteral("confusedPairs"));
    m_pairs->setHeaderLabels({tr("True"), tr("Predicted"), tr("Samples"), tr("Share")});
    m_pairs->setRootIsDecorated(false);
    m_pairs->setUniformRowHeights(true);
    m_pairs->setTextElideMode(Qt::ElideMiddle);
    m_pairs->header()->setStretchLastSection(false);
    m_pairs->header()->setSectionResizeMode(TrueColumn, QHeaderView::Stretch);
    m_pairs->header()->setSectionResizeMode(PredictedColumn, QHeaderView::Stretch);
    m_pairs->header()->setSectionResizeMode(SamplesColumn, QHeaderView::ResizeToContents);
    m_pairs->header()->setSectionResizeMode(ShareColumn, QHeaderView::ResizeToContents);
    connect(m_pairs, &QTreeWidget::itemClicked, this, &ConfusionPanel::onPairActivated);
    connect(m_pairs, &QTreeWidget::itemActivated, this, &ConfusionPanel::onPairActivated);
    connect(m_matrix, &MatrixView::cellClicked, this, [this](qint64 row, qint64 column) {
        if (!m_charts)
            return;
        const Order& order = *m_charts->classOrder(m_order);
        Q_EMIT cellChosen(order[std::size_t(row)], order[std::size_t(column)]);
    });

    auto* orderRow = new QHBoxLayout;
    orderRow->addWidget(new QLabel(tr("Order classes:"), this));
    orderRow->addWidget(m_orderBox);
    orderRow->addStretch(1);
    auto* matrixSide = new QWidget(this);
    auto* matrixLayout = new QVBoxLayout(matrixSide);
    matrixLayout->setContentsMargins(0, 0, 0, 0);
    matrixLayout->addLayout(orderRow);
    matrixLayout->addWidget(m_matrix, 1);

    auto* pairsBox = new QGroupBox(tr("Most confused pairs"), this);
    auto* pairsLayout = new QVBoxLayout(pairsBox);
    pairsLayout->setContentsMargins(4, 4, 4, 4);
    pairsLayout->addWidget(m_pairs);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("confusionSplitter"));
    splitter->addWidget(matrixSide);
    splitter->addWidget(pairsBox);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({500, 300});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void ConfusionPanel::setCharts(const SettingCharts* charts,
                               std::shared_ptr<const QStringList> classNames)
{
    m_charts = charts && classNames ? charts : nullptr;
    m_names = m_charts ? std::move(classNames) : nullptr;
    applySource();
    fillPairs();
}

void ConfusionPanel::setEmptyText(const QString& text)
{
    m_matrix->setEmptyText(text);
}

void ConfusionPanel::setOrder(ConfusionOrder order)
{
    m_order = order;
    {
        const QSignalBlocker blocker(m_orderBox);
        m_orderBox->setCurrentIndex(m_orderBox->findData(int(order)));
    }
    applySource();
}

void ConfusionPanel::applySource()
{
    if (!m_charts) {
        m_positions.clear();
        m_matrix->setSource(nullptr);
        return;
    }
    const std::shared_ptr<const Order>& order = m_charts->classOrder(m_order);
    m_positions = positionsIn(*order, m_charts->counts->classCount());
    m_matrix->setSource(std::make_shared<ConfusionMatrixSource>(m_charts->counts, order, m_names));
}

std::int64_t ConfusionPanel::positionOf(int classIndex) const
{
    return classIndex >= 0 && static_cast<std::size_t>(classIndex) < m_positions.size()
               ? m_positions[static_cast<std::size_t>(classIndex)]
               : -1;
}

void ConfusionPanel::highlight(int trueClass, int predictedClass, bool zoomTo)
{
    const std::int64_t row = positionOf(trueClass);
    const std::int64_t column = positionOf(predictedClass);
    m_matrix->setHighlight(row, column);
    if (zoomTo && row >= 0 && column >= 0)
        m_matrix->showCell(row, column);
}

void ConfusionPanel::fillPairs()
{
    m_pairs->clear();
    if (!m_charts)
        return;
    for (const ConfusedPair& p : m_charts->mostConfused) {
        auto* item = new QTreeWidgetItem(m_pairs);
        item->setText(TrueColumn, m_names->value(p.trueClass));
        item->setText(PredictedColumn, m_names->value(p.predictedClass));
        item->setText(SamplesColumn, QString::number(p.count));
        item->setText(ShareColumn, QStringLiteral("%1%").arg(100.0 * p.share, 0, 'f', 0));
        item->setTextAlignment(SamplesColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(ShareColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(TrueColumn, Qt::UserRole, p.trueClass);
        item->setData(PredictedColumn, Qt::UserRole, p.predictedClass);
        item->setToolTip(
            TrueColumn, tr("%1 taken for %2: %n sample(s), %3% of the class", nullptr, int(p.count))
                            .arg(m_names->value(p.trueClass), m_names->value(p.predictedClass))
                            .arg(100.0 * p.share, 0, 'f', 1));
    }
}

void ConfusionPanel::onPairActivated(QTreeWidgetItem* item)
{
    if (!item)
        return;
    const int t = item->data(TrueColumn, Qt::UserRole).toInt();
    const int p = item->data(PredictedColumn, Qt::UserRole).toInt();
    highlight(t, p, /*zoomTo=*/true);
    Q_EMIT cellChosen(t, p);
}

} // namespace semrel::ui
