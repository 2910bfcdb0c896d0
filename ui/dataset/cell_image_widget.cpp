// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "dataset/cell_image_widget.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace semrel::ui {

CellImageWidget::CellImageWidget(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void CellImageWidget::setSelectedRow(int row)
{
    if (row == m_selectedRow)
        return;
    m_selectedRow = row;
    update();
}

void CellImageWidget::setImage(QImage image, bool highlightColumnToo)
{
    m_image = std::move(image);
    m_highlightColumn = highlightColumnToo;
    if (m_selectedRow >= m_image.height())
        m_selectedRow = -1;
    update();
}

QRect CellImageWidget::imageRect() const
{
    return rect().adjusted(2, 2, -2, -2);
}

bool CellImageWidget::cellAt(QPoint position, int* row, int* column) const
{
    const QRect area = imageRect();
    if (m_image.isNull() || !area.contains(position))
        return false;
    *column = (position.x() - area.left()) * m_image.width() / area.width();
    *row = (position.y() - area.top()) * m_image.height() / area.height();
    return *row >= 0 && *row < m_image.height() && *column >= 0 && *column < m_image.width();
}

bool CellImageWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        int row = 0;
        int column = 0;
        const QString text =
            cellAt(help->pos(), &row, &column) ? cellToolTip(row, column) : QString();
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void CellImageWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (m_image.isNull())
        return;
    const QRect area = imageRect();
    // No smoothing: every cell keeps a crisp edge however far it is scaled up.
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(area, m_image);
    if (m_selectedRow < 0)
        return;
    const double cellHeight = double(area.height()) / m_image.height();
    const double cellWidth = double(area.width()) / m_image.width();
    painter.setPen(QPen(Qt::black, 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(area.left(), area.top() + m_selectedRow * cellHeight, area.width(),
                            std::max(cellHeight, 2.0)));
    if (m_highlightColumn)
        painter.drawRect(QRectF(area.left() + m_selectedRow * cellWidth, area.top(),
                                std::max(cellWidth, 2.0), area.height()));
}

void CellImageWidget::mousePressEvent(QMouseEvent* event)
{
    int row = 0;
    int column = 0;
    if (event->button() == Qt::LeftButton && cellAt(event->position().toPoint(), &row, &column))
        Q_EMIT rowClicked(row);
    QWidget::mousePressEvent(event);
}

} // namespace semrel::ui
