// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_charts_view.h"

#include <QLogValueAxis>
#include <QMouseEvent>
#include <QToolTip>
#include <QValueAxis>
#include <QWheelEvent>
#include <QXYSeries>

#include <cmath>

namespace semrel::ui {

TrainingChartView::TrainingChartView(QChart* chart, QWidget* parent) : QChartView(chart, parent)
{
    setRubberBand(QChartView::RectangleRubberBand);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
}

namespace {

// Every axis's range, to tell whether a mouse gesture zoomed.
QList<QPair<double, double>> axisRanges(const QChart* chart)
{
    QList<QPair<double, double>> ranges;
    for (QAbstractAxis* axis : chart->axes()) {
        if (auto* value = qobject_cast<QValueAxis*>(axis))
            ranges.append({value->min(), value->max()});
        else if (auto* log = qobject_cast<QLogValueAxis*>(axis))
            ranges.append({log->min(), log->max()});
    }
    return ranges;
}

} // namespace

void TrainingChartView::setZoomed(bool zoomed)
{
    m_zoomed = zoomed;
    Q_EMIT zoomChanged(zoomed);
}

void TrainingChartView::resetZoom()
{
    setZoomed(false);
}

void TrainingChartView::zoomAbout(const QPointF& center, double factor)
{
    const QRectF area = chart()->plotArea();
    const QPointF at = chart()->mapFromScene(mapToScene(center.toPoint()));
    if (!area.contains(at) || factor <= 0.0)
        return;
    const QRectF zoomed(at - (at - area.topLeft()) / factor, area.size() / factor);
    chart()->zoomIn(zoomed);
    setZoomed(true);
}

void TrainingChartView::mouseReleaseEvent(QMouseEvent* event)
{
    const auto before = axisRanges(chart());
    QChartView::mouseReleaseEvent(event); // a rubber band zooms in, a right-click zooms out
    if (axisRanges(chart()) != before)
        setZoomed(true);
}

void TrainingChartView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        resetZoom();
    event->accept();
}

void TrainingChartView::wheelEvent(QWheelEvent* event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches != 0.0)
        zoomAbout(event->position(), std::pow(1.25, notches));
    event->accept();
}

void TrainingChartView::mouseMoveEvent(QMouseEvent* event)
{
    QChartView::mouseMoveEvent(event);
    const QString text = describeAt(event->position().toPoint());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

QString TrainingChartView::describeAt(const QPoint& position) const
{
    if (!m_describe)
        return {};
    const QXYSeries* nearest = nullptr;
    qsizetype nearestIndex = -1;
    double nearestDistance = kHoverRadiusPx * kHoverRadiusPx;
    for (QAbstractSeries* abstract : chart()->series()) {
        auto* series = qobject_cast<QXYSeries*>(abstract);
        if (!series || !series->isVisible())
            continue;
        const QList<QPointF> points = series->points();
        for (qsizetype i = 0; i < points.size(); ++i) {
            const QPointF at =
                mapFromScene(chart()->mapToScene(chart()->mapToPosition(points[i], series)));
            const QPointF d = at - QPointF(position);
            const double distance = QPointF::dotProduct(d, d);
            if (distance <= nearestDistance) {
                nearest = series;
                nearestIndex = i;
                nearestDistance = distance;
            }
        }
    }
    return nearest ? m_describe(nearest, nearestIndex) : QString();
}

} // namespace semrel::ui
