// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "dataset/class_neighbours_view.h"

#include "dataset/dataset_matrix_sources.h"

#include <semrel/method/semantic_relations.h>

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QTreeWidget>

namespace semrel::ui {

namespace {

QIcon swatch(Relation relation)
{
    QPixmap pixmap(10, 10);
    pixmap.fill(RelationMatrixSource::relationColor(relation));
    return QIcon(pixmap);
}

void fill(QTreeWidget* list, const std::vector<ClassNeighbour>& neighbours,
          const QStringList& names, int reference, double tau)
{
    list->clear();
    for (const ClassNeighbour& n : neighbours) {
        const Relation relation = relationOf(n.classIndex, reference, n.delta, tau);
        auto* item = new QTreeWidgetItem(list);
        item->setIcon(ClassNeighboursView::ClassColumn, swatch(relation));
        item->setText(ClassNeighboursView::ClassColumn, names.value(n.classIndex));
        item->setText(ClassNeighboursView::DeltaColumn, QString::number(n.delta, 'f', 3));
        item->setTextAlignment(ClassNeighboursView::DeltaColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(ClassNeighboursView::ClassColumn, Qt::UserRole, n.classIndex);
        const QString tip = QStringLiteral("%1: δ = %2, %3")
                                .arg(names.value(n.classIndex))
                                .arg(double(n.delta), 0, 'f', 3)
                                .arg(QString::fromUtf8(relationName(relation)));
        item->setToolTip(ClassNeighboursView::ClassColumn, tip);
        item->setToolTip(ClassNeighboursView::DeltaColumn, tip);
    }
}

QTreeWidget* makeList(const QString& objectName, QWidget* parent)
{
    auto* list = new QTreeWidget(parent);
    list->setObjectName(objectName);
    list->setColumnCount(2);
    list->setHeaderLabels({ClassNeighboursView::tr("Class"), ClassNeighboursView::tr("δ")});
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setTextElideMode(Qt::ElideMiddle);
    // δ keeps the width of its numbers; the name takes the rest and is elided when long.
    list->header()->setStretchLastSection(false);
    list->header()->setSectionResizeMode(ClassNeighboursView::ClassColumn, QHeaderView::Stretch);
    list->header()->setSectionResizeMode(ClassNeighboursView::DeltaColumn,
                                         QHeaderView::ResizeToContents);
    list->setMinimumWidth(list->fontMetrics().horizontalAdvance(QStringLiteral("W-0.000  W")) * 2);
    return list;
}

} // namespace

ClassNeighboursView::ClassNeighboursView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)),
      m_similar(makeList(QStringLiteral("similarClasses"), this)),
      m_dissimilar(makeList(QStringLiteral("dissimilarClasses"), this))
{
    m_title->setWordWrap(true);
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // One list above the other: side by side, two lists wide enough for their δ would take the
    // class table's room at the default window size.
    layout->addWidget(m_title, 0, 0);
    layout->addWidget(new QLabel(tr("Most similar"), this), 1, 0);
    layout->addWidget(m_similar, 2, 0);
    layout->addWidget(new QLabel(tr("Most dissimilar"), this), 3, 0);
    layout->addWidget(m_dissimilar, 4, 0);
    for (QTreeWidget* list : {m_similar, m_dissimilar}) {
        connect(list, &QTreeWidget::itemActivated, this, &ClassNeighboursView::onItemActivated);
        connect(list, &QTreeWidget::itemClicked, this, &ClassNeighboursView::onItemActivated);
    }
    clear();
}

void ClassNeighboursView::showNeighbours(const ClassNeighbours& neighbours,
                                         const QStringList& classNames, int classIndex, double tau)
{
    if (classIndex < 0 || classIndex >= classNames.size()) {
        clear();
        return;
    }
    fill(m_similar, neighbours.similar, classNames, classIndex, tau);
    fill(m_dissimilar, neighbours.dissimilar, classNames, classIndex, tau);
    m_title->setText(tr("Neighbours of <b>%1</b> by δ (τ = %2)")
                         .arg(classNames.at(classIndex).toHtmlEscaped())
                         .arg(tau, 0, 'f', 2));
}

void ClassNeighboursView::clear()
{
    m_similar->clear();
    m_dissimilar->clear();
    m_title->setText(tr("Select a class to see its neighbours."));
}

void ClassNeighboursView::onItemActivated(QTreeWidgetItem* item)
{
    if (item)
        Q_EMIT classClicked(item->data(ClassColumn, Qt::UserRole).toInt());
}

} // namespace semrel::ui
