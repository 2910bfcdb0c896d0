// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "dataset/relation_matrix_view.h"

namespace semrel::ui {

RelationMatrixView::RelationMatrixView(QWidget* parent) : CellImageWidget(parent)
{
    setObjectName(QStringLiteral("relationMatrix"));
}

QColor RelationMatrixView::relationColor(Relation relation)
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

void RelationMatrixView::setRelations(const SemanticRelations& relations,
                                      const QStringList& classNames)
{
    m_relations = relations;
    m_classNames = classNames;
    const int count = static_cast<int>(relations.classCount());
    const QRgb colors[] = {relationColor(Relation::Identical).rgb(),
                           relationColor(Relation::Similar).rgb(),
                           relationColor(Relation::Dissimilar).rgb()};
    QImage image(count, count, QImage::Format_RGB32);
    for (int r = 0; r < count; ++r) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(r));
        for (int m = 0; m < count; ++m)
            line[m] = colors[static_cast<int>(relations.relation(m, r))];
    }
    setImage(std::move(image), /*highlightColumnToo=*/true);
}

void RelationMatrixView::clear()
{
    m_relations.reset();
    m_classNames.clear();
    setImage(QImage(), false);
}

QString RelationMatrixView::cellToolTip(int row, int column) const
{
    if (!m_relations || row >= m_classNames.size() || column >= m_classNames.size())
        return {};
    return tr("%1 to %2: δ = %3, %4")
        .arg(m_classNames.at(column), m_classNames.at(row))
        .arg(double(m_relations->delta(column, row)), 0, 'f', 3)
        .arg(QString::fromUtf8(relationName(m_relations->relation(column, row))));
}

} // namespace semrel::ui
