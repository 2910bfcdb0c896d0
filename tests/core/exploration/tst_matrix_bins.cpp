// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "exploration_fixtures.h"

#include <semrel/errors.h>
#include <semrel/exploration/attribute_bins.h>
#include <semrel/exploration/matrix_bins.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace semrel;
using semrel::test::shuffled;

namespace {

FloatMatrix randomMatrix(std::int64_t rows, std::int64_t cols, unsigned seed)
{
    FloatMatrix m(rows, cols);
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> uniform(-3.0f, 5.0f);
    for (float& v : m.values)
        v = uniform(random);
    return m;
}

} // namespace

class TestMatrixBins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void binsAreAtLeastAPixelAndNoCoarserThanNeeded_data()
    {
        QTest::addColumn<qint64>("length");
        QTest::addColumn<double>("first");
        QTest::addColumn<double>("last");
        QTest::addColumn<double>("pixels");
        QTest::newRow("SUN fitted") << qint64(717) << 0.0 << 717.0 << 350.0;
        QTest::newRow("SUN zoomed in") << qint64(717) << 100.25 << 140.5 << 400.0;
        QTest::newRow("20000 fitted") << qint64(20000) << 0.0 << 20000.0 << 600.0;
        QTest::newRow("20000 panned") << qint64(20000) << 1234.5 << 5234.5 << 512.0;
        QTest::newRow("attributes") << qint64(102) << 0.0 << 102.0 << 400.0;
        QTest::newRow("ten classes") << qint64(10) << 0.0 << 10.0 << 300.0;
    }

    void binsAreAtLeastAPixelAndNoCoarserThanNeeded()
    {
        QFETCH(qint64, length);
        QFETCH(double, first);
        QFETCH(double, last);
        QFETCH(double, pixels);
        const AxisBins bins = axisBinsFor(length, first, last, pixels);
        const double positionsPerPixel = (last - first) / pixels;
        QVERIFY(bins.stride >= 1 && (bins.stride & (bins.stride - 1)) == 0); // a power of two
        QVERIFY(bins.stride >= positionsPerPixel);                           // >= 1 pixel each
        QVERIFY(bins.stride == 1 || bins.stride / 2 < positionsPerPixel);    // the finest such
        QCOMPARE(bins.begin % bins.stride, 0);                               // on the grid
        QVERIFY(bins.begin <= std::floor(first) && bins.end >= std::min<double>(last, length));
        QVERIFY(bins.end <= length);
        QVERIFY(double(bins.count()) <= pixels + 2); // never more bins than pixels
    }

    void panningMovesWholeBins()
    {
        const AxisBins a = axisBinsFor(20000, 1000.0, 9000.0, 500.0);
        const AxisBins b = axisBinsFor(20000, 1100.0, 9100.0, 500.0);
        QCOMPARE(a.stride, b.stride);
        // A position keeps its bin's extent: both windows cut the axis on the same grid.
        const std::int64_t p = 5000;
        QCOMPARE(a.binBegin(a.binOf(p)), b.binBegin(b.binOf(p)));
        QCOMPARE(a.binEnd(a.binOf(p)), b.binEnd(b.binOf(p)));
    }

    void emptyAxesGiveNoBins()
    {
        QCOMPARE(axisBinsFor(0, 0, 10, 100).count(), 0);
        QCOMPARE(axisBinsFor(10, 5, 5, 100).count(), 0);
        QCOMPARE(axisBinsFor(10, 0, 10, 0).count(), 0);
    }

    void shadesRunFromEachAttributesMinimumToItsMaximum()
    {
        FloatMatrix e(3, 3);
        e.values = {1, 10, 4, 3, 20, 4, 2, 40, 4};
        const FloatMatrix s = attributeShades(e);
        QCOMPARE(s.values, (std::vector<float>{0, 0, 0, 1, 10.0f / 30, 0, 0.5f, 1, 0}));
    }

    void oneBinPerCellIsTheShade()
    {
        const FloatMatrix shades = attributeShades(randomMatrix(30, 8, 1));
        const auto rows = shuffled(30, 2);
        const auto columns = shuffled(8, 3);
        const MatrixBins bins = attributeBins(shades, rows, columns, {5, 25, 1}, {0, 8, 1});
        QCOMPARE(bins.values.size(), std::size_t(20 * 8));
        for (std::int64_t i = 0; i < 20; ++i)
            for (std::int64_t j = 0; j < 8; ++j)
                QCOMPARE(bins.at(i, j), shades.at(rows[static_cast<std::size_t>(5 + i)],
                                                  columns[static_cast<std::size_t>(j)]));
        QCOMPARE(bins.cellsRead, 20 * 8);
        QVERIFY(!bins.sampled);
    }

    void aggregatedBinsAreTheMeanOfTheirCells()
    {
        const FloatMatrix shades = attributeShades(randomMatrix(717, 102, 4));
        const auto rows = shuffled(717, 5);
        const auto columns = shuffled(102, 6);
        const AxisBins rowBins = axisBinsFor(717, 0, 717, 200);   // stride 4, last bin shorter
        const AxisBins columnBins = axisBinsFor(102, 0, 102, 40); // stride 4
        const MatrixBins bins = attributeBins(shades, rows, columns, rowBins, columnBins);
        QCOMPARE(rowBins.stride, 4);
        QCOMPARE(bins.values.size(), std::size_t(rowBins.count() * columnBins.count()));
        for (std::int64_t i = 0; i < rowBins.count(); ++i)
            for (std::int64_t j = 0; j < columnBins.count(); ++j) {
                double sum = 0;
                int n = 0;
                for (auto p = rowBins.binBegin(i); p < rowBins.binEnd(i); ++p)
                    for (auto q = columnBins.binBegin(j); q < columnBins.binEnd(j); ++q, ++n)
                        sum += shades.at(rows[static_cast<std::size_t>(p)],
                                         columns[static_cast<std::size_t>(q)]);
                QVERIFY(std::abs(bins.at(i, j) - sum / n) < 1e-5);
            }
    }

    void at20000ClassesTheBinsFollowThePixels()
    {
        const FloatMatrix shades = attributeShades(randomMatrix(20000, 102, 7));
        std::vector<std::int32_t> rows(20000);
        std::iota(rows.begin(), rows.end(), 0);
        std::vector<std::int32_t> columns(102);
        std::iota(columns.begin(), columns.end(), 0);
        const MatrixBins bins =
            attributeBins(shades, rows, columns, axisBinsFor(20000, 0, 20000, 300),
                          axisBinsFor(102, 0, 102, 500));
        QVERIFY(bins.values.size() <= std::size_t(300 * 102));
        QCOMPARE(bins.cellsRead, 20000 * 102);
        for (float v : bins.values)
            QVERIFY(v >= 0.0f && v <= 1.0f);
    }

    void rejectsWindowsOutsideTheOrder()
    {
        const FloatMatrix shades = attributeShades(randomMatrix(5, 3, 8));
        const std::vector<std::int32_t> rows = {0, 1, 2, 3, 4};
        const std::vector<std::int32_t> columns = {0, 1, 2};
        QVERIFY_THROWS_EXCEPTION(DataError,
                                 attributeBins(shades, rows, columns, {0, 6, 1}, {0, 3, 1}));
        QVERIFY_THROWS_EXCEPTION(
            DataError, attributeBins(shades, {0, 1, 2, 3, 9}, columns, {0, 5, 1}, {0, 3, 1}));
    }
};

QTEST_GUILESS_MAIN(TestMatrixBins)
#include "tst_matrix_bins.moc"
