// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "zoom/matrix_source.h"
#include "zoom/zoom_axis.h"
#include "zoom/zoom_pan_widget.h"

#include <QImage>
#include <QTimer>

#include <memory>

namespace semrel::ui {

class BackgroundJob;

// A large matrix (class x class, class x attribute) that zooms and pans to readable cells, with
// row and column names where there is room. It never holds the matrix: for the part on screen it
// asks its MatrixSource, on a background job, for one aggregate per bin of at least a pixel
// (core/exploration/matrix_bins.h), and paints them; until they come it paints the previous
// bins where they now lie, so zoom and pan follow the mouse at once.
//
// Mouse: the wheel zooms about the pointer, dragging pans, a click on a cell emits
// cellClicked() (on a bin of several cells it zooms in there), the context menu fits. Keys: those
// of ZoomPanWidget, and the up and down arrows pan the rows.
class MatrixView : public ZoomPanWidget
{
    Q_OBJECT

public:
    explicit MatrixView(QWidget* parent = nullptr);
    ~MatrixView() override;

    // Shows `source` (nullptr: nothing, and `emptyText`). With keepView the zoom and pan stay
    // (the same matrix under another τ); otherwise the view fits the new matrix.
    void setSource(std::shared_ptr<const MatrixSource> source, bool keepView = false);
    const std::shared_ptr<const MatrixSource>& source() const { return m_source; }
    void setEmptyText(const QString& text);
    void setAxisTitles(const QString& rows, const QString& columns);

    // The highlighted row and column positions (-1: none), e.g. the selected class.
    void setHighlight(std::int64_t rowPosition, std::int64_t columnPosition);
    // Zooms in until cells are readable, if they are not, and pans to the cell.
    void showCell(std::int64_t rowPosition, std::int64_t columnPosition);
    void fit() override;
    void zoomBy(double factor) override; // about the centre of the grid

    const ZoomAxis& rowAxis() const { return m_rows; }
    const ZoomAxis& columnAxis() const { return m_columns; }
    // The bins painted now, and whether they are those of the current view and source.
    const MatrixBins& bins() const { return m_bins; }
    bool isUpToDate() const;
    // Where the grid is drawn, and the widget point at the centre of a cell (for tests and
    // keyboard users); the bin under a widget point (false: none).
    QRectF gridRect() const;
    QPoint cellCenter(std::int64_t rowPosition, std::int64_t columnPosition) const;
    bool binAt(QPointF point, std::int64_t* rowBin, std::int64_t* columnBin) const;
    // What hovering the point says.
    QString toolTipAt(QPointF point) const override;
    // The row and column positions whose names are drawn now.
    std::vector<std::int64_t> labelledRows() const;
    std::vector<std::int64_t> labelledColumns() const;

    QSize sizeHint() const override { return {420, 360}; }
    QSize minimumSizeHint() const override { return {200, 160}; }

Q_SIGNALS:
    void cellClicked(qint64 rowPosition, qint64 columnPosition);
    // New bins were painted (the view is up to date when isUpToDate()).
    void binsChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void zoomAt(double factor, QPointF at) override;
    void panBy(QPointF pixels) override;
    // On a single cell: cellClicked(); on a bin of cells: zooms in there.
    void clickAt(QPointF at) override;
    double arrowStep() const override; // three lines of text
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    struct Margins
    {
        int rowLabels = 0;    // width of the row names
        int columnLabels = 0; // height of the (rotated) column names
    };

    void measureLabels();
    void layoutAxes();
    void viewChanged();
    void requestBins();
    AxisBins wantedRows() const;
    AxisBins wantedColumns() const;
    QRectF binsRect() const;
    bool cellAt(QPointF point, std::int64_t* row, std::int64_t* column) const;
    void paintGrid(QPainter& painter) const;
    void paintCellTexts(QPainter& painter) const;
    void paintLabels(QPainter& painter) const;
    void paintHighlight(QPainter& painter) const;

    std::shared_ptr<const MatrixSource> m_source;
    ZoomAxis m_rows;
    ZoomAxis m_columns;
    Margins m_margins;
    QString m_emptyText;
    QString m_rowTitle;
    QString m_columnTitle;
    std::int64_t m_highlightRow = -1;
    std::int64_t m_highlightColumn = -1;

    MatrixBins m_bins;
    QImage m_image;
    std::shared_ptr<const MatrixSource> m_binsSource; // whose bins m_bins are
    const MatrixSource* m_requestedSource = nullptr;  // the running job's (it holds the source)
    AxisBins m_requestedRows;
    AxisBins m_requestedColumns;
    BackgroundJob* m_job; // object name "matrixBins"
    QTimer m_requestTimer;
};

} // namespace semrel::ui
