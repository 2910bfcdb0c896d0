// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/reports/training_curves.h>

#include <QTest>

#include <cmath>

using semrel::EpochReport;
using semrel::HeadlineMeasure;
using semrel::TrainingConfig;

namespace {

EpochReport epoch(int number, double zsl, double validation = EpochReport::kNotMeasured)
{
    EpochReport report;
    report.epoch = number;
    report.zslAccuracy = zsl;
    report.validationAccuracy = validation;
    return report;
}

} // namespace

class TestTrainingCurves : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bestEpochHasTheHighestZslAccuracy()
    {
        // The run: last epoch 74.8 %, best 77.5 %.
        const auto best = semrel::bestEpoch({epoch(1, 0.60), epoch(2, 0.775), epoch(3, 0.748)});
        QVERIFY(best);
        QCOMPARE(best->epoch, 2);
        QCOMPARE(best->index, std::size_t(1));
        QCOMPARE(best->measure, HeadlineMeasure::Zsl);
        QCOMPARE(best->accuracy, 0.775);
    }

    void bestEpochGoesByValidationWhenMeasured()
    {
        // Tuning runs measure validation only; choosing by test accuracy would peek.
        const auto best = semrel::bestEpoch({epoch(1, 0.9, 0.30), epoch(2, 0.5, 0.40)});
        QVERIFY(best);
        QCOMPARE(best->epoch, 2);
        QCOMPARE(best->measure, HeadlineMeasure::Validation);
        QCOMPARE(QString(semrel::headlineMeasureName(best->measure)), QString("validation"));
    }

    void bestEpochIsTheEarliestOfEqualsAndNothingWithoutAccuracies()
    {
        QCOMPARE(semrel::bestEpoch({epoch(1, 0.5), epoch(2, 0.5)})->epoch, 1);
        QVERIFY(!semrel::bestEpoch({epoch(1, EpochReport::kNotMeasured)}));
        QVERIFY(!semrel::bestEpoch({}));
        EpochReport gzslOnly = epoch(4, EpochReport::kNotMeasured);
        gzslOnly.gzslH = 0.25;
        QCOMPARE(semrel::bestEpoch({gzslOnly})->measure, HeadlineMeasure::GzslH);
    }

    void smoothingOfZeroChangesNothing()
    {
        const std::vector<double> values{3.0, 1.0, 2.0};
        QCOMPARE(semrel::smoothedCurve(values, 0.0), values);
    }

    void smoothingKeepsAConstantAndPassesNonFiniteValues()
    {
        const double nan = std::nan("");
        const std::vector<double> out = semrel::smoothedCurve({2.0, nan, 2.0, 2.0}, 0.9);
        QCOMPARE(out[0], 2.0); // debiased: no pull towards zero at the start
        QVERIFY(std::isnan(out[1]));
        QVERIFY(qAbs(out[2] - 2.0) < 1e-12);
        QVERIFY(qAbs(out[3] - 2.0) < 1e-12);
    }

    void smoothingDampsAStep()
    {
        const std::vector<double> out = semrel::smoothedCurve({0.0, 0.0, 10.0, 10.0}, 0.5);
        QCOMPARE(out[1], 0.0);
        QVERIFY(out[2] > 0.0 && out[2] < 10.0);
        QVERIFY(out[3] > out[2] && out[3] < 10.0);
    }

    void runsDifferingOnlyInLambda1AreToldApart()
    {
        TrainingConfig a;
        a.tau = 0.2;
        TrainingConfig b = a;
        b.lambda1 = 0.5;
        const std::vector<std::string> texts = semrel::distinguishingSettings({a, b});
        QCOMPARE(texts[0], std::string("proposed, τ 0.20, λ1 1"));
        QCOMPARE(texts[1], std::string("proposed, τ 0.20, λ1 0.5"));
    }

    void equalRunsShowOnlyMethodAndTau()
    {
        TrainingConfig a;
        const std::vector<std::string> texts = semrel::distinguishingSettings({a, a});
        QCOMPARE(texts[0], std::string("proposed, τ 0.00"));
        QCOMPARE(texts[1], texts[0]);
    }

    void everyDifferingSettingIsNamed()
    {
        TrainingConfig a;
        TrainingConfig b = a;
        b.seed = 3;
        b.network.encoderHidden = {64};
        b.trainSplit = semrel::Split::Train;
        const std::vector<std::string> texts = semrel::distinguishingSettings({a, b, a});
        QCOMPARE(texts[1], std::string("proposed, τ 0.00, seed 3, encoder 64, on train"));
        QCOMPARE(texts[0], std::string("proposed, τ 0.00, seed 0, encoder 512-1024, on trainval"));
    }

    void settingsAMethodOverridesDoNotCount()
    {
        // B2 fixes λ1 = 0 (and τ = 1): a λ1 typed into the form changes nothing it computes.
        TrainingConfig a;
        a.method = semrel::Method::B2;
        TrainingConfig b = a;
        b.lambda1 = 0.5;
        const std::vector<std::string> texts = semrel::distinguishingSettings({a, b});
        QCOMPARE(texts[0], std::string("b2, τ 1.00"));
        QCOMPARE(texts[1], texts[0]);
    }
};

QTEST_GUILESS_MAIN(TestTrainingCurves)
#include "tst_training_curves.moc"
