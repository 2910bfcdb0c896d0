// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "dataset/class_neighbours_view.h"

#include "dataset/relation_matrix_view.h"

#include <semrel/method/dataset_relations.h>

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>

namespace semrel::ui {

namespace {

QIcon swatch(Relation relation)
{
    QPixmap pixmap(10, 10);
    pixmap.fill(RelationMatrixView::relationColor(relation));
    return QIcon(pixmap);
}

void fill(QListWidget* list, const SemanticRelations& relations, const QStringList& names,
          int reference, const std::vector<std::int32_t>& classes)
{
    list->clear();
    for (std::int32_t m : classes) {
        if (m >= names.size())
            continue;
        const Relation relation = relations.relation(m, reference);
        auto* item = new QListWidgetItem(swatch(relation),
                                         QStringLiteral("%1   δ = %2")
                                             .arg(names.at(m))
                                             .arg(double(relations.delta(m, reference)), 0, 'f', 3),
                                         list);
        item->setData(Qt::UserRole, m);
        item->setToolTip(QString::fromUtf8(relationName(relation)));
    }
}

} // namespace

ClassNeighboursView::ClassNeighboursView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_similar(new QListWidget(this)),
      m_dissimilar(new QListWidget(this))
{
    m_similar->setObjectName(QStringLiteral("similarClasses"));
    m_dissimilar->setObjectName(QStringLiteral("dissimilarClasses"));
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title, 0, 0, 1, 2);
    layout->addWidget(new QLabel(tr("Most similar"), this), 1, 0);
    layout->addWidget(new QLabel(tr("Most dissimilar"), this), 1, 1);
    layout->addWidget(m_similar, 2, 0);
    layout->addWidget(m_dissimilar, 2, 1);
    for (QListWidget* list : {m_similar, m_dissimilar}) {
        list->setUniformItemSizes(true);
        connect(list, &QListWidget::itemActivated, this, &ClassNeighboursView::onItemActivated);
        connect(list, &QListWidget::itemClicked, this, &ClassNeighboursView::onItemActivated);
    }
    clear();
}

void ClassNeighboursView::showNeighbours(const SemanticRelations& relations,
                                         const QStringList& classNames, int classIndex)
{
    if (classIndex < 0 || classIndex >= relations.classCount() || classIndex >= classNames.size()) {
        clear();
        return;
    }
    const std::vector<std::int32_t> order = classesBySimilarity(relations, classIndex);
    // With few classes the two lists share no class: the more similar half, the less similar rest.
    const auto similarCount = std::min<std::size_t>(kShown, (order.size() + 1) / 2);
    const auto dissimilarCount = std::min<std::size_t>(kShown, order.size() / 2);
    fill(m_similar, relations, classNames, classIndex,
         {order.begin(), order.begin() + similarCount});
    fill(m_dissimilar, relations, classNames, classIndex,
         {order.rbegin(), order.rbegin() + dissimilarCount});
    m_title->setText(tr("Neighbours of <b>%1</b> by δ (τ = %2)")
                         .arg(classNames.at(classIndex).toHtmlEscaped())
                         .arg(relations.tau(), 0, 'f', 2));
}

void ClassNeighboursView::clear()
{
    m_similar->clear();
    m_dissimilar->clear();
    m_title->setText(tr("Select a class to see its neighbours."));
}

void ClassNeighboursView::onItemActivated(QListWidgetItem* item)
{
    if (item)
        Q_EMIT classClicked(item->data(Qt::UserRole).toInt());
}

} // namespace semrel::ui
