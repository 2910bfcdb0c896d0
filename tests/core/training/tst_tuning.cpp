// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// tune(): the τ/λ grid search on val, its callbacks and progress, stop, and the final training.
#include "small_training.h"
#include "test_support.h"

#include <semrel/training/tuning.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

using semrel::Method;
using semrel::Split;
using semrel::StopFlag;
using semrel::TrainingConfig;
using semrel::TuningGrid;
using semrel::test::generatedDataset;
using semrel::test::smallTrainingConfig;

namespace {

TuningGrid twoTaus()
{
    TuningGrid grid;
    grid.taus = {0.0, 0.5};
    grid.lambda1s = {1.0};
    grid.lambda2s = {0.5};
    return grid;
}

semrel::TrainingResult trainAlone(const TrainingConfig& config, const semrel::Dataset& data)
{
    const StopFlag stop;
    return semrel::Trainer(config).run(data, stop);
}

} // namespace

class TestTuning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pointsAreTheGridInOrder();
    void pointsTheMethodMakesIdenticalRunOnce();
    void rejectsAnEmptyListOrABadValue();
    void attributeStatisticsAreAnAxisWhenListed();
    void scoresEveryPointOnValAndRetrainsTheBestOnTrainval();
    void reportsEachPointAndProgress();
    void stopInTheGridReturnsThePointsThatFinished();
    void stopInTheFinalTrainingMarksItStopped();
    void requiresAValidationSplit();
};

void TestTuning::pointsAreTheGridInOrder()
{
    const std::vector<semrel::TuningPoint> points =
        semrel::tuningPoints(smallTrainingConfig(), TuningGrid{});
    QCOMPARE(points.size(), std::size_t{12}); // 3 τ x 2 λ1 x 2 λ2
    QCOMPARE(points.front().tau, 0.0);
    QCOMPARE(points.front().lambda1, 0.5);
    QCOMPARE(points.front().lambda2, 0.5);
    QCOMPARE(points[1].lambda2, 1.0); // λ2 innermost
    QCOMPARE(points[2].lambda1, 1.0);
    QCOMPARE(points[4].tau, 0.2); // τ outermost
    QCOMPARE(points.back().tau, 0.4);
    const TrainingConfig applied = points[5].applyTo(smallTrainingConfig());
    QCOMPARE(applied.tau, points[5].tau);
    QCOMPARE(applied.lambda1, points[5].lambda1);
    QCOMPARE(applied.lambda2, points[5].lambda2);
    QCOMPARE(applied.batchSize, 32);
}

void TestTuning::pointsTheMethodMakesIdenticalRunOnce()
{
    // B2 fixes τ = 1 and λ1 = 0: only λ2 varies. B3 fixes λ2 = 0.
    const auto b2 = semrel::tuningPoints(smallTrainingConfig(Method::B2), TuningGrid{});
    QCOMPARE(b2.size(), std::size_t{2});
    for (const semrel::TuningPoint& p : b2) {
        QCOMPARE(p.tau, 1.0);
        QCOMPARE(p.lambda1, 0.0);
    }
    const auto b3 = semrel::tuningPoints(smallTrainingConfig(Method::B3), TuningGrid{});
    QCOMPARE(b3.size(), std::size_t{6});
    for (const semrel::TuningPoint& p : b3)
        QCOMPARE(p.lambda2, 0.0);
}

void TestTuning::attributeStatisticsAreAnAxisWhenListed()
{
    TrainingConfig base = smallTrainingConfig();
    base.attributeStats = semrel::AttributeStats::All;
    // Not listed: the base's choice, not searched.
    for (const semrel::TuningPoint& p : semrel::tuningPoints(base, twoTaus()))
        QCOMPARE(p.attributeStats, semrel::AttributeStats::All);
    TuningGrid both = twoTaus();
    both.attributeStats = {semrel::AttributeStats::Seen, semrel::AttributeStats::All};
    const auto points = semrel::tuningPoints(base, both);
    QCOMPARE(points.size(), std::size_t{4}); // 2 τ x 2 statistics, statistics innermost
    QCOMPARE(points[0].attributeStats, semrel::AttributeStats::Seen);
    QCOMPARE(points[1].attributeStats, semrel::AttributeStats::All);
    QCOMPARE(points[1].applyTo(smallTrainingConfig()).attributeStats, semrel::AttributeStats::All);
}

void TestTuning::rejectsAnEmptyListOrABadValue()
{
    TuningGrid empty;
    empty.lambda1s.clear();
    QVERIFY_THROWS_EXCEPTION(semrel::Error, semrel::tuningPoints(smallTrainingConfig(), empty));
    TuningGrid outOfRange;
    outOfRange.taus = {0.0, 1.5};
    QVERIFY_THROWS_EXCEPTION(semrel::Error,
                             semrel::tuningPoints(smallTrainingConfig(), outOfRange));
}

void TestTuning::scoresEveryPointOnValAndRetrainsTheBestOnTrainval()
{
    const semrel::Dataset data = generatedDataset();
    const StopFlag stop;
    const semrel::TuningResult result = semrel::tune(smallTrainingConfig(), twoTaus(), data, stop);
    QVERIFY(!result.stopped);
    QVERIFY(result.retrained);
    QCOMPARE(result.points.size(), std::size_t{2});
    // Each score is what a training of that point on train measures on val at its last epoch.
    for (const semrel::TuningPointResult& p : result.points) {
        TrainingConfig alone = p.point.applyTo(smallTrainingConfig());
        alone.trainSplit = Split::Train;
        const semrel::TrainingResult run = trainAlone(alone, data);
        QCOMPARE(p.validationAccuracy, run.state.history.back().validationAccuracy);
        QVERIFY(p.validationAccuracy >= 0.0 && p.validationAccuracy <= 1.0);
        QVERIFY(p.seconds > 0.0);
        QCOMPARE(p.count, 2);
    }
    const int best =
        result.points[1].validationAccuracy > result.points[0].validationAccuracy ? 1 : 0;
    QCOMPARE(result.chosen, best);
    // The final model is the chosen point trained on trainval, as a lone training would be.
    const semrel::TuningPoint chosen = result.points[static_cast<std::size_t>(best)].point;
    const semrel::ModelState& final = result.final.state;
    QCOMPARE(final.config.trainSplit, Split::Trainval);
    QCOMPARE(final.config.tau, chosen.tau);
    QCOMPARE(static_cast<int>(final.history.size()), 2);
    const semrel::TrainingResult alone = trainAlone(chosen.applyTo(smallTrainingConfig()), data);
    QCOMPARE(final.parameters.size(), alone.state.parameters.size());
    for (std::size_t i = 0; i < final.parameters.size(); ++i)
        QVERIFY(final.parameters[i].values == alone.state.parameters[i].values);
}

void TestTuning::reportsEachPointAndProgress()
{
    const semrel::Dataset data = generatedDataset();
    std::vector<std::pair<int, int>> started;
    std::vector<double> finished;
    std::vector<double> fractions;
    int epochs = 0;
    bool retrainReported = false;
    semrel::TuningCallbacks callbacks;
    callbacks.onPointStarted = [&](const semrel::TuningPoint&, int index, int count) {
        started.emplace_back(index, count);
    };
    callbacks.onPointFinished = [&](const semrel::TuningPointResult& r) {
        finished.push_back(r.validationAccuracy);
    };
    callbacks.onRetrainStarted = [&](const semrel::TuningPointResult& chosen) {
        retrainReported = true;
        QCOMPARE(static_cast<int>(finished.size()), 2); // after every point
        QVERIFY(chosen.validationAccuracy == *std::max_element(finished.begin(), finished.end()));
    };
    callbacks.onEpoch = [&](const semrel::EpochReport&) {
        ++epochs;
    };
    callbacks.onProgress = [&](double fraction, const std::string&) {
        fractions.push_back(fraction);
    };
    const StopFlag stop;
    const semrel::TuningResult result =
        semrel::tune(smallTrainingConfig(), twoTaus(), data, stop, callbacks);
    QCOMPARE(started, (std::vector<std::pair<int, int>>{{0, 2}, {1, 2}}));
    QCOMPARE(finished, (std::vector<double>{result.points[0].validationAccuracy,
                                            result.points[1].validationAccuracy}));
    QVERIFY(retrainReported);
    QCOMPARE(epochs, 3 * 2); // two epochs for each point and for the final training
    QVERIFY(!fractions.empty());
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    QCOMPARE(fractions.front(), 0.0);
    QCOMPARE(fractions.back(), 1.0);
}

void TestTuning::stopInTheGridReturnsThePointsThatFinished()
{
    const semrel::Dataset data = generatedDataset();
    StopFlag stop;
    semrel::TuningCallbacks callbacks;
    callbacks.onPointFinished = [&](const semrel::TuningPointResult&) {
        stop.request();
    };
    const semrel::TuningResult result =
        semrel::tune(smallTrainingConfig(), twoTaus(), data, stop, callbacks);
    QVERIFY(result.stopped);
    QVERIFY(!result.retrained);
    QCOMPARE(result.points.size(), std::size_t{1});
    QCOMPARE(result.chosen, 0);
    QVERIFY(result.final.state.history.empty());
}

void TestTuning::stopInTheFinalTrainingMarksItStopped()
{
    const semrel::Dataset data = generatedDataset();
    StopFlag stop;
    semrel::TuningCallbacks callbacks;
    callbacks.onRetrainStarted = [&](const semrel::TuningPointResult&) {
        stop.request();
    };
    const semrel::TuningResult result =
        semrel::tune(smallTrainingConfig(), twoTaus(), data, stop, callbacks);
    QVERIFY(result.stopped);
    QVERIFY(result.retrained);
    QVERIFY(result.final.stopped);
    QCOMPARE(result.points.size(), std::size_t{2});
}

void TestTuning::requiresAValidationSplit()
{
    semrel::Dataset data = generatedDataset();
    data.split(Split::Val).clear();
    const StopFlag stop;
    const std::string message = semrel::test::dataErrorOf(
        [&] { semrel::tune(smallTrainingConfig(), twoTaus(), data, stop); });
    QVERIFY2(message.find("'/splits/val' is empty") != std::string::npos, message.c_str());
}

QTEST_GUILESS_MAIN(TestTuning)
#include "tst_tuning.moc"
