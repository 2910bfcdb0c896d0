// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// MatrixView's painting: the bins, the cells' texts, the names on both axes, the highlight.
#include "zoom/axis_labels.h"
#include "zoom/matrix_view.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace semrel::ui {

namespace {

constexpr int kTick = 3;

bool isDark(QRgb color)
{
    return qGray(color) < 128;
}

} // namespace

void MatrixView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (!m_source || m_source->rowCount() == 0 || m_source->columnCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                         m_emptyText);
        return;
    }
    paintGrid(painter);
    paintCellTexts(painter);
    paintLabels(painter);
    paintHighlight(painter);
}

void MatrixView::paintGrid(QPainter& painter) const
{
    const QRectF grid = gridRect();
    painter.save();
    painter.setClipRect(grid);
    if (!m_image.isNull() && !m_bins.empty()) {
        // No smoothing: a bin keeps a crisp edge however far it is scaled. The last bin of an
        // axis may be shorter than the stride: the clip cuts the image at the matrix's end.
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        const double right = grid.left() + m_columns.pixelOf(double(m_bins.columns.end));
        const double bottom = grid.top() + m_rows.pixelOf(double(m_bins.rows.end));
        painter.setClipRect(QRectF(grid.topLeft(), QPointF(right, bottom)), Qt::IntersectClip);
        painter.drawImage(binsRect(), m_image);
    }
    // Thin lines between cells once they are large enough to tell apart.
    const double cellWidth = m_columns.pixelsPerPosition();
    const double cellHeight = m_rows.pixelsPerPosition();
    if (cellWidth >= 8 && cellHeight >= 8) {
        QColor line = palette().color(QPalette::Base);
        line.setAlpha(160);
        painter.setPen(QPen(line, 1));
        for (auto c = std::int64_t(std::ceil(m_columns.first())); c <= m_columns.last(); ++c) {
            const double x = grid.left() + m_columns.pixelOf(double(c));
            painter.drawLine(QPointF(x, grid.top()), QPointF(x, grid.bottom()));
        }
        for (auto r = std::int64_t(std::ceil(m_rows.first())); r <= m_rows.last(); ++r) {
            const double y = grid.top() + m_rows.pixelOf(double(r));
            painter.drawLine(QPointF(grid.left(), y), QPointF(grid.right(), y));
        }
    }
    painter.restore();
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(grid);
}

void MatrixView::paintCellTexts(QPainter& painter) const
{
    const QFontMetrics metrics(font());
    const double cellWidth = m_columns.pixelsPerPosition();
    const double cellHeight = m_rows.pixelsPerPosition();
    if (!m_binsSource || m_bins.rows.stride != 1 || m_bins.columns.stride != 1 ||
        cellHeight < 1.2 * metrics.height() || cellWidth < 2.0 * metrics.height())
        return;
    const QRectF grid = gridRect();
    painter.save();
    painter.setClipRect(grid);
    for (std::int64_t i = 0; i < m_bins.rows.count(); ++i) {
        for (std::int64_t j = 0; j < m_bins.columns.count(); ++j) {
            const QString text = m_binsSource->cellText(m_bins, i, j);
            if (text.isEmpty() || metrics.horizontalAdvance(text) > cellWidth - 2)
                continue;
            const QRectF cell(grid.left() + m_columns.pixelOf(double(m_bins.columns.binBegin(j))),
                              grid.top() + m_rows.pixelOf(double(m_bins.rows.binBegin(i))),
                              cellWidth, cellHeight);
            painter.setPen(isDark(m_image.pixel(int(j), int(i))) ? Qt::white : Qt::black);
            painter.drawText(cell, Qt::AlignCenter, text);
        }
    }
    painter.restore();
}

void MatrixView::paintLabels(QPainter& painter) const
{
    const QRectF grid = gridRect();
    const QFontMetrics metrics(font());
    const int title = metrics.height() + 4;
    painter.setPen(palette().color(QPalette::Text));
    if (!m_columnTitle.isEmpty())
        painter.drawText(QRectF(grid.left(), 0, grid.width(), title), Qt::AlignCenter,
                         m_columnTitle);
    if (!m_rowTitle.isEmpty()) {
        painter.save();
        painter.translate(0, grid.center().y());
        painter.rotate(-90);
        painter.drawText(QRectF(-grid.height() / 2, 0, grid.height(), title), Qt::AlignCenter,
                         m_rowTitle);
        painter.restore();
    }
    const double rowLabelLeft = m_rowTitle.isEmpty() ? 0 : title;
    const int rowWidth = int(grid.left() - rowLabelLeft) - 2 * kTick;
    const bool rowTicks = labelStep(m_rows.pixelsPerPosition(), metrics.height()) > 1;
    for (const std::int64_t p : labelledRows()) {
        const double y = grid.top() + m_rows.pixelOf(double(p) + 0.5);
        if (y < grid.top() || y > grid.bottom())
            continue;
        const QString text = metrics.elidedText(m_source->rowLabel(p), Qt::ElideRight, rowWidth);
        painter.drawText(
            QRectF(rowLabelLeft, y - metrics.height() / 2.0, rowWidth, metrics.height()),
            Qt::AlignRight | Qt::AlignVCenter, text);
        if (rowTicks)
            painter.drawLine(QPointF(grid.left() - kTick, y), QPointF(grid.left(), y));
    }
    const double columnLabelTop = m_columnTitle.isEmpty() ? 0 : title;
    const int columnHeight = int(grid.top() - columnLabelTop) - 2 * kTick;
    const bool columnTicks = labelStep(m_columns.pixelsPerPosition(), metrics.height()) > 1;
    for (const std::int64_t p : labelledColumns()) {
        const double x = grid.left() + m_columns.pixelOf(double(p) + 0.5);
        if (x < grid.left() || x > grid.right())
            continue;
        const QString text =
            metrics.elidedText(m_source->columnLabel(p), Qt::ElideRight, columnHeight);
        painter.save();
        // Rotated a quarter turn: the name reads upwards from just above its column.
        painter.translate(x, grid.top() - 2 * kTick);
        painter.rotate(-90);
        painter.drawText(QRectF(0, -metrics.height() / 2.0, columnHeight, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, text);
        painter.restore();
        if (columnTicks)
            painter.drawLine(QPointF(x, grid.top() - kTick), QPointF(x, grid.top()));
    }
}

void MatrixView::paintHighlight(QPainter& painter) const
{
    const QRectF grid = gridRect();
    painter.save();
    painter.setClipRect(grid.adjusted(-kTick - 1, -kTick - 1, 1, 1));
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    // A band wide enough is outlined; a thinner one (a row among thousands) is one line.
    const auto band = [&](double from, double to, bool horizontal) {
        const double mid = (from + to) / 2;
        if (to - from >= 4.0)
            painter.drawRect(horizontal ? QRectF(grid.left(), from, grid.width(), to - from)
                                        : QRectF(from, grid.top(), to - from, grid.height()));
        else if (horizontal)
            painter.drawLine(QPointF(grid.left(), mid), QPointF(grid.right(), mid));
        else
            painter.drawLine(QPointF(mid, grid.top()), QPointF(mid, grid.bottom()));
        // A tick in the margin, so that the line is found among the names.
        if (horizontal)
            painter.drawLine(QPointF(grid.left() - kTick - 1, mid), QPointF(grid.left(), mid));
        else
            painter.drawLine(QPointF(mid, grid.top() - kTick - 1), QPointF(mid, grid.top()));
    };
    if (m_highlightRow >= 0 && m_highlightRow < m_rows.length())
        band(grid.top() + m_rows.pixelOf(double(m_highlightRow)),
             grid.top() + m_rows.pixelOf(double(m_highlightRow) + 1), true);
    if (m_highlightColumn >= 0 && m_highlightColumn < m_columns.length())
        band(grid.left() + m_columns.pixelOf(double(m_highlightColumn)),
             grid.left() + m_columns.pixelOf(double(m_highlightColumn) + 1), false);
    painter.restore();
}

} // namespace semrel::ui
