// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QChartView>

#include <functional>

class QXYSeries;

namespace semrel::ui {

// One chart of the training curves, explorable: drag a rectangle to zoom in, turn the wheel to
// zoom about the cursor, right-click to zoom out a step, double-click to see the whole run
// again. Hovering shows the nearest point's values (within a few pixels), as the owner's
// describer words them. Zooming leaves the ranges to the user until zoomChanged(false).
class TrainingChartView : public QChartView
{
    Q_OBJECT

public:
    // The tooltip of a series' point: "ZSL, epoch 3: 45.2 %". Empty for none.
    using PointDescriber = std::function<QString(const QXYSeries* series, qsizetype index)>;

    static constexpr int kHoverRadiusPx = 8;

    explicit TrainingChartView(QChart* chart, QWidget* parent = nullptr);

    void setPointDescriber(PointDescriber describer) { m_describe = std::move(describer); }
    bool isZoomed() const { return m_zoomed; }
    // Shows the whole run again (zoomChanged(false): the owner sets the ranges).
    void resetZoom();
    // Zooms about `center` (viewport coordinates) by `factor` (> 1 zooms in).
    void zoomAbout(const QPointF& center, double factor);
    // What hovering at `position` (viewport coordinates) shows; empty when no point is near.
    QString describeAt(const QPoint& position) const;

Q_SIGNALS:
    void zoomChanged(bool zoomed);

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void setZoomed(bool zoomed);

    PointDescriber m_describe;
    bool m_zoomed = false;
};

} // namespace semrel::ui
