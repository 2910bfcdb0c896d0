// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "dataset/cell_image_widget.h"

#include <semrel/matrix.h>

#include <QStringList>

namespace semrel::ui {

// Class x attribute heat map of the raw class embeddings. Each attribute column is coloured
// from its own minimum (light) to its maximum (dark), since attributes come in different units.
class AttributeHeatMap : public CellImageWidget
{
    Q_OBJECT

public:
    explicit AttributeHeatMap(QWidget* parent = nullptr);

    // `embeddings` [C, a]; `classNames` has C entries.
    void setEmbeddings(const FloatMatrix& embeddings, const QStringList& classNames);

protected:
    QString cellToolTip(int row, int column) const override;

private:
    FloatMatrix m_embeddings;
    QStringList m_classNames;
};

} // namespace semrel::ui
