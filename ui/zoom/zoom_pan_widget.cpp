// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "zoom/zoom_pan_widget.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace semrel::ui {

namespace {

constexpr double kDragThreshold = 4.0; // pixels a press may move and still be a click

} // namespace

bool ZoomPanWidget::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto* help = static_cast<QHelpEvent*>(event);
    const QString text = toolTipAt(help->pos());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, this);
    return true;
}

void ZoomPanWidget::wheelEvent(QWheelEvent* event)
{
    const QPoint delta = event->angleDelta();
    if (delta.y() != 0)
        zoomAt(std::pow(2.0, delta.y() / 480.0), event->position());
    if (delta.x() != 0)
        panBy(QPointF(-delta.x() / 2.0, 0.0));
    event->accept();
}

void ZoomPanWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressed = true;
        m_dragging = false;
        m_pressPoint = m_lastDragPoint = event->position();
    }
    QWidget::mousePressEvent(event);
}

void ZoomPanWidget::mouseMoveEvent(QMouseEvent* event)
{
    if (m_pressed) {
        const QPointF point = event->position();
        if (!m_dragging && (point - m_pressPoint).manhattanLength() > kDragThreshold) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            const QPointF moved = m_lastDragPoint - point;
            m_lastDragPoint = point;
            panBy(moved);
        }
    }
    QWidget::mouseMoveEvent(event);
}

void ZoomPanWidget::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && m_pressed) {
        const bool click = !m_dragging;
        m_pressed = m_dragging = false;
        unsetCursor();
        if (click)
            clickAt(event->position());
    }
    QWidget::mouseReleaseEvent(event);
}

void ZoomPanWidget::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(2.0);
        return;
    case Qt::Key_Minus:
        zoomBy(0.5);
        return;
    case Qt::Key_0:
    case Qt::Key_Home:
        fit();
        return;
    case Qt::Key_Left:
    case Qt::Key_Right:
        panBy(QPointF(event->key() == Qt::Key_Left ? -arrowStep() : arrowStep(), 0.0));
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace semrel::ui
