// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "exploration_fixtures.h"

#include <semrel/errors.h>
#include <semrel/exploration/relation_bins.h>
#include <semrel/method/dataset_relations.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace semrel;
using semrel::test::shuffled;
using semrel::test::twoSamplesPerClass;

namespace {

// The share of similar pairs of distinct classes in a block, from the full δ matrix.
double exactShare(const SemanticRelations& relations, const std::vector<std::int32_t>& order,
                  const AxisBins& rows, std::int64_t i, const AxisBins& columns, std::int64_t j)
{
    int similar = 0;
    int pairs = 0;
    for (auto p = rows.binBegin(i); p < rows.binEnd(i); ++p)
        for (auto q = columns.binBegin(j); q < columns.binEnd(j); ++q) {
            const Relation r = relations.relation(order[static_cast<std::size_t>(q)],
                                                  order[static_cast<std::size_t>(p)]);
            if (r == Relation::Identical)
                continue;
            ++pairs;
            similar += r == Relation::Similar;
        }
    return pairs == 0 ? std::nan("") : double(similar) / pairs;
}

} // namespace

class TestRelationBins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneBinPerCellIsTheRelationAtTau()
    {
        const Dataset data = twoSamplesPerClass(60, 16, 21);
        const ClassDeltas deltas(data);
        const auto order = shuffled(60, 1);
        for (double tau : {-0.3, 0.1, 0.45}) {
            const SemanticRelations relations = datasetRelations(data, tau);
            const MatrixBins bins = relationBins(deltas, order, order, {0, 60, 1}, {0, 60, 1}, tau);
            QVERIFY(!bins.sampled);
            QCOMPARE(bins.cellsRead, 3600);
            for (std::int64_t i = 0; i < 60; ++i)
                for (std::int64_t j = 0; j < 60; ++j) {
                    const Relation r = relations.relation(order[static_cast<std::size_t>(j)],
                                                          order[static_cast<std::size_t>(i)]);
                    const float v = bins.at(i, j);
                    if (r == Relation::Identical)
                        QVERIFY(std::isnan(v));
                    else
                        QCOMPARE(v, r == Relation::Similar ? 1.0f : 0.0f);
                }
        }
    }

    void aggregatedBinsAreTheShareOfSimilarPairs()
    {
        const Dataset data = twoSamplesPerClass(717, 102, 21);
        const ClassDeltas deltas(data);
        const SemanticRelations relations = datasetRelations(data, 0.05);
        const auto order = shuffled(717, 2);
        const AxisBins rows = axisBinsFor(717, 0, 717, 300);
        const AxisBins columns = axisBinsFor(717, 200, 400, 120);
        const MatrixBins bins = relationBins(deltas, order, order, rows, columns, 0.05);
        QVERIFY(!bins.sampled); // 717 x 200 cells fit the default budget
        for (std::int64_t i = 0; i < rows.count(); i += 7)
            for (std::int64_t j = 0; j < columns.count(); ++j) {
                const double expected = exactShare(relations, order, rows, i, columns, j);
                if (std::isnan(expected))
                    QVERIFY(std::isnan(bins.at(i, j)));
                else
                    QVERIFY(std::abs(bins.at(i, j) - expected) < 1e-6);
            }
    }

    void beyondTheBudgetBinsAreSampledWithinIt()
    {
        const Dataset data = twoSamplesPerClass(400, 32, 21);
        const ClassDeltas deltas(data);
        const SemanticRelations relations = datasetRelations(data, 0.0);
        const auto order = shuffled(400, 3);
        const AxisBins axis = axisBinsFor(400, 0, 400, 50); // stride 8: 50 bins
        const MatrixBins bins = relationBins(deltas, order, order, axis, axis, 0.0, 50 * 50 * 9);
        QVERIFY(bins.sampled);
        QVERIFY(bins.cellsRead <= 50 * 50 * 9);
        QCOMPARE(bins.cellsRead, 150 * 150); // 3 x 3 cells of each 8 x 8 bin
        double error = 0.0;
        for (std::int64_t i = 0; i < axis.count(); ++i)
            for (std::int64_t j = 0; j < axis.count(); ++j) {
                const float v = bins.at(i, j);
                QVERIFY(v >= 0.0f && v <= 1.0f);
                error += std::abs(v - exactShare(relations, order, axis, i, axis, j));
            }
        // An estimate from 9 of 64 cells: about half the pairs are similar at τ = 0.
        const double meanError = error / double(axis.count() * axis.count());
        qInfo("mean error of the sampled shares: %.3f", meanError);
        QVERIFY(meanError < 0.2);
    }

    // 20,000 classes: the fitted view reads at most the budget's cells and holds one value per
    // bin; zoomed in to a few classes it is exact again, cell by cell.
    void at20000ClassesNothingIsCSquared()
    {
        FloatMatrix e(20000, 102);
        std::mt19937 random(5);
        std::normal_distribution<float> gauss;
        for (float& v : e.values)
            v = gauss(random);
        const ClassDeltas deltas(e);
        std::vector<std::int32_t> order(20000);
        std::iota(order.begin(), order.end(), 0);
        const AxisBins fitted = axisBinsFor(20000, 0, 20000, 600);
        const MatrixBins all = relationBins(deltas, order, order, fitted, fitted, 0.1);
        QVERIFY(all.sampled);
        QVERIFY(all.cellsRead <= kDefaultCellBudget);
        QCOMPARE(all.values.size(), std::size_t(fitted.count() * fitted.count()));
        QVERIFY(all.values.size() <= std::size_t(602 * 602));

        const AxisBins zoomed = axisBinsFor(20000, 9000, 9040, 400);
        const MatrixBins cells = relationBins(deltas, order, order, zoomed, zoomed, 0.1);
        QVERIFY(!cells.sampled);
        QCOMPARE(zoomed.stride, 1);
        for (std::int64_t i = 0; i < zoomed.count(); ++i)
            for (std::int64_t j = 0; j < zoomed.count(); ++j) {
                const auto r = zoomed.binBegin(i);
                const auto m = zoomed.binBegin(j);
                if (r == m)
                    QVERIFY(std::isnan(cells.at(i, j)));
                else
                    QCOMPARE(cells.at(i, j), deltas.delta(m, r) >= 0.1f ? 1.0f : 0.0f);
            }
    }

    void rejectsABadTauOrWindow()
    {
        const ClassDeltas deltas(twoSamplesPerClass(10, 16, 21));
        std::vector<std::int32_t> order(10);
        std::iota(order.begin(), order.end(), 0);
        QVERIFY_THROWS_EXCEPTION(Error,
                                 relationBins(deltas, order, order, {0, 10, 1}, {0, 10, 1}, -1.0));
        QVERIFY_THROWS_EXCEPTION(DataError,
                                 relationBins(deltas, order, order, {0, 11, 1}, {0, 10, 1}, 0.0));
        order[3] = 10;
        QVERIFY_THROWS_EXCEPTION(DataError,
                                 relationBins(deltas, order, order, {0, 10, 1}, {0, 10, 1}, 0.0));
    }
};

QTEST_GUILESS_MAIN(TestRelationBins)
#include "tst_relation_bins.moc"
