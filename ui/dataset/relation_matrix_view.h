// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "dataset/cell_image_widget.h"

#include <semrel/method/semantic_relations.h>

#include <QColor>
#include <QStringList>

#include <optional>

namespace semrel::ui {

// Class x class matrix of the relation at the current τ: identical / similar / dissimilar, as
// SemanticRelations decides. Row r, column m shows the relation of m to the reference class r.
class RelationMatrixView : public CellImageWidget
{
    Q_OBJECT

public:
    explicit RelationMatrixView(QWidget* parent = nullptr);

    static QColor relationColor(Relation relation);

    void setRelations(const SemanticRelations& relations, const QStringList& classNames);
    void clear();
    const std::optional<SemanticRelations>& relations() const { return m_relations; }

protected:
    QString cellToolTip(int row, int column) const override;

private:
    std::optional<SemanticRelations> m_relations;
    QStringList m_classNames;
};

} // namespace semrel::ui
