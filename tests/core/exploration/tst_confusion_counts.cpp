// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "exploration_fixtures.h"

#include <semrel/errors.h>
#include <semrel/exploration/confusion_counts.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

using namespace semrel;
using semrel::test::shuffled;

namespace {

// `perClass` predictions for each of `classes` classes: mostly right, else a random class.
std::vector<Prediction> randomPredictions(int classes, int perClass, unsigned seed)
{
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> anyClass(0, classes - 1);
    std::bernoulli_distribution right(0.6);
    std::vector<Prediction> predictions;
    for (int c = 0; c < classes; ++c)
        for (int k = 0; k < perClass; ++k) {
            Prediction p;
            p.sample = static_cast<std::int64_t>(predictions.size());
            p.trueClass = c;
            p.predictedClass = right(random) ? c : anyClass(random);
            predictions.push_back(p);
        }
    return predictions;
}

using Dense = std::map<std::pair<std::int32_t, std::int32_t>, std::int64_t>;

Dense countByHand(const std::vector<Prediction>& predictions)
{
    Dense counts;
    for (const Prediction& p : predictions)
        ++counts[{p.trueClass, p.predictedClass}];
    return counts;
}

bool sameRanking(const std::vector<ConfusedPair>& a, const std::vector<ConfusedPair>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].trueClass != b[i].trueClass || a[i].predictedClass != b[i].predictedClass ||
            a[i].count != b[i].count)
            return false;
    return true;
}

// All cells that pass `keep`, ranked as the core ranks them, by brute force.
template <typename Keep>
std::vector<ConfusedPair> rankByHand(const Dense& dense, const ConfusionCounts& counts,
                                     std::size_t k, Keep keep)
{
    std::vector<ConfusedPair> all;
    for (const auto& [cell, n] : dense)
        if (keep(cell.first, cell.second))
            all.push_back(
                {cell.first, cell.second, n, double(n) / double(counts.samplesOf(cell.first))});
    std::sort(all.begin(), all.end(), [](const ConfusedPair& a, const ConfusedPair& b) {
        if (a.count != b.count)
            return a.count > b.count;
        if (a.share != b.share)
            return a.share > b.share;
        return a.trueClass != b.trueClass ? a.trueClass < b.trueClass
                                          : a.predictedClass < b.predictedClass;
    });
    all.resize(std::min(all.size(), k));
    return all;
}

} // namespace

class TestConfusionCounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsEveryPairAndStoresOnlyThoseThatOccur()
    {
        const auto predictions = randomPredictions(50, 9, 1);
        const Dense dense = countByHand(predictions);
        const ConfusionCounts counts(predictions, 50);
        QCOMPARE(counts.classCount(), 50);
        QCOMPARE(counts.entryCount(), static_cast<std::int64_t>(dense.size()));
        for (std::int32_t t = 0; t < 50; ++t) {
            QCOMPARE(counts.samplesOf(t), 9);
            for (std::int32_t p = 0; p < 50; ++p) {
                const auto it = dense.find({t, p});
                QCOMPARE(counts.count(t, p), it == dense.end() ? 0 : it->second);
            }
        }
        QCOMPARE(counts.count(-1, 0), 0);
        QCOMPARE(counts.count(50, 0), 0);
    }

    void rejectsAClassOutsideTheDatasetNamingTheSample()
    {
        std::vector<Prediction> predictions = randomPredictions(5, 2, 2);
        predictions[3].predictedClass = 5;
        try {
            ConfusionCounts(predictions, 5);
            QFAIL("expected DataError");
        } catch (const DataError& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("sample 3")), e.what());
        }
    }

    void mostConfusedPairsAreTheLargestOffDiagonalCells()
    {
        const auto predictions = randomPredictions(40, 12, 3);
        const ConfusionCounts counts(predictions, 40);
        const auto expected = rankByHand(countByHand(predictions), counts, 15,
                                         [](std::int32_t t, std::int32_t p) { return t != p; });
        const auto pairs = mostConfusedPairs(counts, 15);
        QVERIFY(sameRanking(pairs, expected));
        QVERIFY(std::abs(pairs.front().share - double(pairs.front().count) / 12.0) < 1e-12);
        QVERIFY(mostConfusedPairs(counts, 0).empty());
    }

    void aCellsValueIsItsShareOfTheRow()
    {
        const auto predictions = randomPredictions(30, 7, 4);
        const Dense dense = countByHand(predictions);
        const ConfusionCounts counts(predictions, 30);
        const auto order = shuffled(30, 5);
        const MatrixBins bins = confusionBins(counts, order, order, {0, 30, 1}, {0, 30, 1});
        for (std::int64_t i = 0; i < 30; ++i)
            for (std::int64_t j = 0; j < 30; ++j) {
                const auto it = dense.find({order[std::size_t(i)], order[std::size_t(j)]});
                const double n = it == dense.end() ? 0.0 : double(it->second);
                QVERIFY(std::abs(bins.at(i, j) - n / 7.0) < 1e-6);
            }
    }

    void aBinIsTheShareOfItsRowsSamplesThatWentToItsColumns()
    {
        // Unequal class sizes, a window, different row and column orders.
        std::vector<Prediction> predictions = randomPredictions(300, 3, 6);
        const auto more = randomPredictions(100, 5, 7);
        predictions.insert(predictions.end(), more.begin(), more.end());
        const Dense dense = countByHand(predictions);
        const ConfusionCounts counts(predictions, 300);
        const auto rowOrder = shuffled(300, 8);
        const auto columnOrder = shuffled(300, 9);
        const AxisBins rows = axisBinsFor(300, 20, 280, 70);
        const AxisBins columns = axisBinsFor(300, 0, 300, 40);
        const MatrixBins bins = confusionBins(counts, rowOrder, columnOrder, rows, columns);
        QCOMPARE(bins.values.size(), std::size_t(rows.count() * columns.count()));
        for (std::int64_t i = 0; i < rows.count(); ++i) {
            double rowSum = 0.0;
            for (std::int64_t j = 0; j < columns.count(); ++j) {
                std::int64_t hits = 0;
                std::int64_t samples = 0;
                for (auto p = rows.binBegin(i); p < rows.binEnd(i); ++p) {
                    const std::int32_t t = rowOrder[std::size_t(p)];
                    samples += counts.samplesOf(t);
                    for (auto q = columns.binBegin(j); q < columns.binEnd(j); ++q) {
                        const auto it = dense.find({t, columnOrder[std::size_t(q)]});
                        hits += it == dense.end() ? 0 : it->second;
                    }
                }
                QVERIFY(std::abs(bins.at(i, j) - double(hits) / double(samples)) < 1e-6);
                rowSum += bins.at(i, j);
            }
            QVERIFY(std::abs(rowSum - 1.0) < 1e-5); // every column is in the window
        }
        QVERIFY(bins.cellsRead <= counts.entryCount());
    }

    void largestCellsOfABlockAreItsLargestNonEmptyCells()
    {
        const auto predictions = randomPredictions(200, 6, 10);
        const Dense dense = countByHand(predictions);
        const ConfusionCounts counts(predictions, 200);
        const auto order = shuffled(200, 11);
        const AxisBins rows{40, 72, 32};
        const AxisBins columns{32, 96, 64};
        std::vector<std::int32_t> position(200);
        for (std::size_t i = 0; i < order.size(); ++i)
            position[static_cast<std::size_t>(order[i])] = static_cast<std::int32_t>(i);
        const auto expected = rankByHand(dense, counts, 3, [&](std::int32_t t, std::int32_t p) {
            return rows.contains(position[std::size_t(t)]) &&
                   columns.contains(position[std::size_t(p)]);
        });
        QVERIFY(!expected.empty());
        QVERIFY(sameRanking(largestCellsIn(counts, order, order, rows, columns, 3), expected));
    }

    // 20,000 classes, three test samples each, with planted confusions: counts stay sparse, the
    // top pairs are the planted ones, and the fitted view holds one value per bin.
    void at20000ClassesCountsStaySparse()
    {
        constexpr int kClasses = 20000;
        std::vector<Prediction> predictions;
        for (int c = 0; c < kClasses; ++c)
            for (int k = 0; k < 3; ++k)
                predictions.push_back({std::int64_t(predictions.size()), c, c, 0.5f});
        // Class 7 is always taken for 19999; class 500 twice for 501.
        for (int k = 0; k < 3; ++k)
            predictions[std::size_t(19999 * 3 + k)].predictedClass = 7;
        predictions[501 * 3].predictedClass = 500;
        predictions[501 * 3 + 1].predictedClass = 500;
        predictions[42 * 3].predictedClass = 41;
        const ConfusionCounts counts(predictions, kClasses);
        QVERIFY(counts.entryCount() <= std::int64_t(predictions.size()));
        const auto pairs = mostConfusedPairs(counts, 3);
        QCOMPARE(pairs.size(), std::size_t(3));
        QCOMPARE(pairs[0].trueClass, 19999);
        QCOMPARE(pairs[0].predictedClass, 7);
        QCOMPARE(pairs[0].count, 3);
        QCOMPARE(pairs[0].share, 1.0);
        QCOMPARE(pairs[1].trueClass, 501);
        QCOMPARE(pairs[1].count, 2);
        QCOMPARE(pairs[2].trueClass, 42);

        std::vector<std::int32_t> order(kClasses);
        std::iota(order.begin(), order.end(), 0);
        const AxisBins fitted = axisBinsFor(kClasses, 0, kClasses, 500);
        const MatrixBins bins = confusionBins(counts, order, order, fitted, fitted);
        QCOMPARE(bins.values.size(), std::size_t(fitted.count() * fitted.count()));
        QVERIFY(bins.values.size() <= std::size_t(502 * 502));
    }
};

QTEST_GUILESS_MAIN(TestConfusionCounts)
#include "tst_confusion_counts.moc"
