// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QString>
#include <QWidget>

namespace semrel::ui {

// The mouse and keys of the zoomable views (the confusion and relation matrices, the per-class
// bars): the wheel zooms about the pointer (a notch about 1.19x) and pans sideways with a
// horizontal wheel; dragging with the left button pans, with a closed hand; a press released
// within a few pixels is a click; hovering shows toolTipAt(). Keys: + (or =) zooms in 2x, - zooms
// out, 0 and Home fit, the left and right arrows pan by arrowStep(). A view says what each of
// these does to it.
class ZoomPanWidget : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    // What hovering the widget point says (empty: no tooltip).
    virtual QString toolTipAt(QPointF point) const = 0;
    // Shows all of the content.
    virtual void fit() = 0;
    // Zooms by `factor` (> 1: in) about the centre of the content's area.
    virtual void zoomBy(double factor) = 0;

protected:
    // A click on an aggregate of many items (a bin) zooms in this much.
    static constexpr double kClickZoom = 4.0;

    // Zooms by `factor` (> 1: in) keeping the content under the widget point `at` in place.
    virtual void zoomAt(double factor, QPointF at) = 0;
    // Moves the view by `pixels` (positive: towards later rows and columns).
    virtual void panBy(QPointF pixels) = 0;
    // A click (left button, no drag) at the widget point `at`.
    virtual void clickAt(QPointF at) = 0;
    // How many pixels an arrow key pans.
    virtual double arrowStep() const = 0;

    bool event(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QPointF m_pressPoint;
    QPointF m_lastDragPoint;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace semrel::ui
