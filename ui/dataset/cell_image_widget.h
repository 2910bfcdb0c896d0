// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QWidget>

namespace semrel::ui {

// A grid of coloured cells drawn from a QImage with one pixel per cell, scaled without smoothing
// to the widget: fast even for 717 x 717 classes. Highlights a selected row (and, for square
// class x class grids, column); hovering shows a tooltip; clicking a cell selects its row.
class CellImageWidget : public QWidget
{
    Q_OBJECT

public:
    explicit CellImageWidget(QWidget* parent = nullptr);

    const QImage& image() const { return m_image; }
    int selectedRow() const { return m_selectedRow; }
    void setSelectedRow(int row);

    QSize sizeHint() const override { return {360, 240}; }
    QSize minimumSizeHint() const override { return {120, 80}; }

Q_SIGNALS:
    void rowClicked(int row);

protected:
    void setImage(QImage image, bool highlightColumnToo);
    // Text for the cell under the mouse; empty for none.
    virtual QString cellToolTip(int row, int column) const = 0;

    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QRect imageRect() const;
    bool cellAt(QPoint position, int* row, int* column) const;

    QImage m_image;
    bool m_highlightColumn = false;
    int m_selectedRow = -1;
};

} // namespace semrel::ui
