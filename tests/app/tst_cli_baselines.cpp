// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The command line's baselines and protocol choices: ESZSL and SAE through train and eval,
// calibrated stacking in eval's JSON, --attribute-stats, the tuning splits in info, and runs
// added to a runs folder.
#include "cli_runner.h"
#include "mat_fixture.h"
#include "test_support.h"

#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/model_file/model_file.h>
#include <semrel/runs/run_store.h>

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using semrel::test::CliRun;
using semrel::test::jsonOfVerb;
using semrel::test::runVerb;

class TestCliBaselines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainsEszslWithFixedValues();
    void searchesWhatTheCommandLineLeftOpen();
    void evalReportsCalibratedStacking();
    void attributeStatisticsAreRecordedInTheModel();
    void infoSaysWhatTheTuningSplitsKeep();
    void addsRunsToARunsFolder();
    void refusesAWrongChoice();

private:
    QTemporaryDir m_dir;
    QString m_data;
};

void TestCliBaselines::initTestCase()
{
    // An xlsa17 folder whose train split also lists a test_seen sample, as AWA2's does.
    semrel::SyntheticSpec spec = semrel::test::syntheticSpec(10, 3, 2, 20, 12, 5);
    semrel::Dataset data = semrel::makeSyntheticDataset(spec);
    data.split(semrel::Split::Train).push_back(data.split(semrel::Split::TestSeen).front());
    std::sort(data.split(semrel::Split::Train).begin(), data.split(semrel::Split::Train).end());
    m_data = m_dir.filePath("SYN");
    QVERIFY(QDir().mkpath(m_data));
    semrel::test::writeXlsa17(m_data, semrel::test::res101Of(data), semrel::test::attSplitsOf(data),
                              semrel::test::MatFormat::V5);
}

void TestCliBaselines::trainsEszslWithFixedValues()
{
    const QString model = m_dir.filePath("eszsl.h5");
    const CliRun run = runVerb({"train", m_data, "--method", "eszsl", "--eszsl-gamma", "0.1",
                                "--eszsl-lambda", "10", "-o", model});
    QVERIFY2(run.status == 0, run.err.constData());
    QVERIFY2(run.err.contains("solved  zsl "), run.err.constData());
    QVERIFY(!run.err.contains("tune:")); // both values given: nothing searched
    const semrel::ModelState state = semrel::readModelFile(model.toStdString());
    QCOMPARE(state.config.method, semrel::Method::Eszsl);
    QCOMPARE(state.config.eszslGamma, 0.1);
    QCOMPARE(state.parameters.front().name, std::string("eszsl.V"));
}

void TestCliBaselines::searchesWhatTheCommandLineLeftOpen()
{
    const QString model = m_dir.filePath("sae.h5");
    const CliRun run = runVerb(
        {"train", m_data, "--method", "sae", "--sae-direction", "v2s", "-o", model, "--json"});
    QVERIFY2(run.status == 0, run.err.constData());
    QVERIFY2(run.err.contains("tune: point 21 of 21: λ 5242.88"), run.err.constData());
    QVERIFY(run.err.contains("tune: chose λ "));
    const semrel::ModelState state = semrel::readModelFile(model.toStdString());
    QCOMPARE(state.config.saeDirection, semrel::SaeDirection::VisualToSemantic);
    QVERIFY(state.calibration.chosen()); // the search chose γ on validation too
    // ESZSL with γ fixed searches λ only.
    const CliRun half = runVerb({"train", m_data, "--method", "eszsl", "--eszsl-gamma", "1", "-o",
                                 m_dir.filePath("half.h5")});
    QVERIFY2(half.err.contains("point 7 of 7: γ 1, λ 1000"), half.err.constData());
}

void TestCliBaselines::evalReportsCalibratedStacking()
{
    const QString model = m_dir.filePath("sae.h5");
    const QJsonObject out = jsonOfVerb({"eval", model, m_data, "--json"});
    const QJsonObject stacking = out["calibrated_stacking"].toObject();
    QVERIFY(stacking["ausuc"].toDouble() > 0.0 && stacking["ausuc"].toDouble() <= 1.0);
    const QJsonArray curve = stacking["curve"].toArray();
    QVERIFY(curve.size() >= 2);
    QCOMPARE(curve.first().toObject()["ts"].toDouble(), 0.0);
    QCOMPARE(curve.last().toObject()["tr"].toDouble(), 0.0);
    QVERIFY(stacking["calibration"].toObject()["gamma"].isDouble());
    QVERIFY(stacking["at_gamma"].toObject()["h"].isDouble());
    const CliRun text = runVerb({"eval", model, m_data});
    QVERIFY2(text.out.contains("AUSUC ") && text.out.contains("chosen on validation"),
             text.out.constData());
}

void TestCliBaselines::attributeStatisticsAreRecordedInTheModel()
{
    const QString model = m_dir.filePath("all.h5");
    const CliRun run = runVerb({"train", m_data, "--epochs", "1", "--encoder-hidden", "16",
                                "--decoder-hidden", "16", "--batch", "16", "--candidates", "5",
                                "--threads", "1", "--attribute-stats", "all", "-o", model});
    QVERIFY2(run.status == 0, run.err.constData());
    QCOMPARE(semrel::readModelFile(model.toStdString()).config.attributeStats,
             semrel::AttributeStats::All);
    const QJsonObject info = jsonOfVerb({"info", model, "--json"});
    QCOMPARE(info["config"].toObject()["attribute_stats"].toString(), QString("all"));
}

void TestCliBaselines::infoSaysWhatTheTuningSplitsKeep()
{
    const CliRun run = runVerb({"info", m_data});
    QVERIFY2(run.out.contains("tuning uses those only"), run.out.constData());
    const QJsonObject json = jsonOfVerb({"info", m_data, "--json"});
    const QJsonObject tuning = json["tuning_splits"].toObject();
    QCOMPARE(tuning["train"].toInt() - tuning["train_in_trainval"].toInt(), 1);
}

void TestCliBaselines::addsRunsToARunsFolder()
{
    const QString runs = m_dir.filePath("runs");
    const CliRun train =
        runVerb({"train", m_data, "--method", "eszsl", "--eszsl-gamma", "1", "--eszsl-lambda", "1",
                 "-o", m_dir.filePath("r.h5"), "--runs-dir", runs});
    QVERIFY2(train.status == 0, train.err.constData());
    const CliRun tune = runVerb({"tune", m_data, "--method", "sae", "--sae-lambdas", "0.1,1,10",
                                 "-o", m_dir.filePath("t.h5"), "--runs-dir", runs});
    QVERIFY2(tune.status == 0, tune.err.constData());
    const auto records = semrel::RunStore(runs.toStdString()).load();
    // train: 1; tune: 3 grid points and the final model.
    QCOMPARE(records.size(), std::size_t{5});
    int points = 0;
    for (const semrel::RunRecord& r : records)
        points += r.kind == semrel::RunKind::TuningPoint ? 1 : 0;
    QCOMPARE(points, 3);
    // Oldest first: the training came first.
    QCOMPARE(records.front().source, std::string("semrel train"));
    QCOMPARE(records.front().modelPath, QDir(m_dir.path()).absoluteFilePath("r.h5").toStdString());
    QVERIFY(!records.front().zslPerClass.empty());
}

void TestCliBaselines::refusesAWrongChoice()
{
    const CliRun run =
        runVerb({"train", m_data, "--attribute-stats", "most", "-o", m_dir.filePath("x.h5")});
    QCOMPARE(run.status, 1);
    QVERIFY2(run.err.contains("--attribute-stats: unknown attribute statistics 'most'"),
             run.err.constData());
    const CliRun holdout =
        runVerb({"train", m_data, "--seen-holdout", "1.5", "-o", m_dir.filePath("x.h5")});
    QVERIFY2(holdout.err.contains("seen holdout must be in [0, 0.9]"), holdout.err.constData());
}

QTEST_GUILESS_MAIN(TestCliBaselines)
#include "tst_cli_baselines.moc"
