// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// evaluate() in its two steps (evaluateZsl(), then evaluateGzsl()), as the Predictions view runs
// it: the ZSL part alone first, then GZSL with progress per block of rows and a way to stop.
#include "test_support.h"

#include <semrel/errors.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/relation_model.h>

#include <QTest>

#include <cmath>
#include <random>
#include <vector>

namespace {

// The identity model's four classes (ant, bee seen; cow, doe unseen) and `rows` random test
// samples, every third one of a seen class: enough rows for several of the scorer's blocks.
semrel::Dataset randomDataset(std::int64_t rows)
{
    const semrel::ModelState state = semrel::test::identityModelState();
    semrel::Dataset d;
    d.name = "random";
    d.classNames = state.classNames;
    d.classEmbeddings = state.classEmbeddings;
    d.features = semrel::FloatMatrix(rows, state.featureDim);
    std::mt19937 rng(11);
    std::normal_distribution<float> normal;
    for (float& v : d.features.values)
        v = normal(rng);
    for (std::int64_t i = 0; i < rows; ++i) {
        const bool seen = i % 3 == 0;
        d.labels.push_back(static_cast<std::int32_t>(seen ? i % 2 : 2 + i % 2));
        d.split(seen ? semrel::Split::TestSeen : semrel::Split::TestUnseen).push_back(i);
    }
    d.split(semrel::Split::Trainval) = {0, 3};
    d.split(semrel::Split::Train) = {0, 3};
    return d;
}

bool samePredictions(const std::vector<semrel::Prediction>& a,
                     const std::vector<semrel::Prediction>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].sample != b[i].sample || a[i].trueClass != b[i].trueClass ||
            a[i].predictedClass != b[i].predictedClass || a[i].score != b[i].score)
            return false;
    return true;
}

} // namespace

class TestEvaluationSteps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void zslStepHoldsTheZslPartAlone()
    {
        const semrel::RelationModel model(semrel::test::identityModelState());
        const semrel::Dataset data = randomDataset(2000);
        const semrel::EvaluationResult zsl = semrel::evaluateZsl(model, data);
        const semrel::EvaluationResult whole = semrel::evaluate(model, data);
        QCOMPARE(zsl.unseenClasses, whole.unseenClasses);
        QCOMPARE(zsl.seenClasses, whole.seenClasses);
        QCOMPARE(zsl.zslAccuracy, whole.zslAccuracy);
        QCOMPARE(zsl.zslPerClass, whole.zslPerClass);
        QCOMPARE(zsl.zslConfusion.counts, whole.zslConfusion.counts);
        QVERIFY(samePredictions(zsl.zslPredictions, whole.zslPredictions));
        QCOMPARE(zsl.zslPredictions.size(), data.split(semrel::Split::TestUnseen).size());
        QVERIFY(std::isnan(zsl.gzslUnseen) && std::isnan(zsl.gzslSeen) && std::isnan(zsl.gzslH));
        QVERIFY(zsl.gzslPredictions.empty());
        QVERIFY(zsl.seenUnseen.empty());
        QVERIFY(!std::isnan(whole.gzslH));
        QVERIFY(!whole.seenUnseen.empty());
    }

    void gzslStepCompletesTheZslStep()
    {
        const semrel::RelationModel model(semrel::test::identityModelState());
        const semrel::Dataset data = randomDataset(2000);
        const semrel::EvaluationResult whole = semrel::evaluate(model, data);
        const semrel::EvaluationResult stepped =
            semrel::evaluateGzsl(model, data, semrel::evaluateZsl(model, data));
        QCOMPARE(stepped.gzslUnseen, whole.gzslUnseen);
        QCOMPARE(stepped.gzslSeen, whole.gzslSeen);
        QCOMPARE(stepped.gzslH, whole.gzslH);
        QVERIFY(samePredictions(stepped.gzslPredictions, whole.gzslPredictions));
        QCOMPARE(stepped.gzslPredictions.size(), std::size_t(2000));
        QCOMPARE(stepped.seenUnseen.points.size(), whole.seenUnseen.points.size());
        QCOMPARE(stepped.seenUnseen.ausuc, whole.seenUnseen.ausuc);
        QVERIFY(samePredictions(stepped.zslPredictions, whole.zslPredictions));
    }

    // One report per block of rows, rising to 1 over both test splits.
    void gzslStepReportsProgressPerBlock()
    {
        const semrel::RelationModel model(semrel::test::identityModelState());
        const semrel::Dataset data = randomDataset(3000);
        std::vector<double> reports;
        semrel::evaluateGzsl(model, data, semrel::evaluateZsl(model, data),
                             [&](double fraction, const std::string& stage) {
                                 QVERIFY(!stage.empty());
                                 reports.push_back(fraction);
                             });
        QVERIFY2(reports.size() >= 4, qPrintable(QString::number(reports.size())));
        for (std::size_t i = 1; i < reports.size(); ++i)
            QVERIFY(reports[i] > reports[i - 1]);
        QVERIFY(reports.front() > 0.0);
        QCOMPARE(reports.back(), 1.0);
    }

    // A progress callback that throws Cancelled ends the work after that block.
    void gzslStepStopsWhenProgressThrows()
    {
        const semrel::RelationModel model(semrel::test::identityModelState());
        const semrel::Dataset data = randomDataset(3000);
        int reports = 0;
        bool cancelled = false;
        try {
            semrel::evaluateGzsl(model, data, semrel::evaluateZsl(model, data),
                                 [&](double, const std::string&) {
                                     ++reports;
                                     throw semrel::Cancelled("stopped");
                                 });
        } catch (const semrel::Cancelled&) {
            cancelled = true;
        }
        QVERIFY(cancelled);
        QCOMPARE(reports, 1);
    }

    void gzslStepRejectsAZslPartOfAnotherDataset()
    {
        const semrel::RelationModel model(semrel::test::identityModelState());
        const semrel::EvaluationResult zsl = semrel::evaluateZsl(model, randomDataset(300));
        QVERIFY_THROWS_EXCEPTION(semrel::Error,
                                 semrel::evaluateGzsl(model, randomDataset(600), zsl));
    }
};

QTEST_GUILESS_MAIN(TestEvaluationSteps)
#include "tst_evaluation_steps.moc"
