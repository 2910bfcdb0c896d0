// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "small_training.h"

#include <semrel/dataset/tuning_splits.h>
#include <semrel/errors.h>
#include <semrel/method/normalizer.h>
#include <semrel/model_file/model_file.h>
#include <semrel/training/trainer.h>

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using semrel::Dataset;
using semrel::EpochReport;
using semrel::Method;
using semrel::StopFlag;
using semrel::Trainer;
using semrel::TrainingConfig;
using semrel::TrainingResult;
using semrel::test::generatedDataset;
using semrel::test::smallTrainingConfig;

namespace {

TrainingResult train(const TrainingConfig& c, const Dataset& data)
{
    StopFlag stop;
    return Trainer(c).run(data, stop);
}

bool sameParameters(const semrel::ModelState& a, const semrel::ModelState& b)
{
    if (a.parameters.size() != b.parameters.size())
        return false;
    for (std::size_t i = 0; i < a.parameters.size(); ++i) {
        if (a.parameters[i].name != b.parameters[i].name ||
            a.parameters[i].values != b.parameters[i].values)
            return false;
    }
    return true;
}

// One configuration trained on a copy of `original` and in place on `data`, which starts as a
// copy of `original` and ends with its training rows normalised where they lie.
struct CopyAndInPlace
{
    TrainingResult copied;
    TrainingResult inPlace;
};

CopyAndInPlace trainBothWays(const TrainingConfig& c, const Dataset& original, Dataset& data)
{
    data = original;
    StopFlag stop;
    return {train(c, original), Trainer(c).runInPlace(data, stop)}; // in this order
}

// A resume after 2 of 3 epochs: the 3-epoch configuration and its uninterrupted result, and the
// 2-epoch configuration that writes its checkpoint into `dir`.
struct ResumeRuns
{
    TrainingConfig whole;
    TrainingResult wholeResult;
    TrainingConfig first;
};

ResumeRuns resumeRuns(const Dataset& data, const QTemporaryDir& dir)
{
    ResumeRuns runs;
    runs.whole = smallTrainingConfig();
    runs.whole.epochs = 3;
    runs.wholeResult = train(runs.whole, data);
    runs.first = runs.whole;
    runs.first.epochs = 2;
    runs.first.checkpointPath = dir.filePath("checkpoint.h5").toStdString();
    return runs;
}

} // namespace

class TestTrainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedGivesIdenticalParameters();
    void sameBitsOnAnyThreadCount_data();
    void sameBitsOnAnyThreadCount();
    void reportsEveryEpoch();
    void tuningReportsValidationAccuracy();
    void resumeFromCheckpointEqualsUninterruptedRun();
    void inPlaceTrainingEqualsTheCopy_data();
    void inPlaceTrainingEqualsTheCopy();
    void inPlaceResumeEqualsTheCopy();
    void inPlaceTrainingCopiesRowsThatAreAlsoTested();
    void resumeRejectsAnotherSeed();
    void learnsZeroShotOnGeneratedData();
    void trainsEveryMethod_data();
    void trainsEveryMethod();
    void b2WithTauOneHasNoSimilarTerm();
    void attributeStatisticsChooseTheNormalisersClasses_data();
    void attributeStatisticsChooseTheNormalisersClasses();
    void tuningRunTrainsOnTheTuningRowsAndChoosesAGamma();
    void finalRunReportsAusucAndChoosesNoGamma();
    void oneUnseenClassIsTrivialZeroShot();
    void warnsAboutClassWithoutSimilarClass();
    void batchSmallerThanCandidateCount();
    void stopFlagEndsWithinOneBatch();
    void batchReportsCarryTheRunningLoss();
    void nanLossIsTrainingErrorNamingEpochAndBatch();
    void rejectsInvalidConfig();
};

void TestTrainer::sameSeedGivesIdenticalParameters()
{
    const Dataset data = generatedDataset();
    TrainingConfig c = smallTrainingConfig();
    c.evaluateEachEpoch = false;
    const TrainingResult a = train(c, data);
    const TrainingResult b = train(c, data);
    QVERIFY(sameParameters(a.state, b.state));
    c.seed = 6;
    QVERIFY(!sameParameters(a.state, train(c, data).state));
}

void TestTrainer::sameBitsOnAnyThreadCount_data()
{
    QTest::addColumn<int>("method");
    QTest::newRow("Proposed") << int(Method::Proposed);
    QTest::newRow("B1") << int(Method::B1);
    QTest::newRow("B2") << int(Method::B2);
    QTest::newRow("B3") << int(Method::B3);
}

// The step's members share its items in whatever order they ask; every output is still
// computed in one fixed order. 0 lets each step choose its own count.
void TestTrainer::sameBitsOnAnyThreadCount()
{
    QFETCH(int, method);
    const Dataset data = generatedDataset();
    TrainingConfig c = smallTrainingConfig(static_cast<Method>(method));
    c.evaluateEachEpoch = false;
    c.batchSize = 37; // a last batch of another size
    const TrainingResult one = train(c, data);
    for (const int threads : {2, 3, 0}) {
        c.threads = threads;
        const TrainingResult many = train(c, data);
        QVERIFY2(sameParameters(one.state, many.state), qPrintable(QString::number(threads)));
        QCOMPARE(many.state.history.back().loss, one.state.history.back().loss);
    }
}

void TestTrainer::reportsEveryEpoch()
{
    const Dataset data = generatedDataset();
    TrainingConfig c = smallTrainingConfig();
    c.epochs = 3;
    std::vector<EpochReport> seen;
    StopFlag stop;
    const TrainingResult r =
        Trainer(c).run(data, stop, [&](const EpochReport& e) { seen.push_back(e); });
    QCOMPARE(seen.size(), std::size_t(3));
    QCOMPARE(r.state.history.size(), std::size_t(3));
    QCOMPARE(r.state.completedEpochs, 3);
    QVERIFY(r.state.optimizerState.empty());
    for (int e = 0; e < 3; ++e) {
        const EpochReport& report = seen[static_cast<std::size_t>(e)];
        QCOMPARE(report.epoch, e + 1);
        QVERIFY(std::isfinite(report.loss) && std::isfinite(report.o1) && report.o2 >= 0 &&
                report.o3 > 0);
        QVERIFY(report.zslAccuracy >= 0 && report.zslAccuracy <= 1);
        QVERIFY(report.gzslUnseen >= 0 && report.gzslSeen >= 0 && report.gzslH >= 0);
        QVERIFY(std::isnan(report.validationAccuracy));
        QVERIFY(report.seconds > 0);
    }
    QCOMPARE(r.state.splitsHash, semrel::hashOfSplits(data));
    QCOMPARE(r.state.seenClasses, data.seenClasses());
    QVERIFY(!r.state.parameters.empty());
    QCOMPARE(r.state.parameters.front().name, std::string("encoder.0.weight"));
}

void TestTrainer::tuningReportsValidationAccuracy()
{
    TrainingConfig c = smallTrainingConfig();
    c.trainSplit = semrel::Split::Train;
    c.epochs = 1;
    const TrainingResult r = train(c, generatedDataset());
    const EpochReport& e = r.state.history.at(0);
    QVERIFY(e.validationAccuracy >= 0 && e.validationAccuracy <= 1);
    QVERIFY(std::isnan(e.zslAccuracy) && std::isnan(e.gzslH));
}

void TestTrainer::resumeFromCheckpointEqualsUninterruptedRun()
{
    const Dataset data = generatedDataset();
    QTemporaryDir dir;
    const ResumeRuns runs = resumeRuns(data, dir);
    train(runs.first, data);
    const semrel::ModelState checkpoint = semrel::readModelFile(runs.first.checkpointPath);
    QCOMPARE(checkpoint.completedEpochs, 2);
    QVERIFY(!checkpoint.optimizerState.empty());

    StopFlag stop;
    const TrainingResult resumed = Trainer(runs.whole).resume(data, checkpoint, stop);
    QCOMPARE(resumed.state.completedEpochs, 3);
    QCOMPARE(resumed.state.history.size(), std::size_t(3));
    QVERIFY(sameParameters(runs.wholeResult.state, resumed.state));
    QCOMPARE(resumed.state.history.back().loss, runs.wholeResult.state.history.back().loss);
}

void TestTrainer::inPlaceTrainingEqualsTheCopy_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<bool>("tuning");
    for (const Method m : {Method::Proposed, Method::B1, Method::B2, Method::B3}) {
        const QByteArray name = semrel::methodName(m);
        QTest::newRow(name + " trainval") << int(m) << false;
        QTest::newRow(name + " tuning") << int(m) << true;
    }
}

// Normalising the training rows where they lie changes where the miner and the objective read
// them, not their values: every bit of the model, its history and its calibration is the same,
// and only the training rows of the dataset changed.
void TestTrainer::inPlaceTrainingEqualsTheCopy()
{
    QFETCH(int, method);
    QFETCH(bool, tuning);
    const Dataset original = generatedDataset();
    TrainingConfig c = smallTrainingConfig(static_cast<Method>(method));
    if (tuning)
        c.trainSplit = semrel::Split::Train;
    c.threads = 2;
    Dataset data;
    const auto [copied, inPlace] = trainBothWays(c, original, data);
    QVERIFY(sameParameters(copied.state, inPlace.state));
    QCOMPARE(inPlace.state.history.size(), copied.state.history.size());
    for (std::size_t e = 0; e < copied.state.history.size(); ++e) {
        const EpochReport& a = copied.state.history[e];
        const EpochReport& b = inPlace.state.history[e];
        QCOMPARE(b.loss, a.loss);
        for (const auto field :
             {&EpochReport::validationAccuracy, &EpochReport::zslAccuracy, &EpochReport::gzslUnseen,
              &EpochReport::gzslSeen, &EpochReport::ausuc})
            QVERIFY((std::isnan(a.*field) && std::isnan(b.*field)) || a.*field == b.*field);
    }
    QCOMPARE(inPlace.state.calibration.gamma, copied.state.calibration.gamma);
    QCOMPARE(inPlace.warnings, copied.warnings);

    std::vector<char> trained(static_cast<std::size_t>(data.sampleCount()), 0);
    const semrel::Split split = tuning ? semrel::Split::Train : semrel::Split::Trainval;
    const std::vector<std::int64_t> trainRows =
        tuning ? semrel::tuningRows(data, c.tuningSplits, c.seenHoldout, c.seed).fit
               : data.split(split);
    for (std::int64_t row : trainRows)
        trained[static_cast<std::size_t>(row)] = 1;
    const std::int64_t d = data.featureDim();
    for (std::int64_t row = 0; row < data.sampleCount(); ++row) {
        const bool same = std::equal(data.features.row(row), data.features.row(row) + d,
                                     original.features.row(row));
        QVERIFY2(same != bool(trained[static_cast<std::size_t>(row)]),
                 qPrintable(QString("row %1").arg(row)));
    }
    QCOMPARE(data.labels, original.labels);
    QVERIFY(data.splits == original.splits);
    QVERIFY(data.classEmbeddings == original.classEmbeddings);
}

void TestTrainer::inPlaceResumeEqualsTheCopy()
{
    const Dataset original = generatedDataset();
    QTemporaryDir dir;
    const ResumeRuns runs = resumeRuns(original, dir);
    Dataset data = original;
    StopFlag stop;
    Trainer(runs.first).runInPlace(data, stop);
    const semrel::ModelState checkpoint = semrel::readModelFile(runs.first.checkpointPath);
    data = original;
    const TrainingResult resumed = Trainer(runs.whole).resumeInPlace(data, checkpoint, stop);
    QVERIFY(sameParameters(runs.wholeResult.state, resumed.state));
    QCOMPARE(resumed.state.history.back().loss, runs.wholeResult.state.history.back().loss);
}

// As in xlsa17's AWA2, a test_seen sample also listed in train: with the raw tuning splits it is
// trained on, and it must stay raw for a later evaluation of the test splits. The rows are then
// copied, and the dataset stays as it was.
void TestTrainer::inPlaceTrainingCopiesRowsThatAreAlsoTested()
{
    Dataset original = generatedDataset();
    const std::int64_t testSeen = original.split(semrel::Split::TestSeen).front();
    std::vector<std::int64_t>& trainRows = original.split(semrel::Split::Train);
    trainRows.push_back(testSeen);
    std::sort(trainRows.begin(), trainRows.end());
    TrainingConfig c = smallTrainingConfig();
    c.trainSplit = semrel::Split::Train;
    c.tuningSplits = semrel::TuningSplits::Raw;
    Dataset data;
    const auto [copied, inPlace] = trainBothWays(c, original, data);
    QVERIFY(sameParameters(copied.state, inPlace.state));
    QCOMPARE(inPlace.state.history.back().validationAccuracy,
             copied.state.history.back().validationAccuracy);
    QVERIFY(data.features == original.features);
}

void TestTrainer::resumeRejectsAnotherSeed()
{
    const Dataset data = generatedDataset();
    QTemporaryDir dir;
    TrainingConfig c = smallTrainingConfig();
    c.epochs = 1;
    c.checkpointPath = dir.filePath("checkpoint.h5").toStdString();
    train(c, data);
    const semrel::ModelState checkpoint = semrel::readModelFile(c.checkpointPath);
    c.seed += 1;
    c.epochs = 2;
    StopFlag stop;
    try {
        Trainer(c).resume(data, checkpoint, stop);
        QFAIL("expected semrel::TrainingError");
    } catch (const semrel::TrainingError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("seed"), e.what());
    }
}

void TestTrainer::learnsZeroShotOnGeneratedData()
{
    // The generated features are a linear map of the embeddings plus noise, so B1's regression
    // suits them well too; the point is that the proposed objective learns to transfer.
    const Dataset data = generatedDataset();
    auto zsl = [&](Method method) {
        TrainingConfig c = smallTrainingConfig(method);
        c.network.encoderHidden = {128};
        c.network.decoderHidden = {128};
        c.epochs = 15;
        return train(c, data).state.history.back().zslAccuracy;
    };
    const double proposed = zsl(Method::Proposed);
    const double b1 = zsl(Method::B1);
    qInfo("ZSL accuracy on generated data (5 unseen classes, chance 0.20), 15 epochs: "
          "proposed %.3f, B1 %.3f",
          proposed, b1);
    QVERIFY2(proposed > 0.45, qPrintable(QString::number(proposed)));
}

void TestTrainer::trainsEveryMethod_data()
{
    QTest::addColumn<Method>("method");
    QTest::newRow("proposed") << Method::Proposed;
    QTest::newRow("b1") << Method::B1;
    QTest::newRow("b2") << Method::B2;
    QTest::newRow("b3") << Method::B3;
}

void TestTrainer::trainsEveryMethod()
{
    QFETCH(Method, method);
    const TrainingResult r = train(smallTrainingConfig(method), generatedDataset());
    const EpochReport& e = r.state.history.back();
    QVERIFY(std::isfinite(e.loss));
    QCOMPARE(e.o3 == 0.0, method == Method::B3); // B3 has no decoder
    const bool hasDecoder =
        std::any_of(r.state.parameters.begin(), r.state.parameters.end(),
                    [](const auto& p) { return p.name.rfind("decoder", 0) == 0; });
    QCOMPARE(hasDecoder, method != Method::B3);
}

void TestTrainer::b2WithTauOneHasNoSimilarTerm()
{
    TrainingConfig c = smallTrainingConfig(Method::B2);
    c.tau = 0.3; // ignored: B2 uses τ = 1
    const TrainingResult r = train(c, generatedDataset());
    QCOMPARE(r.state.history.back().o2, 0.0);
    QVERIFY(r.warnings.empty());
    QVERIFY(std::isfinite(r.state.history.back().loss));
}

void TestTrainer::oneUnseenClassIsTrivialZeroShot()
{
    TrainingConfig c = smallTrainingConfig();
    c.epochs = 1;
    const TrainingResult r = train(c, generatedDataset(/*unseen=*/1));
    QCOMPARE(r.state.history.back().zslAccuracy, 1.0);
    QVERIFY(r.state.history.back().gzslUnseen >= 0);
}

void TestTrainer::warnsAboutClassWithoutSimilarClass()
{
    TrainingConfig c = smallTrainingConfig();
    c.tau = 0.95; // no two generated classes are that close
    c.epochs = 1;
    const TrainingResult r = train(c, generatedDataset());
    QVERIFY(!r.warnings.empty());
    QVERIFY2(QString::fromStdString(r.warnings.front()).contains("no similar training class"),
             r.warnings.front().c_str());
    QCOMPARE(r.state.history.back().o2, 0.0);
    QVERIFY(std::isfinite(r.state.history.back().loss));
}

void TestTrainer::batchSmallerThanCandidateCount()
{
    TrainingConfig c = smallTrainingConfig();
    c.batchSize = 7; // 720 training rows: 103 batches, the last one of 6
    c.candidates = 50;
    c.epochs = 1;
    std::int64_t lastBatch = 0, total = 0;
    StopFlag stop;
    const TrainingResult r =
        Trainer(c).run(generatedDataset(), stop, {}, [&](const semrel::BatchReport& report) {
            lastBatch = report.batch;
            total = report.batches;
        });
    QCOMPARE(total, std::int64_t(103));
    QCOMPARE(lastBatch, total);
    QVERIFY(std::isfinite(r.state.history.back().loss));
}

void TestTrainer::stopFlagEndsWithinOneBatch()
{
    const Dataset data = generatedDataset();
    TrainingConfig c = smallTrainingConfig();
    StopFlag stop;
    int batchCalls = 0;
    const TrainingResult r = Trainer(c).run(data, stop, {}, [&](const semrel::BatchReport& report) {
        ++batchCalls;
        if (report.batch == 3)
            stop.request();
    });
    QVERIFY(r.stopped);
    QCOMPARE(batchCalls, 3);
    QCOMPARE(r.state.completedEpochs, 0);
    QVERIFY(r.state.history.empty());
}

void TestTrainer::batchReportsCarryTheRunningLoss()
{
    TrainingConfig c = smallTrainingConfig();
    c.epochs = 2;
    std::vector<semrel::BatchReport> reports;
    StopFlag stop;
    const TrainingResult r = Trainer(c).run(
        generatedDataset(), stop, {}, [&](const semrel::BatchReport& b) { reports.push_back(b); });
    QVERIFY(!reports.empty());
    double sum = 0.0;
    for (const semrel::BatchReport& b : reports) {
        if (b.batch == 1)
            sum = 0.0; // a new epoch
        sum += b.loss;
        QVERIFY(std::isfinite(b.loss));
        QVERIFY(qAbs(b.runningLoss - sum / static_cast<double>(b.batch)) <= 1e-9);
        if (b.batch == b.batches) // the epoch's running loss is the loss its report gives
            QVERIFY(qAbs(b.runningLoss -
                         r.state.history[static_cast<std::size_t>(b.epoch - 1)].loss) <= 1e-9);
    }
    QCOMPARE(reports.back().epoch, 2);
    // Batch losses vary: the running mean is not one batch's value repeated.
    QVERIFY(reports.front().loss != reports[1].loss);
}

void TestTrainer::nanLossIsTrainingErrorNamingEpochAndBatch()
{
    TrainingConfig c = smallTrainingConfig();
    c.learningRate = 1e30; // the first step throws the weights to infinity
    try {
        train(c, generatedDataset());
        QFAIL("expected semrel::TrainingError");
    } catch (const semrel::TrainingError& e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains("epoch 1, batch 2"), e.what());
    }
}

void TestTrainer::rejectsInvalidConfig()
{
    TrainingConfig c = smallTrainingConfig();
    c.candidates = 0;
    QVERIFY_THROWS_EXCEPTION(semrel::Error, Trainer{c});
}

void TestTrainer::attributeStatisticsChooseTheNormalisersClasses_data()
{
    QTest::addColumn<bool>("all");
    QTest::newRow("seen: the classes trained on") << false;
    QTest::newRow("all: every class") << true;
}

void TestTrainer::attributeStatisticsChooseTheNormalisersClasses()
{
    QFETCH(bool, all);
    const Dataset data = generatedDataset();
    TrainingConfig c = smallTrainingConfig();
    c.epochs = 1;
    c.attributeStats = all ? semrel::AttributeStats::All : semrel::AttributeStats::Seen;
    const semrel::ModelState state = train(c, data).state;
    QCOMPARE(state.config.attributeStats, c.attributeStats);
    const std::vector<std::int32_t> seen = data.seenClasses();
    const semrel::Normalizer expected =
        all ? semrel::Normalizer::fit(data.classEmbeddings)
            : semrel::Normalizer::fit(data.classEmbeddings,
                                      std::vector<std::int64_t>(seen.begin(), seen.end()));
    QCOMPARE(state.embeddingNormalizer.mean, expected.mean);
    QCOMPARE(state.embeddingNormalizer.stddev, expected.stddev);
}

void TestTrainer::tuningRunTrainsOnTheTuningRowsAndChoosesAGamma()
{
    Dataset data = generatedDataset();
    // As in xlsa17's AWA2: a test_seen sample also listed in train.
    const std::int64_t testSeen = data.split(semrel::Split::TestSeen).front();
    data.split(semrel::Split::Train).push_back(testSeen);
    std::sort(data.split(semrel::Split::Train).begin(), data.split(semrel::Split::Train).end());
    TrainingConfig c = smallTrainingConfig();
    c.trainSplit = semrel::Split::Train;
    const semrel::ModelState state = train(c, data).state;
    const semrel::TuningRows rows =
        semrel::tuningRows(data, semrel::TuningSplits::Trainval, c.seenHoldout, c.seed);
    QVERIFY(!rows.seenHoldout.empty());
    QVERIFY(std::find(rows.fit.begin(), rows.fit.end(), testSeen) == rows.fit.end());
    const semrel::Normalizer fitted = semrel::Normalizer::fit(data.features, rows.fit);
    QCOMPARE(state.featureNormalizer.mean, fitted.mean);
    QVERIFY(state.calibration.chosen());
    QVERIFY(state.calibration.validationHarmonic >= 0.0 &&
            state.calibration.validationHarmonic <= 1.0);
    QVERIFY(!std::isnan(state.history.back().validationAccuracy));

    // The raw splits train on the test_seen sample too: another normaliser.
    c.tuningSplits = semrel::TuningSplits::Raw;
    const semrel::ModelState raw = train(c, data).state;
    QVERIFY(raw.featureNormalizer.mean != state.featureNormalizer.mean);
}

void TestTrainer::finalRunReportsAusucAndChoosesNoGamma()
{
    const semrel::ModelState state = train(smallTrainingConfig(), generatedDataset()).state;
    QVERIFY(!state.calibration.chosen());
    for (const EpochReport& r : state.history)
        QVERIFY(r.ausuc >= 0.0 && r.ausuc <= 1.0);
}

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
