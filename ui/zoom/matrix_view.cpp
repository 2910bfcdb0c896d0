// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "zoom/matrix_view.h"

#include "jobs/background_job.h"
#include "zoom/axis_labels.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <utility>

namespace semrel::ui {

namespace {

constexpr int kPadding = 4;
constexpr int kLabelSample = 400; // labels measured to size the margins

struct BinsAndImage
{
    MatrixBins bins;
    QImage image;
};

// The widest of up to kLabelSample evenly spaced labels.
template <typename Label>
int widestLabel(std::int64_t count, const QFontMetrics& metrics, Label label)
{
    int widest = 0;
    const std::int64_t step = std::max<std::int64_t>(1, count / kLabelSample);
    for (std::int64_t p = 0; p < count; p += step)
        widest = std::max(widest, metrics.horizontalAdvance(label(p)));
    return widest;
}

} // namespace

MatrixView::MatrixView(QWidget* parent) : ZoomPanWidget(parent), m_job(new BackgroundJob(this))
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_job->setObjectName(QStringLiteral("matrixBins"));
    connect(m_job, &BackgroundJob::failed, this,
            [](const QString& message) { qWarning("matrix view: %s", qPrintable(message)); });
    m_requestTimer.setSingleShot(true);
    m_requestTimer.setInterval(0); // coalesce a burst of wheel and drag events into one request
    connect(&m_requestTimer, &QTimer::timeout, this, &MatrixView::requestBins);
}

MatrixView::~MatrixView() = default;

void MatrixView::setSource(std::shared_ptr<const MatrixSource> source, bool keepView)
{
    const bool sameShape = source && m_source && source->rowCount() == m_source->rowCount() &&
                           source->columnCount() == m_source->columnCount();
    m_source = std::move(source);
    if (!m_source) {
        m_job->discard();
        m_bins = {};
        m_image = {};
        m_binsSource.reset();
    }
    if (!(keepView && sameShape)) {
        measureLabels();
        layoutAxes();
        m_rows.setLength(m_source ? m_source->rowCount() : 0);
        m_columns.setLength(m_source ? m_source->columnCount() : 0);
    }
    viewChanged();
}

void MatrixView::setEmptyText(const QString& text)
{
    m_emptyText = text;
    update();
}

void MatrixView::setAxisTitles(const QString& rows, const QString& columns)
{
    m_rowTitle = rows;
    m_columnTitle = columns;
    layoutAxes();
    update();
}

void MatrixView::setHighlight(std::int64_t rowPosition, std::int64_t columnPosition)
{
    m_highlightRow = rowPosition;
    m_highlightColumn = columnPosition;
    update();
}

void MatrixView::fit()
{
    m_rows.fit();
    m_columns.fit();
    viewChanged();
}

void MatrixView::zoomBy(double factor)
{
    const QRectF grid = gridRect();
    m_rows.zoom(factor, grid.height() / 2);
    m_columns.zoom(factor, grid.width() / 2);
    viewChanged();
}

void MatrixView::showCell(std::int64_t rowPosition, std::int64_t columnPosition)
{
    // Readable: a line of text per cell.
    const double readable = 1.6 * fontMetrics().height();
    using Target = std::pair<ZoomAxis*, std::int64_t>;
    for (auto [axis, position] :
         {Target{&m_rows, rowPosition}, Target{&m_columns, columnPosition}}) {
        if (position < 0 || position >= axis->length())
            continue;
        if (axis->pixelsPerPosition() < readable) {
            const double span = axis->pixels() / readable;
            axis->showRange(position + 0.5 - span / 2, position + 0.5 + span / 2);
        } else {
            axis->ensureVisible(position);
        }
    }
    viewChanged();
}

void MatrixView::measureLabels()
{
    m_margins = {};
    if (!m_source)
        return;
    const QFontMetrics metrics(font());
    const int rows = widestLabel(m_source->rowCount(), metrics,
                                 [this](std::int64_t p) { return m_source->rowLabel(p); });
    const int columns = widestLabel(m_source->columnCount(), metrics,
                                    [this](std::int64_t p) { return m_source->columnLabel(p); });
    m_margins.rowLabels = rows > 0 ? rows + 2 * kPadding : 0;
    m_margins.columnLabels = columns > 0 ? columns + 2 * kPadding : 0;
}

QRectF MatrixView::gridRect() const
{
    const int title = fontMetrics().height() + kPadding;
    // Names take at most about a third of each side; longer ones are elided.
    const int rowLabels = std::min(m_margins.rowLabels, std::max(0, width() / 3));
    const int columnLabels = std::min(m_margins.columnLabels, std::max(0, height() / 4));
    const double left = (m_rowTitle.isEmpty() ? kPadding : title) + rowLabels;
    const double top = (m_columnTitle.isEmpty() ? kPadding : title) + columnLabels;
    return QRectF(left, top, std::max(1.0, width() - left - kPadding),
                  std::max(1.0, height() - top - kPadding));
}

void MatrixView::layoutAxes()
{
    const QRectF grid = gridRect();
    m_rows.setPixels(grid.height());
    m_columns.setPixels(grid.width());
}

void MatrixView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    layoutAxes();
    viewChanged();
}

void MatrixView::viewChanged()
{
    update();
    m_requestTimer.start();
}

AxisBins MatrixView::wantedRows() const
{
    return axisBinsFor(m_rows.length(), m_rows.first(), m_rows.last(), m_rows.pixels());
}

AxisBins MatrixView::wantedColumns() const
{
    return axisBinsFor(m_columns.length(), m_columns.first(), m_columns.last(), m_columns.pixels());
}

bool MatrixView::isUpToDate() const
{
    if (!m_source)
        return true;
    return !m_requestTimer.isActive() && m_binsSource == m_source && m_bins.rows == wantedRows() &&
           m_bins.columns == wantedColumns();
}

void MatrixView::requestBins()
{
    if (!m_source || isUpToDate())
        return;
    const AxisBins rows = wantedRows();
    const AxisBins columns = wantedColumns();
    if (m_job->isRunning() && m_requestedSource == m_source.get() && m_requestedRows == rows &&
        m_requestedColumns == columns)
        return; // already on its way
    m_requestedSource = m_source.get();
    m_requestedRows = rows;
    m_requestedColumns = columns;
    std::shared_ptr<const MatrixSource> source = m_source;
    m_job->start(
        [source, rows, columns](JobContext&) {
            BinsAndImage out;
            out.bins = source->bins(rows, columns);
            const auto width = static_cast<int>(columns.count());
            const auto height = static_cast<int>(rows.count());
            out.image = QImage(std::max(width, 1), std::max(height, 1), QImage::Format_RGB32);
            for (int i = 0; i < height; ++i) {
                auto* line = reinterpret_cast<QRgb*>(out.image.scanLine(i));
                for (int j = 0; j < width; ++j)
                    line[j] = source->color(out.bins.at(i, j));
            }
            return out;
        },
        [this, source](BinsAndImage result) {
            m_bins = std::move(result.bins);
            m_image = std::move(result.image);
            m_binsSource = source;
            update();
            Q_EMIT binsChanged();
            m_requestTimer.start(); // the view may have moved meanwhile
        });
}

QRectF MatrixView::binsRect() const
{
    const QRectF grid = gridRect();
    const auto edge = [](const ZoomAxis& axis, const AxisBins& bins, double origin) {
        return std::pair{origin + axis.pixelOf(double(bins.begin)),
                         origin + axis.pixelOf(double(bins.begin + bins.count() * bins.stride))};
    };
    const auto [x0, x1] = edge(m_columns, m_bins.columns, grid.left());
    const auto [y0, y1] = edge(m_rows, m_bins.rows, grid.top());
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

bool MatrixView::cellAt(QPointF point, std::int64_t* row, std::int64_t* column) const
{
    const QRectF grid = gridRect();
    if (!m_source || !grid.contains(point))
        return false;
    *row = static_cast<std::int64_t>(std::floor(m_rows.positionAt(point.y() - grid.top())));
    *column = static_cast<std::int64_t>(std::floor(m_columns.positionAt(point.x() - grid.left())));
    return *row >= 0 && *row < m_rows.length() && *column >= 0 && *column < m_columns.length();
}

bool MatrixView::binAt(QPointF point, std::int64_t* rowBin, std::int64_t* columnBin) const
{
    std::int64_t row = 0;
    std::int64_t column = 0;
    if (m_bins.empty() || !cellAt(point, &row, &column) || !m_bins.rows.contains(row) ||
        !m_bins.columns.contains(column))
        return false;
    *rowBin = m_bins.rows.binOf(row);
    *columnBin = m_bins.columns.binOf(column);
    return true;
}

QPoint MatrixView::cellCenter(std::int64_t rowPosition, std::int64_t columnPosition) const
{
    const QRectF grid = gridRect();
    return QPointF(grid.left() + m_columns.pixelOf(double(columnPosition) + 0.5),
                   grid.top() + m_rows.pixelOf(double(rowPosition) + 0.5))
        .toPoint();
}

QString MatrixView::toolTipAt(QPointF point) const
{
    std::int64_t i = 0;
    std::int64_t j = 0;
    if (!m_binsSource || !binAt(point, &i, &j))
        return {};
    return m_binsSource->describe(m_bins, i, j);
}

std::vector<std::int64_t> MatrixView::labelledRows() const
{
    return m_margins.rowLabels > 0 ? labelledPositions(m_rows, fontMetrics().height())
                                   : std::vector<std::int64_t>{};
}

std::vector<std::int64_t> MatrixView::labelledColumns() const
{
    return m_margins.columnLabels > 0 ? labelledPositions(m_columns, fontMetrics().height())
                                      : std::vector<std::int64_t>{};
}

void MatrixView::zoomAt(double factor, QPointF point)
{
    const QPointF at = point - gridRect().topLeft();
    m_rows.zoom(factor, at.y());
    m_columns.zoom(factor, at.x());
    viewChanged();
}

void MatrixView::panBy(QPointF pixels)
{
    m_columns.pan(pixels.x());
    m_rows.pan(pixels.y());
    viewChanged();
}

void MatrixView::clickAt(QPointF at)
{
    std::int64_t row = 0;
    std::int64_t column = 0;
    if (!cellAt(at, &row, &column))
        return;
    if (wantedRows().stride == 1 && wantedColumns().stride == 1)
        Q_EMIT cellClicked(row, column);
    else
        zoomAt(kClickZoom, at);
}

double MatrixView::arrowStep() const
{
    return 3.0 * fontMetrics().height();
}

// The shared keys, and the up and down arrows for the rows.
void MatrixView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Up || event->key() == Qt::Key_Down) {
        panBy(QPointF(0.0, event->key() == Qt::Key_Up ? -arrowStep() : arrowStep()));
        return;
    }
    ZoomPanWidget::keyPressEvent(event);
}

void MatrixView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    menu.addAction(tr("Zoom In"), this, [this] { zoomBy(2.0); });
    menu.addAction(tr("Zoom Out"), this, [this] { zoomBy(0.5); });
    menu.addAction(tr("Fit"), this, &MatrixView::fit);
    menu.exec(event->globalPos());
}

} // namespace semrel::ui
