// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "zoom/zoom_axis.h"
#include "zoom/zoom_pan_widget.h"

#include <semrel/exploration/class_accuracy_bars.h>

#include <QStringList>

#include <memory>
#include <vector>

class QScrollBar;

namespace semrel::ui {

// Per-class top-1 accuracy as bars, one per class in the order given (by accuracy, name or
// samples: barOrder(), core), unseen classes in orange and seen ones in blue. It zooms (wheel,
// + and -) and scrolls (drag, the scroll bar, arrows) along the classes; names show under the
// bars where there is room and on hover. Bars narrower than two pixels are drawn per bin of at
// least a pixel, each the mean of its classes with their range (barBins(), core), so that 20,000
// classes read as a curve instead of hairlines. Clicking a bar asks for its class's samples; a
// click where bars are too thin zooms in there.
class ClassAccuracyChart : public ZoomPanWidget
{
    Q_OBJECT

public:
    static const QColor kUnseenColor;
    static const QColor kSeenColor;

    explicit ClassAccuracyChart(QWidget* parent = nullptr);

    // nullptr bars clear the chart. `names` covers every class of the dataset. With keepView
    // the zoom stays (another order of the same bars).
    void setBars(std::shared_ptr<const std::vector<ClassBar>> bars,
                 std::shared_ptr<const std::vector<std::int32_t>> order,
                 std::shared_ptr<const QStringList> names, const QString& title,
                 bool keepView = false);

    int barCount() const;
    // Percent shown at bar position i (NaN for a class without samples); its class; -1 outside.
    double barValue(int position) const;
    int barClass(int position) const;
    // A new title over the same bars (a progress line while there are none).
    void setTitle(const QString& title);
    QString title() const { return m_title; }

    const ZoomAxis& axis() const { return m_axis; }
    QRectF plotRect() const;
    QPoint barCenter(int position) const;
    // The bar position under a widget point, -1 for none.
    int barAt(QPointF point) const;
    QString toolTipAt(QPointF point) const override;
    // The bar positions whose class names are drawn now.
    std::vector<std::int64_t> labelledBars() const;
    // Whether bars are drawn one by one (else per bin of several).
    bool drawsSingleBars() const;

    void fit() override;
    void zoomBy(double factor) override;
    // Zooms in until names are readable, if they are not, and scrolls to the bar.
    void showBar(int position);

    QSize sizeHint() const override { return {480, 280}; }
    QSize minimumSizeHint() const override { return {240, 180}; }

Q_SIGNALS:
    void classClicked(int classIndex);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void zoomAt(double factor, QPointF at) override;
    void panBy(QPointF pixels) override;
    // On a single bar: classClicked(); on a bin of bars: zooms in there.
    void clickAt(QPointF at) override;
    double arrowStep() const override; // a quarter of the plot's width

private:
    const ClassBar* barAtPosition(int position) const;
    // The height under the bars for their names.
    double nameRoom() const;
    QString className(int classIndex) const;
    void layoutAxis();
    void viewChanged();
    void syncScrollBar();
    void paintValueAxis(QPainter& painter, const QRectF& plot) const;
    void paintSingleBars(QPainter& painter, const QRectF& plot) const;
    void paintBinnedBars(QPainter& painter, const QRectF& plot) const;
    void paintNames(QPainter& painter, const QRectF& plot) const;
    void paintLegend(QPainter& painter, const QRectF& plot) const;

    std::shared_ptr<const std::vector<ClassBar>> m_bars;
    std::shared_ptr<const std::vector<std::int32_t>> m_order;
    std::shared_ptr<const QStringList> m_names;
    QString m_title;
    ZoomAxis m_axis;
    int m_nameHeight = 0; // room under the bars for their (rotated) names
    QScrollBar* m_scroll;
    bool m_syncingScroll = false;
};

} // namespace semrel::ui
