// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/class_accuracy_chart.h"

#include "zoom/axis_labels.h"

#include <QScrollBar>

#include <algorithm>
#include <cmath>
#include <limits>

namespace semrel::ui {

namespace {

constexpr double kSingleBarPixels = 2.0; // narrower bars are drawn per bin
constexpr int kScrollUnits = 100;        // scroll bar steps per bar: smooth at any zoom
constexpr int kNameSample = 400;         // names measured to size the room under the bars
constexpr double kNameShare = 0.35;      // of the height, at most, for the names under the bars

} // namespace

const QColor ClassAccuracyChart::kUnseenColor(0xe0, 0x7b, 0x1f);
const QColor ClassAccuracyChart::kSeenColor(0x42, 0x6e, 0xb4);

ClassAccuracyChart::ClassAccuracyChart(QWidget* parent)
    : ZoomPanWidget(parent), m_scroll(new QScrollBar(Qt::Horizontal, this))
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_scroll->hide();
    connect(m_scroll, &QScrollBar::valueChanged, this, [this](int value) {
        if (m_syncingScroll)
            return;
        m_axis.showRange(double(value) / kScrollUnits,
                         double(value) / kScrollUnits + m_axis.span());
        viewChanged();
    });
}

void ClassAccuracyChart::setBars(std::shared_ptr<const std::vector<ClassBar>> bars,
                                 std::shared_ptr<const std::vector<std::int32_t>> order,
                                 std::shared_ptr<const QStringList> names, const QString& title,
                                 bool keepView)
{
    const bool sameLength = bars && m_bars && bars->size() == m_bars->size();
    m_bars = bars && order && names ? std::move(bars) : nullptr;
    m_order = m_bars ? std::move(order) : nullptr;
    m_names = m_bars ? std::move(names) : nullptr;
    m_title = title;
    m_nameHeight = 0;
    if (m_bars) {
        const QFontMetrics metrics(font());
        const std::size_t step = std::max<std::size_t>(1, m_bars->size() / kNameSample);
        for (std::size_t i = 0; i < m_bars->size(); i += step)
            m_nameHeight = std::max(m_nameHeight,
                                    metrics.horizontalAdvance(className((*m_bars)[i].classIndex)));
        m_nameHeight += 8;
    }
    if (!(keepView && sameLength))
        m_axis.setLength(barCount());
    layoutAxis();
    viewChanged();
}

void ClassAccuracyChart::setTitle(const QString& title)
{
    m_title = title;
    update();
}

int ClassAccuracyChart::barCount() const
{
    return m_order ? static_cast<int>(m_order->size()) : 0;
}

const ClassBar* ClassAccuracyChart::barAtPosition(int position) const
{
    if (position < 0 || position >= barCount())
        return nullptr;
    const std::int32_t i = (*m_order)[static_cast<std::size_t>(position)];
    return i >= 0 && static_cast<std::size_t>(i) < m_bars->size()
               ? &(*m_bars)[static_cast<std::size_t>(i)]
               : nullptr;
}

double ClassAccuracyChart::barValue(int position) const
{
    const ClassBar* bar = barAtPosition(position);
    return bar ? 100.0 * bar->accuracy : std::numeric_limits<double>::quiet_NaN();
}

int ClassAccuracyChart::barClass(int position) const
{
    const ClassBar* bar = barAtPosition(position);
    return bar ? bar->classIndex : -1;
}

QString ClassAccuracyChart::className(int classIndex) const
{
    return m_names && classIndex >= 0 && classIndex < m_names->size() ? m_names->at(classIndex)
                                                                      : QString::number(classIndex);
}

double ClassAccuracyChart::nameRoom() const
{
    return std::min<double>(m_nameHeight, height() * kNameShare);
}

QRectF ClassAccuracyChart::plotRect() const
{
    const QFontMetrics metrics(font());
    const double left =
        metrics.height() + 6 + metrics.horizontalAdvance(QStringLiteral("100%")) + 6;
    const double top = metrics.height() + 10;
    const double names = nameRoom();
    const double scroll = m_scroll->isVisible() ? m_scroll->sizeHint().height() : 0.0;
    const double bottom = names + scroll + 4;
    return QRectF(left, top, std::max(1.0, width() - left - 8),
                  std::max(1.0, height() - top - bottom));
}

void ClassAccuracyChart::layoutAxis()
{
    const QRectF plot = plotRect();
    m_axis.setPixels(plot.width());
    m_scroll->setGeometry(int(plot.left()), height() - m_scroll->sizeHint().height(),
                          int(plot.width()), m_scroll->sizeHint().height());
}

void ClassAccuracyChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    layoutAxis();
    viewChanged();
}

void ClassAccuracyChart::viewChanged()
{
    syncScrollBar();
    update();
}

void ClassAccuracyChart::syncScrollBar()
{
    const bool needed = !m_axis.isFitted();
    if (needed != m_scroll->isVisible()) {
        m_scroll->setVisible(needed);
        layoutAxis(); // the plot gives or takes the scroll bar's height
    }
    m_syncingScroll = true;
    m_scroll->setRange(0, int(std::lround((m_axis.length() - m_axis.span()) * kScrollUnits)));
    m_scroll->setPageStep(int(std::lround(m_axis.span() * kScrollUnits)));
    m_scroll->setSingleStep(kScrollUnits);
    m_scroll->setValue(int(std::lround(m_axis.first() * kScrollUnits)));
    m_syncingScroll = false;
}

bool ClassAccuracyChart::drawsSingleBars() const
{
    return m_axis.pixelsPerPosition() >= kSingleBarPixels;
}

int ClassAccuracyChart::barAt(QPointF point) const
{
    const QRectF plot = plotRect();
    if (!m_bars || point.x() < plot.left() || point.x() > plot.right() || point.y() < plot.top() ||
        point.y() > plot.bottom() + nameRoom())
        return -1;
    const auto position = static_cast<int>(std::floor(m_axis.positionAt(point.x() - plot.left())));
    return position >= 0 && position < barCount() ? position : -1;
}

QPoint ClassAccuracyChart::barCenter(int position) const
{
    const QRectF plot = plotRect();
    return QPointF(plot.left() + m_axis.pixelOf(position + 0.5), plot.center().y()).toPoint();
}

std::vector<std::int64_t> ClassAccuracyChart::labelledBars() const
{
    return m_bars ? labelledPositions(m_axis, fontMetrics().height()) : std::vector<std::int64_t>{};
}

QString ClassAccuracyChart::toolTipAt(QPointF point) const
{
    const int position = barAt(point);
    if (position < 0)
        return {};
    if (drawsSingleBars()) {
        const ClassBar& bar = *barAtPosition(position);
        if (std::isnan(bar.accuracy))
            return tr("%1: no test sample").arg(className(bar.classIndex));
        return tr("%1 (%2): %3% (%4 of %5 samples right)")
            .arg(className(bar.classIndex), bar.unseen ? tr("unseen") : tr("seen"))
            .arg(100.0 * bar.accuracy, 0, 'f', 1)
            .arg(std::llround(bar.accuracy * double(bar.samples)))
            .arg(bar.samples);
    }
    const AxisBins all =
        axisBinsFor(m_axis.length(), m_axis.first(), m_axis.last(), m_axis.pixels());
    const std::int64_t bin = all.binOf(position);
    const AxisBins one{all.binBegin(bin), all.binEnd(bin), all.stride};
    const BarBins b = barBins(*m_bars, *m_order, one);
    const int first = int(one.begin);
    const int last = int(one.end) - 1;
    return tr("%1 … %2 (%3 classes, %4% unseen):\nmean %5%, from %6% to %7%\nClick to zoom in.")
        .arg(className(barClass(first)), className(barClass(last)))
        .arg(last - first + 1)
        .arg(100.0 * b.unseenShare.front(), 0, 'f', 0)
        .arg(100.0 * b.mean.front(), 0, 'f', 1)
        .arg(100.0 * b.low.front(), 0, 'f', 0)
        .arg(100.0 * b.high.front(), 0, 'f', 0);
}

void ClassAccuracyChart::fit()
{
    m_axis.fit();
    viewChanged();
}

void ClassAccuracyChart::zoomBy(double factor)
{
    m_axis.zoom(factor, m_axis.pixels() / 2);
    viewChanged();
}

void ClassAccuracyChart::showBar(int position)
{
    if (position < 0 || position >= barCount())
        return;
    const double readable = 1.4 * fontMetrics().height();
    if (m_axis.pixelsPerPosition() < readable) {
        const double span = m_axis.pixels() / readable;
        m_axis.showRange(position + 0.5 - span / 2, position + 0.5 + span / 2);
    } else {
        m_axis.ensureVisible(position);
    }
    viewChanged();
}

void ClassAccuracyChart::zoomAt(double factor, QPointF at)
{
    m_axis.zoom(factor, at.x() - plotRect().left());
    viewChanged();
}

void ClassAccuracyChart::panBy(QPointF pixels)
{
    m_axis.pan(pixels.x());
    viewChanged();
}

void ClassAccuracyChart::clickAt(QPointF at)
{
    const int position = barAt(at);
    if (position < 0)
        return;
    if (drawsSingleBars())
        Q_EMIT classClicked(barClass(position));
    else
        zoomAt(kClickZoom, at);
}

double ClassAccuracyChart::arrowStep() const
{
    return m_axis.pixels() / 4;
}

} // namespace semrel::ui
