// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "zoom/axis_labels.h"
#include "zoom/matrix_view.h"
#include "zoom/zoom_axis.h"

#include <semrel/exploration/attribute_bins.h>

#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <numeric>

using namespace semrel;
using namespace semrel::ui;

namespace {

// A rows x columns matrix whose cell (r, c) holds (r + c) mod 7 / 6, named "r<i>" and "c<j>",
// aggregated by the core's attributeBins() (a mean per bin).
class GradientSource : public MatrixSource
{
public:
    GradientSource(std::int64_t rows, std::int64_t columns)
        : m_values(rows, columns), m_rows(static_cast<std::size_t>(rows)),
          m_columns(static_cast<std::size_t>(columns))
    {
        for (std::int64_t r = 0; r < rows; ++r)
            for (std::int64_t c = 0; c < columns; ++c)
                m_values.at(r, c) = float((r + c) % 7) / 6.0f;
        std::iota(m_rows.begin(), m_rows.end(), 0);
        std::iota(m_columns.begin(), m_columns.end(), 0);
    }
    std::int64_t rowCount() const override { return m_values.rows; }
    std::int64_t columnCount() const override { return m_values.cols; }
    QString rowLabel(std::int64_t p) const override { return QStringLiteral("r%1").arg(p); }
    QString columnLabel(std::int64_t p) const override { return QStringLiteral("c%1").arg(p); }
    MatrixBins bins(const AxisBins& rows, const AxisBins& columns) const override
    {
        return attributeBins(m_values, m_rows, m_columns, rows, columns);
    }
    QRgb color(float value) const override { return qRgb(0, 0, int(255 * value)); }
    QString describe(const MatrixBins& bins, std::int64_t i, std::int64_t j) const override
    {
        return QStringLiteral("r%1+%2,c%3+%4")
            .arg(bins.rows.binBegin(i))
            .arg(bins.rows.binEnd(i) - bins.rows.binBegin(i))
            .arg(bins.columns.binBegin(j))
            .arg(bins.columns.binEnd(j) - bins.columns.binBegin(j));
    }

private:
    FloatMatrix m_values;
    std::vector<std::int32_t> m_rows;
    std::vector<std::int32_t> m_columns;
};

void wheel(QWidget* widget, QPoint at, int delta)
{
    QWheelEvent event(at, widget->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(widget, &event);
}

} // namespace

class TestMatrixView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_view = std::make_unique<MatrixView>();
        m_view->resize(500, 400);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void zoomAxisKeepsThePointUnderThePointer()
    {
        ZoomAxis axis;
        axis.setLength(20000);
        axis.setPixels(500);
        QVERIFY(axis.isFitted());
        const double before = axis.positionAt(123);
        QVERIFY(axis.zoom(8.0, 123));
        QVERIFY(std::abs(axis.positionAt(123) - before) < 1e-6);
        QVERIFY(!axis.isFitted());
        // Zooming stops at the largest cells and at the fit.
        for (int i = 0; i < 40; ++i)
            axis.zoom(4.0, 250);
        QCOMPARE(axis.pixelsPerPosition(), ZoomAxis::kDefaultMaxPixelsPerPosition);
        for (int i = 0; i < 40; ++i)
            axis.zoom(0.25, 250);
        QVERIFY(axis.isFitted());
        QCOMPARE(axis.first(), 0.0);
        QVERIFY(!axis.pan(100)); // nothing to pan to when fitted
    }

    void labelsNeverOverlapAndSitOnMultiplesOfTheirStep()
    {
        QCOMPARE(labelStep(20.0, 15.0), 1);
        QCOMPARE(labelStep(0.05, 15.0), 500); // 300 positions needed: the next 1-2-5 number
        ZoomAxis axis;
        axis.setLength(20000);
        axis.setPixels(400);
        const std::vector<std::int64_t> labelled = labelledPositions(axis, 15.0);
        QVERIFY(!labelled.empty());
        for (std::size_t i = 1; i < labelled.size(); ++i)
            QVERIFY(axis.pixelOf(double(labelled[i])) - axis.pixelOf(double(labelled[i - 1])) >=
                    15.0);
    }

    void fittedBinsAreAtLeastAPixel()
    {
        m_view->setSource(std::make_shared<GradientSource>(3000, 50));
        QTRY_VERIFY(m_view->isUpToDate());
        const QRectF grid = m_view->gridRect();
        const MatrixBins& bins = m_view->bins();
        QCOMPARE(bins.rows.begin, 0);
        QCOMPARE(bins.rows.end, 3000);
        QVERIFY(bins.rows.stride >= 3000 / grid.height());
        QCOMPARE(bins.columns.stride, 1); // 50 columns: each wider than a pixel
        QVERIFY(double(bins.values.size()) <= (grid.height() + 2) * 50);
        QVERIFY(m_view->toolTipAt(m_view->cellCenter(1500, 10)).startsWith(QStringLiteral("r")));
    }

    void wheelZoomsInToReadableNamedCells()
    {
        m_view->setSource(std::make_shared<GradientSource>(3000, 50));
        QTRY_VERIFY(m_view->isUpToDate());
        const QPoint at = m_view->cellCenter(1000, 25);
        const QPointF inGrid = QPointF(at) - m_view->gridRect().topLeft();
        const auto row = std::int64_t(m_view->rowAxis().positionAt(inGrid.y()));
        const auto column = std::int64_t(m_view->columnAxis().positionAt(inGrid.x()));
        QVERIFY(std::abs(row - 1000) < 10 && column == 25);
        for (int i = 0; i < 30; ++i)
            wheel(m_view.get(), at, 120);
        QTRY_VERIFY(m_view->isUpToDate());
        // The cell under the pointer stayed there, and every row on screen is named.
        std::int64_t rowBin = -1;
        std::int64_t columnBin = -1;
        QVERIFY(m_view->binAt(at, &rowBin, &columnBin));
        QCOMPARE(m_view->bins().rows.stride, 1);
        QCOMPARE(m_view->bins().rows.binBegin(rowBin), row);
        QCOMPARE(m_view->bins().columns.binBegin(columnBin), column);
        QCOMPARE(m_view->toolTipAt(at), QStringLiteral("r%1+1,c%2+1").arg(row).arg(column));
        const auto rows = m_view->labelledRows();
        QVERIFY(rows.size() >= 5);
        for (std::size_t i = 1; i < rows.size(); ++i)
            QCOMPARE(rows[i], rows[i - 1] + 1);
        QVERIFY(rows.front() <= row && rows.back() >= row);
    }

    void clickOnACellEmitsItAndOnABinZoomsIn()
    {
        m_view->setSource(std::make_shared<GradientSource>(3000, 50));
        QTRY_VERIFY(m_view->isUpToDate());
        QSignalSpy clicked(m_view.get(), &MatrixView::cellClicked);
        const double spanBefore = m_view->rowAxis().span();
        QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, m_view->cellCenter(2000, 5));
        QCOMPARE(clicked.count(), 0);
        QVERIFY(m_view->rowAxis().span() < spanBefore / 3);
        m_view->showCell(2000, 5);
        QTRY_VERIFY(m_view->isUpToDate());
        QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, m_view->cellCenter(2000, 5));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked.first().at(0).toLongLong(), 2000);
        QCOMPARE(clicked.first().at(1).toLongLong(), 5);
    }

    void dragPansAndZeroFits()
    {
        m_view->setSource(std::make_shared<GradientSource>(3000, 50));
        m_view->showCell(100, 10);
        const double first = m_view->rowAxis().first();
        const QPoint from = m_view->cellCenter(100, 10);
        QTest::mousePress(m_view.get(), Qt::LeftButton, {}, from);
        QTest::mouseMove(m_view.get(), from - QPoint(0, 100));
        QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, from - QPoint(0, 100));
        QVERIFY(m_view->rowAxis().first() > first); // dragged up: later rows come into view
        QTest::keyClick(m_view.get(), Qt::Key_0);
        QVERIFY(m_view->rowAxis().isFitted() && m_view->columnAxis().isFitted());
    }

    // + and = zoom in 2x, - out, the arrows pan rows and columns, Home and 0 fit.
    void keysZoomPanAndFit()
    {
        m_view->setSource(std::make_shared<GradientSource>(3000, 50));
        const double rowSpan = m_view->rowAxis().span();
        QTest::keyClick(m_view.get(), Qt::Key_Plus);
        QCOMPARE(m_view->rowAxis().span(), rowSpan / 2);
        QTest::keyClick(m_view.get(), Qt::Key_Equal);
        QCOMPARE(m_view->rowAxis().span(), rowSpan / 4);
        QTest::keyClick(m_view.get(), Qt::Key_Minus);
        QCOMPARE(m_view->rowAxis().span(), rowSpan / 2);

        const double firstRow = m_view->rowAxis().first();
        QTest::keyClick(m_view.get(), Qt::Key_Down);
        QVERIFY(m_view->rowAxis().first() > firstRow);
        QTest::keyClick(m_view.get(), Qt::Key_Up);
        QCOMPARE(m_view->rowAxis().first(), firstRow);

        const double firstColumn = m_view->columnAxis().first();
        const double rowAfterVertical = m_view->rowAxis().first();
        QTest::keyClick(m_view.get(), Qt::Key_Right);
        QVERIFY(m_view->columnAxis().first() > firstColumn);
        QCOMPARE(m_view->rowAxis().first(), rowAfterVertical); // sideways only
        QTest::keyClick(m_view.get(), Qt::Key_Left);
        QCOMPARE(m_view->columnAxis().first(), firstColumn);

        QTest::keyClick(m_view.get(), Qt::Key_Home);
        QVERIFY(m_view->rowAxis().isFitted() && m_view->columnAxis().isFitted());
    }

    void anotherSourceOfTheSameShapeKeepsTheView()
    {
        m_view->setSource(std::make_shared<GradientSource>(3000, 50));
        m_view->showCell(700, 20);
        const double first = m_view->rowAxis().first();
        m_view->setSource(std::make_shared<GradientSource>(3000, 50), /*keepView=*/true);
        QCOMPARE(m_view->rowAxis().first(), first);
        m_view->setSource(std::make_shared<GradientSource>(3000, 50));
        QVERIFY(m_view->rowAxis().isFitted());
        m_view->setSource(nullptr);
        QVERIFY(m_view->bins().empty());
        QVERIFY(m_view->toolTipAt(QPoint(250, 200)).isEmpty());
    }

private:
    std::unique_ptr<MatrixView> m_view;
};

QTEST_MAIN(TestMatrixView)
#include "tst_matrix_view.moc"
