// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// ClassAccuracyChart's painting: the value axis, the bars (one by one or per bin), the names
// under them, the legend.
#include "predictions/class_accuracy_chart.h"
#include "zoom/axis_labels.h"

#include <QPainter>

#include <cmath>
#include <tuple>

namespace semrel::ui {

namespace {

QColor mixed(double unseenShare)
{
    const QColor& a = ClassAccuracyChart::kSeenColor;
    const QColor& b = ClassAccuracyChart::kUnseenColor;
    const auto channel = [unseenShare](int x, int y) {
        return static_cast<int>(std::lround(x + unseenShare * (y - x)));
    };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()),
                  channel(a.blue(), b.blue()));
}

} // namespace

void ClassAccuracyChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const QFontMetrics metrics(font());
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRectF(0, 2, width(), metrics.height() + 4), Qt::AlignCenter, m_title);
    painter.setFont(font());
    const QRectF plot = plotRect();
    paintValueAxis(painter, plot);
    if (!m_bars || barCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(plot, Qt::AlignCenter, tr("No predictions"));
        return;
    }
    painter.save();
    painter.setClipRect(plot);
    if (drawsSingleBars())
        paintSingleBars(painter, plot);
    else
        paintBinnedBars(painter, plot);
    painter.restore();
    paintNames(painter, plot);
    paintLegend(painter, plot);
}

void ClassAccuracyChart::paintValueAxis(QPainter& painter, const QRectF& plot) const
{
    const QFontMetrics metrics(font());
    QColor grid = palette().color(QPalette::Mid);
    grid.setAlpha(90);
    for (int percent = 0; percent <= 100; percent += 25) {
        const double y = plot.bottom() - plot.height() * percent / 100.0;
        painter.setPen(grid);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRectF(0, y - metrics.height() / 2.0, plot.left() - 4, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("%1%").arg(percent));
    }
    painter.save();
    painter.translate(2, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), metrics.height() + 2),
                     Qt::AlignCenter, tr("top-1 accuracy"));
    painter.restore();
}

void ClassAccuracyChart::paintSingleBars(QPainter& painter, const QRectF& plot) const
{
    const double width = m_axis.pixelsPerPosition();
    const double gap = width >= 4.0 ? 1.0 : 0.0;
    const auto first = static_cast<int>(std::floor(m_axis.first()));
    const auto end = std::min(barCount(), static_cast<int>(std::ceil(m_axis.last())));
    for (int p = first; p < end; ++p) {
        const ClassBar* bar = barAtPosition(p);
        if (!bar || std::isnan(bar->accuracy))
            continue;
        const double x = plot.left() + m_axis.pixelOf(p);
        const double h = plot.height() * bar->accuracy;
        painter.fillRect(QRectF(x, plot.bottom() - h, width - gap, h),
                         bar->unseen ? kUnseenColor : kSeenColor);
    }
}

void ClassAccuracyChart::paintBinnedBars(QPainter& painter, const QRectF& plot) const
{
    const AxisBins window =
        axisBinsFor(m_axis.length(), m_axis.first(), m_axis.last(), m_axis.pixels());
    const BarBins bins = barBins(*m_bars, *m_order, window);
    for (std::int64_t b = 0; b < window.count(); ++b) {
        const auto k = static_cast<std::size_t>(b);
        if (std::isnan(bins.mean[k]))
            continue;
        const double x0 = plot.left() + m_axis.pixelOf(double(window.binBegin(b)));
        const double x1 = plot.left() + m_axis.pixelOf(double(window.binEnd(b)));
        const QColor color = mixed(bins.unseenShare[k]);
        const double h = plot.height() * bins.mean[k];
        painter.fillRect(QRectF(x0, plot.bottom() - h, x1 - x0, h), color.lighter(125));
        // The range of the bin's classes, as a darker stroke.
        const double yLow = plot.bottom() - plot.height() * bins.low[k];
        const double yHigh = plot.bottom() - plot.height() * bins.high[k];
        painter.fillRect(QRectF(x0, yHigh, x1 - x0, std::max(1.0, yLow - yHigh)),
                         color.darker(115));
    }
}

void ClassAccuracyChart::paintNames(QPainter& painter, const QRectF& plot) const
{
    const QFontMetrics metrics(font());
    const double room = nameRoom() - 6;
    if (room <= metrics.height())
        return;
    const bool ticks = labelStep(m_axis.pixelsPerPosition(), metrics.height()) > 1;
    painter.setPen(palette().color(QPalette::Text));
    for (const std::int64_t p : labelledBars()) {
        const double x = plot.left() + m_axis.pixelOf(double(p) + 0.5);
        if (x < plot.left() || x > plot.right())
            continue;
        const ClassBar* bar = barAtPosition(int(p));
        const QString name =
            metrics.elidedText(className(bar ? bar->classIndex : -1), Qt::ElideMiddle, int(room));
        painter.save();
        // Rotated a quarter turn: the name reads downwards from just below its bar.
        painter.translate(x, plot.bottom() + 4);
        painter.rotate(90);
        painter.drawText(QRectF(0, -metrics.height() / 2.0, room, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, name);
        painter.restore();
        if (ticks)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3));
    }
}

void ClassAccuracyChart::paintLegend(QPainter& painter, const QRectF& plot) const
{
    bool seen = false;
    bool unseen = false;
    for (const ClassBar& bar : *m_bars) {
        (bar.unseen ? unseen : seen) = true;
        if (seen && unseen)
            break;
    }
    const QFontMetrics metrics(font());
    double x = plot.right() - 4;
    const double y = plot.top() + 4;
    using Entry = std::tuple<bool, QColor, QString>;
    for (const auto& [present, color, text] :
         {Entry{seen, kSeenColor, tr("seen")}, Entry{unseen, kUnseenColor, tr("unseen")}}) {
        if (!present)
            continue;
        const double w = metrics.height() * 0.8 + 4 + metrics.horizontalAdvance(text) + 8;
        x -= w;
        painter.fillRect(QRectF(x, y, w, metrics.height() + 2), QColor(255, 255, 255, 200));
        painter.fillRect(
            QRectF(x + 2, y + 3, metrics.height() * 0.8 - 2, metrics.height() * 0.8 - 2), color);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRectF(x + metrics.height() * 0.8 + 4, y, w, metrics.height() + 2),
                         Qt::AlignLeft | Qt::AlignVCenter, text);
    }
}

} // namespace semrel::ui
