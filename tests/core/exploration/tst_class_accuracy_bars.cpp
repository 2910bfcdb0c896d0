// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/evaluation/prediction_stats.h>
#include <semrel/exploration/class_accuracy_bars.h>

#include <QTest>

#include <cmath>
#include <random>

using namespace semrel;

namespace {

// Class c has c % 5 + 1 samples (class 9 none), right with a class-dependent chance.
std::vector<Prediction> predictions(int classes)
{
    std::mt19937 random(3);
    std::vector<Prediction> out;
    for (int c = 0; c < classes; ++c) {
        if (c == 9)
            continue;
        std::bernoulli_distribution right(double(c % 7) / 6.0);
        for (int k = 0; k <= c % 5; ++k)
            out.push_back({std::int64_t(out.size()), c, right(random) ? c : (c + 1) % classes, 0});
    }
    return out;
}

std::vector<std::string> names(int classes)
{
    std::vector<std::string> out;
    for (int c = 0; c < classes; ++c)
        out.push_back("class " + std::to_string(classes - c)); // reverse of the index order
    return out;
}

} // namespace

class TestClassAccuracyBars : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void barsAreThePerClassAccuracies()
    {
        const auto p = predictions(30);
        std::vector<std::int32_t> classes(30);
        for (int c = 0; c < 30; ++c)
            classes[std::size_t(c)] = 29 - c;
        const std::vector<ClassBar> bars = classBars(ConfusionCounts(p, 30), classes, {3, 4, 29});
        const std::vector<ClassAccuracy> expected = classAccuracies(p, classes);
        QCOMPARE(bars.size(), std::size_t(30));
        for (std::size_t i = 0; i < bars.size(); ++i) {
            QCOMPARE(bars[i].classIndex, classes[i]);
            QCOMPARE(bars[i].samples, expected[i].samples);
            QVERIFY(std::isnan(expected[i].accuracy) ? std::isnan(bars[i].accuracy)
                                                     : bars[i].accuracy == expected[i].accuracy);
            QCOMPARE(bars[i].unseen, classes[i] == 3 || classes[i] == 4 || classes[i] == 29);
        }
        QVERIFY_THROWS_EXCEPTION(DataError, classBars(ConfusionCounts(p, 30), {30}, {}));
    }

    void ordersByAccuracyNameOrSamples()
    {
        const auto p = predictions(40);
        std::vector<std::int32_t> classes(40);
        for (int c = 0; c < 40; ++c)
            classes[std::size_t(c)] = c;
        const std::vector<ClassBar> bars = classBars(ConfusionCounts(p, 40), classes, {});
        const auto at = [&](const std::vector<std::int32_t>& order, std::size_t i) {
            return bars[std::size_t(order[i])];
        };

        const auto high = barOrder(bars, BarOrder::AccuracyHighFirst, names(40));
        const auto low = barOrder(bars, BarOrder::AccuracyLowFirst, names(40));
        QVERIFY(std::isnan(at(high, 39).accuracy) && std::isnan(at(low, 39).accuracy));
        for (std::size_t i = 1; i + 1 < 40; ++i) {
            QVERIFY(at(high, i - 1).accuracy >= at(high, i).accuracy);
            QVERIFY(at(low, i - 1).accuracy <= at(low, i).accuracy);
        }
        const auto bySamples = barOrder(bars, BarOrder::Samples, names(40));
        for (std::size_t i = 1; i < 40; ++i)
            QVERIFY(at(bySamples, i - 1).samples >= at(bySamples, i).samples);
        // The names run backwards: "class 1" is class 39, "class 40" class 0.
        const auto byName = barOrder(bars, BarOrder::Name, names(40));
        for (std::size_t i = 0; i < 40; ++i)
            QCOMPARE(at(byName, i).classIndex, std::int32_t(39 - i));
    }

    void binsSummariseTheirBars()
    {
        const auto p = predictions(100);
        std::vector<std::int32_t> classes(100);
        std::vector<std::int32_t> unseen;
        for (int c = 0; c < 100; ++c) {
            classes[std::size_t(c)] = c;
            if (c % 3 == 0)
                unseen.push_back(c);
        }
        const std::vector<ClassBar> bars = classBars(ConfusionCounts(p, 100), classes, unseen);
        const auto order = barOrder(bars, BarOrder::AccuracyHighFirst, names(100));
        const AxisBins window = axisBinsFor(100, 10, 100, 20); // stride 8
        const BarBins bins = barBins(bars, order, window);
        QCOMPARE(bins.mean.size(), std::size_t(window.count()));
        for (std::int64_t b = 0; b < window.count(); ++b) {
            double sum = 0;
            int measured = 0;
            int unseenBars = 0;
            float lowest = 2;
            float highest = -1;
            for (auto i = window.binBegin(b); i < window.binEnd(b); ++i) {
                const ClassBar& bar = bars[std::size_t(order[std::size_t(i)])];
                unseenBars += bar.unseen;
                if (std::isnan(bar.accuracy))
                    continue;
                sum += bar.accuracy;
                ++measured;
                lowest = std::min(lowest, float(bar.accuracy));
                highest = std::max(highest, float(bar.accuracy));
            }
            const auto k = std::size_t(b);
            QVERIFY(std::abs(bins.mean[k] - sum / measured) < 1e-6);
            QCOMPARE(bins.low[k], lowest);
            QCOMPARE(bins.high[k], highest);
            QCOMPARE(bins.unseenShare[k],
                     float(unseenBars) / float(window.binEnd(b) - window.binBegin(b)));
        }
        QVERIFY_THROWS_EXCEPTION(DataError, barBins(bars, order, {0, 101, 1}));
    }
};

QTEST_GUILESS_MAIN(TestClassAccuracyBars)
#include "tst_class_accuracy_bars.moc"
