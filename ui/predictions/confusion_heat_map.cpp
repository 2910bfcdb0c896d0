// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/confusion_heat_map.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace semrel::ui {

namespace {

constexpr int kAxisTitleSpace = 18;

QRgb shade(double share)
{
    // White (never predicted) to deep blue (the whole row): a single hue reads in print too.
    const auto mix = [share](int from, int to) {
        return static_cast<int>(from + (to - from) * std::clamp(share, 0.0, 1.0));
    };
    return qRgb(mix(255, 8), mix(255, 48), mix(255, 107));
}

} // namespace

ConfusionHeatMap::ConfusionHeatMap(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ConfusionHeatMap::setMatrix(ConfusionMatrix matrix, const QStringList& classNames)
{
    m_matrix = std::move(matrix);
    m_classNames = classNames;
    const int k = static_cast<int>(m_matrix.classes.size());
    m_image = QImage(std::max(k, 1), std::max(k, 1), QImage::Format_RGB32);
    m_image.fill(Qt::white);
    for (int t = 0; t < k; ++t) {
        std::int64_t total = 0;
        for (int p = 0; p < k; ++p)
            total += m_matrix.at(t, p);
        auto* line = reinterpret_cast<QRgb*>(m_image.scanLine(t));
        for (int p = 0; p < k; ++p)
            line[p] = total == 0 ? qRgb(255, 255, 255)
                                 : shade(static_cast<double>(m_matrix.at(t, p)) / total);
    }
    update();
}

QString ConfusionHeatMap::name(int position) const
{
    const int c = m_matrix.classes[static_cast<std::size_t>(position)];
    return c >= 0 && c < m_classNames.size() ? m_classNames[c] : QString::number(c);
}

QRectF ConfusionHeatMap::gridRect() const
{
    const int k = static_cast<int>(m_matrix.classes.size());
    int labelWidth = 0;
    if (k > 0 && k <= kMaxLabelledClasses) {
        const QFontMetrics metrics(font());
        for (int i = 0; i < k; ++i)
            labelWidth = std::max(labelWidth, metrics.horizontalAdvance(name(i)));
        labelWidth += 6;
    }
    // Room below the grid for the predicted-class names.
    const int bottom = labelWidth > 0 ? QFontMetrics(font()).height() + 4 : 4;
    const QRectF free =
        QRectF(rect()).adjusted(kAxisTitleSpace + labelWidth, kAxisTitleSpace, -4, -bottom);
    const double side = std::max(0.0, std::min(free.width(), free.height()));
    return {free.left(), free.top(), side, side};
}

bool ConfusionHeatMap::cellAt(QPointF position, int* trueIndex, int* predictedIndex) const
{
    const int k = static_cast<int>(m_matrix.classes.size());
    const QRectF grid = gridRect();
    if (k == 0 || !grid.contains(position))
        return false;
    *predictedIndex =
        std::min(k - 1, static_cast<int>((position.x() - grid.left()) * k / grid.width()));
    *trueIndex = std::min(k - 1, static_cast<int>((position.y() - grid.top()) * k / grid.height()));
    return true;
}

QPoint ConfusionHeatMap::cellCenter(int trueIndex, int predictedIndex) const
{
    const int k = std::max<int>(1, static_cast<int>(m_matrix.classes.size()));
    const QRectF grid = gridRect();
    return QPointF(grid.left() + (predictedIndex + 0.5) * grid.width() / k,
                   grid.top() + (trueIndex + 0.5) * grid.height() / k)
        .toPoint();
}

bool ConfusionHeatMap::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    auto* help = static_cast<QHelpEvent*>(event);
    int t = 0;
    int p = 0;
    if (!cellAt(help->pos(), &t, &p)) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(
        help->globalPos(),
        tr("true %1, predicted %2: %n sample(s)", nullptr, static_cast<int>(m_matrix.at(t, p)))
            .arg(name(t), name(p)),
        this);
    return true;
}

void ConfusionHeatMap::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const int k = static_cast<int>(m_matrix.classes.size());
    if (k == 0) {
        painter.drawText(rect(), Qt::AlignCenter, tr("No predictions"));
        return;
    }
    const QRectF grid = gridRect();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(grid, m_image);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(grid);
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRectF(grid.left(), 0, grid.width(), kAxisTitleSpace), Qt::AlignCenter,
                     tr("predicted class →"));
    painter.save();
    painter.translate(0, grid.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-grid.height() / 2, 0, grid.height(), kAxisTitleSpace), Qt::AlignCenter,
                     tr("← true class"));
    painter.restore();
    if (k > kMaxLabelledClasses)
        return;
    const double cell = grid.height() / k;
    const QFontMetrics metrics(font());
    for (int t = 0; t < k; ++t)
        painter.drawText(
            QRectF(kAxisTitleSpace, grid.top() + t * cell, grid.left() - kAxisTitleSpace - 4, cell),
            Qt::AlignRight | Qt::AlignVCenter, name(t));
    // Predicted-class names below the columns, when there is room for them.
    if (cell >= metrics.horizontalAdvance(QStringLiteral("Abcdef")))
        for (int p = 0; p < k; ++p)
            painter.drawText(
                QRectF(grid.left() + p * cell, grid.bottom() + 2, cell, metrics.height()),
                Qt::AlignHCenter | Qt::AlignTop,
                metrics.elidedText(name(p), Qt::ElideRight, static_cast<int>(cell)));
    // Counts in the cells while they are large enough to read.
    if (cell < 2.5 * metrics.height())
        return;
    for (int t = 0; t < k; ++t)
        for (int p = 0; p < k; ++p) {
            const QRectF box(grid.left() + p * cell, grid.top() + t * cell, cell, cell);
            painter.setPen(qGray(m_image.pixel(p, t)) < 128 ? Qt::white : Qt::black);
            painter.drawText(box, Qt::AlignCenter, QString::number(m_matrix.at(t, p)));
        }
}

void ConfusionHeatMap::mousePressEvent(QMouseEvent* event)
{
    int t = 0;
    int p = 0;
    if (event->button() == Qt::LeftButton && cellAt(event->position(), &t, &p))
        Q_EMIT cellClicked(m_matrix.classes[static_cast<std::size_t>(t)],
                           m_matrix.classes[static_cast<std::size_t>(p)]);
    QWidget::mousePressEvent(event);
}

} // namespace semrel::ui
