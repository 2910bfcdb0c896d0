// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "query/similarity_chart.h"

#include <QHelpEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace semrel::ui {

const QColor SimilarityChart::kSimilarColor(0x2e, 0x9d, 0x4a);
const QColor SimilarityChart::kDissimilarColor(0xd3, 0x3a, 0x2f);

namespace {

constexpr int kRowHeight = 18;
constexpr int kTitleHeight = 26;
constexpr int kAxisHeight = 26;
constexpr int kMargin = 8;
constexpr int kFooterHeight = 18; // the τ label
constexpr int kValueWidth = 48;   // room for "0.873" after the longest bar

} // namespace

struct SimilarityChart::Geometry
{
    int plotLeft = 0;
    int plotWidth = 0;
    int top = 0; // y of the first bar row

    double x(double value, double low, double high) const
    {
        return plotLeft + (value - low) / (high - low) * plotWidth;
    }
};

SimilarityChart::SimilarityChart(QWidget* parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void SimilarityChart::setSimilarities(std::vector<ClassSimilarity> similarities, double tau,
                                      int trueClass)
{
    m_bars = std::move(similarities);
    m_tau = tau;
    m_trueClass = trueClass;
    // Axis from the data, in steps of 0.1, always showing 0 and τ.
    double low = std::min(0.0, tau);
    double high = std::max(0.0, tau);
    for (const ClassSimilarity& s : m_bars) {
        low = std::min(low, static_cast<double>(s.similarity));
        high = std::max(high, static_cast<double>(s.similarity));
    }
    m_low = std::max(-1.0, std::floor(low * 10.0 - 1e-9) / 10.0);
    m_high = std::min(1.0, std::ceil(high * 10.0 + 1e-9) / 10.0);
    if (m_high - m_low < 0.1)
        m_high = m_low + 0.1;
    const QFont bold = [this] {
        QFont f = font();
        f.setBold(true);
        return f;
    }();
    const QFontMetrics metrics(bold);
    m_labelWidth = 0;
    for (const ClassSimilarity& s : m_bars)
        m_labelWidth = std::max(
            m_labelWidth, metrics.horizontalAdvance(QString::fromStdString(s.className) + " ★"));
    m_labelWidth = std::min(m_labelWidth, 260);
    setFixedHeight(sizeHint().height());
    update();
}

void SimilarityChart::setPlaceholderText(const QString& text)
{
    m_placeholder = text;
    update();
}

QString SimilarityChart::placeholderText() const
{
    return m_placeholder.isEmpty() ? tr("Pick a sample or an image to query") : m_placeholder;
}

void SimilarityChart::setTitle(const QString& title)
{
    m_title = title;
    update();
}

QColor SimilarityChart::barColor(int i) const
{
    return bar(i).relation == Relation::Dissimilar ? kDissimilarColor : kSimilarColor;
}

int SimilarityChart::trueClassRow() const
{
    for (int i = 0; i < barCount(); ++i)
        if (bar(i).classIndex == m_trueClass)
            return i;
    return -1;
}

QSize SimilarityChart::sizeHint() const
{
    return {600, kTitleHeight + kAxisHeight + std::max(barCount(), 1) * kRowHeight + kFooterHeight +
                     kMargin};
}

QSize SimilarityChart::minimumSizeHint() const
{
    return {320, sizeHint().height()};
}

SimilarityChart::Geometry SimilarityChart::geometry() const
{
    Geometry g;
    g.plotLeft = kMargin + m_labelWidth + 8;
    g.plotWidth = std::max(40, width() - g.plotLeft - kValueWidth - kMargin);
    g.top = kTitleHeight + kAxisHeight;
    return g;
}

int SimilarityChart::rowAt(int y) const
{
    const int row = (y - kTitleHeight - kAxisHeight) / kRowHeight;
    return y >= kTitleHeight + kAxisHeight && row < barCount() ? row : -1;
}

void SimilarityChart::paintAxis(QPainter& painter, const Geometry& g) const
{
    const int bottom = g.top + barCount() * kRowHeight;
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRect(kMargin, 0, width() - 2 * kMargin, kTitleHeight), Qt::AlignCenter,
                     m_title);
    const int steps = static_cast<int>(std::lround((m_high - m_low) * 10.0));
    const int every = steps > 12 ? 2 : 1;
    for (int i = 0; i <= steps; i += every) {
        const double v = m_low + i / 10.0;
        const double x = g.x(v, m_low, m_high);
        painter.setPen(QColor(0, 0, 0, std::abs(v) < 1e-9 ? 160 : 30));
        painter.drawLine(QPointF(x, g.top - 4), QPointF(x, bottom));
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRectF(x - 25, kTitleHeight, 50, kAxisHeight - 6),
                         Qt::AlignHCenter | Qt::AlignBottom, QString::number(v, 'f', 1));
    }
    const double tauX = g.x(m_tau, m_low, m_high);
    painter.setPen(QPen(QColor(0x30, 0x30, 0x30), 1.5, Qt::DashLine));
    painter.drawLine(QPointF(tauX, g.top - 4), QPointF(tauX, bottom + 2));
    // Below the bars: above them it would collide with the axis labels.
    painter.drawText(QRectF(tauX - 40, bottom + 2, 80, kFooterHeight - 2), Qt::AlignCenter,
                     QStringLiteral("τ = %1").arg(m_tau, 0, 'f', 2));
}

void SimilarityChart::paintBar(QPainter& painter, const Geometry& g, int row) const
{
    const ClassSimilarity& s = bar(row);
    const bool isTrue = s.classIndex == m_trueClass;
    const int y = g.top + row * kRowHeight;
    const double zero = g.x(0.0, m_low, m_high);
    const double end = g.x(s.similarity, m_low, m_high);
    const QRectF barRect(std::min(zero, end), y + 2, std::abs(end - zero), kRowHeight - 4);
    painter.fillRect(barRect, barColor(row));
    if (isTrue) {
        painter.setPen(QPen(Qt::black, 2));
        painter.drawRect(barRect);
    }
    QFont labelFont = font();
    labelFont.setBold(isTrue);
    // Seen classes in italics: the model was trained on them.
    labelFont.setItalic(s.seen);
    painter.setFont(labelFont);
    painter.setPen(palette().color(QPalette::Text));
    const QString name = QString::fromStdString(s.className) + (isTrue ? " ★" : "");
    painter.drawText(QRect(kMargin, y, m_labelWidth, kRowHeight), Qt::AlignRight | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(name, Qt::ElideMiddle, m_labelWidth));
    painter.setFont(font());
    const QString value = QString::number(s.similarity, 'f', 3);
    const double textX = s.similarity >= 0 ? end + 3 : zero + 3;
    painter.drawText(QRectF(textX, y, kValueWidth, kRowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     value);
}

void SimilarityChart::paintEvent(QPaintEvent* event)
{
    QPainter painter(this);
    painter.fillRect(event->rect(), palette().base());
    if (m_bars.empty()) {
        painter.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                         placeholderText());
        return;
    }
    const Geometry g = geometry();
    paintAxis(painter, g);
    // Only the rows in the exposed area: a scroll area shows a few dozen of 717.
    const int first = std::max(0, (event->rect().top() - g.top) / kRowHeight);
    const int last = std::min(barCount() - 1, (event->rect().bottom() - g.top) / kRowHeight);
    for (int row = first; row <= last; ++row)
        paintBar(painter, g, row);
}

bool SimilarityChart::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto* help = static_cast<QHelpEvent*>(event);
    const int row = rowAt(help->pos().y());
    if (row < 0) {
        QToolTip::hideText();
        return true;
    }
    const ClassSimilarity& s = bar(row);
    QToolTip::showText(
        help->globalPos(),
        tr("#%1 %2 (%3 class): cosine %4, %5")
            .arg(row + 1)
            .arg(QString::fromStdString(s.className), s.seen ? tr("seen") : tr("unseen"))
            .arg(s.similarity, 0, 'f', 4)
            .arg(QString::fromUtf8(relationName(s.relation))),
        this);
    return true;
}

} // namespace semrel::ui
