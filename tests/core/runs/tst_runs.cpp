// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The runs table's records: a folder of JSON files that survives the program, the labels that
// tell runs apart, class-by-class comparison and the CSV export.
#include "test_support.h"

#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/runs/run_comparison.h>
#include <semrel/runs/run_store.h>
#include <semrel/runs/runs_csv.h>
#include <semrel/training/trainer.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>

using semrel::RunRecord;
using semrel::RunStore;

namespace {

RunRecord sample(double lambda1)
{
    RunRecord r;
    r.source = "test";
    r.dataset = "AWA2";
    r.splitsHash = "00ff";
    r.config.lambda1 = lambda1;
    r.config.seed = (std::uint64_t{1} << 63) + 3;
    r.config.attributeStats = semrel::AttributeStats::All;
    r.epochs = 2;
    r.zslAccuracy = 0.5;
    r.gzslUnseen = 0.25;
    r.gzslSeen = 0.75;
    r.gzslH = 0.375;
    r.ausuc = 0.3;
    r.calibration.gamma = 0.125;
    r.calibration.validationHarmonic = 0.5;
    r.calibrated = {0.125, 0.4, 0.6, 0.48};
    r.seconds = 12.5;
    r.modelPath = "/tmp/m.h5";
    semrel::EpochReport e;
    e.epoch = 1;
    e.loss = -0.5;
    e.zslAccuracy = 0.4;
    r.history = {e};
    r.seenUnseenCurve = {{-1.0, 0.0, 0.8, 0.0}, {0.5, 0.3, 0.5, 0.375}, {2.0, 0.6, 0.0, 0.0}};
    r.zslPerClass = {{"cat", 0.5, 10}, {"dog", 0.25, 4}};
    r.gzslPerClass = {{"cat", 0.25, 10}, {"owl", std::nan(""), 0}};
    return r;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class TestRuns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRunSurvivesARestart();
    void twoWritersNeverShareAFile();
    void updatesAndDeletes();
    void aModelFileOpenedAgainKeepsOneRecord();
    void skipsAFileThatIsNotARun();
    void runsDifferingOnlyInLambda1AreToldApart();
    void identicalRunsGetTheirTimeInTheLabel();
    void csvHasEveryRunWithItsLabel();
    void comparesTwoRunsClassByClass();
    void recordsATrainedModelWithItsEvaluation();
};

void TestRuns::aRunSurvivesARestart()
{
    QTemporaryDir dir;
    const std::string folder = dir.filePath("runs").toStdString();
    const RunRecord written = RunStore(folder).add(sample(0.5));
    QVERIFY(!written.id.empty());
    QVERIFY(!written.createdAt.empty());
    // A new store on the folder: what a program started later sees.
    std::vector<std::string> warnings;
    const std::vector<RunRecord> loaded = RunStore(folder).load(&warnings);
    QVERIFY(warnings.empty());
    QCOMPARE(loaded.size(), std::size_t{1});
    const RunRecord& r = loaded.front();
    QCOMPARE(r.id, written.id);
    QCOMPARE(r.config.lambda1, 0.5);
    QCOMPARE(r.config.seed, (std::uint64_t{1} << 63) + 3);
    QCOMPARE(r.config.attributeStats, semrel::AttributeStats::All);
    QCOMPARE(r.zslAccuracy, 0.5);
    QVERIFY(std::isnan(r.validationAccuracy));
    QCOMPARE(r.calibration.gamma, 0.125);
    QCOMPARE(r.calibrated.harmonic, 0.48);
    QCOMPARE(r.history.size(), std::size_t{1});
    QCOMPARE(r.history[0].loss, -0.5);
    QVERIFY(std::isnan(r.history[0].gzslH));
    QCOMPARE(r.seenUnseenCurve.size(), std::size_t{3});
    QCOMPARE(r.seenUnseenCurve[1].harmonic, 0.375);
    QCOMPARE(r.zslPerClass[1].className, std::string("dog"));
    QVERIFY(sameBits(r.gzslPerClass[1].accuracy, sample(0).gzslPerClass[1].accuracy) ||
            std::isnan(r.gzslPerClass[1].accuracy));
    QCOMPARE(r.modelPath, std::string("/tmp/m.h5"));
}

void TestRuns::twoWritersNeverShareAFile()
{
    QTemporaryDir dir;
    const RunStore first(dir.path().toStdString());
    const RunStore second(dir.path().toStdString());
    for (int i = 0; i < 20; ++i) {
        first.add(sample(0.5));
        second.add(sample(1.0));
    }
    QCOMPARE(RunStore(dir.path().toStdString()).load().size(), std::size_t{40});
    QCOMPARE(QDir(dir.path()).entryList({"*.json"}, QDir::Files).size(), 40);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 40); // no temporary file left
}

void TestRuns::updatesAndDeletes()
{
    QTemporaryDir dir;
    const RunStore store(dir.path().toStdString());
    RunRecord r = store.add(sample(0.5));
    const RunRecord other = store.add(sample(1.0));
    r.modelPath = "/saved/later.h5";
    store.update(r);
    store.remove(other.id);
    store.remove(other.id); // already gone: no error
    const std::vector<RunRecord> loaded = store.load();
    QCOMPARE(loaded.size(), std::size_t{1});
    QCOMPARE(loaded[0].modelPath, std::string("/saved/later.h5"));
    RunRecord missing = sample(0.5);
    missing.id = "20000101T000000Z-00000000";
    QVERIFY_THROWS_EXCEPTION(semrel::Error, store.update(missing));
    missing.id = "../escape";
    QVERIFY_THROWS_EXCEPTION(semrel::Error, store.update(missing));
}

void TestRuns::aModelFileOpenedAgainKeepsOneRecord()
{
    QTemporaryDir dir;
    const RunStore store(dir.path().toStdString());
    RunRecord opened = sample(0.5);
    opened.kind = semrel::RunKind::LoadedModel;
    opened.modelPath = dir.filePath("m.h5").toStdString();
    opened.modelChecksum = "0badf00d";
    const RunRecord first = store.add(opened);

    // The same file again (by another spelling of its path), evaluated anew: its record updated.
    RunRecord again = opened;
    again.modelPath = dir.filePath("sub/../m.h5").toStdString();
    again.zslAccuracy = 0.625;
    const RunRecord second = store.add(again);
    QCOMPARE(second.id, first.id);
    QCOMPARE(second.createdAt, first.createdAt);
    std::vector<RunRecord> runs = store.load();
    QCOMPARE(runs.size(), std::size_t{1});
    QCOMPARE(runs[0].zslAccuracy, 0.625);
    QCOMPARE(runs[0].modelChecksum, std::string("0badf00d"));

    // Another content at that path, the same content elsewhere, a training of it: new records.
    RunRecord rewritten = opened;
    rewritten.modelChecksum = "0badf00e";
    RunRecord copied = opened;
    copied.modelPath = dir.filePath("copy.h5").toStdString();
    RunRecord training = opened;
    training.kind = semrel::RunKind::Training;
    for (const RunRecord& r : {rewritten, copied, training})
        QVERIFY(store.add(r).id != first.id);
    QCOMPARE(store.load().size(), std::size_t{4});
}

void TestRuns::skipsAFileThatIsNotARun()
{
    QTemporaryDir dir;
    const RunStore store(dir.path().toStdString());
    store.add(sample(0.5));
    QFile broken(dir.filePath("broken.json"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"format\": \"semrel-run\", \"version\": 1, \"id\": \"broken\"}");
    broken.close();
    QFile other(dir.filePath("notes.txt"));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    std::vector<std::string> warnings;
    QCOMPARE(store.load(&warnings).size(), std::size_t{1});
    QCOMPARE(warnings.size(), std::size_t{1});
    QVERIFY2(QString::fromStdString(warnings[0]).contains("broken.json"), warnings[0].c_str());
    QVERIFY2(QString::fromStdString(warnings[0]).contains("kind"), warnings[0].c_str());
}

void TestRuns::runsDifferingOnlyInLambda1AreToldApart()
{
    const std::vector<std::string> labels = semrel::distinguishingLabels({sample(0.5), sample(1)});
    QCOMPARE(labels, (std::vector<std::string>{"λ1 0.5", "λ1 1"}));
    RunRecord eszsl = sample(1);
    eszsl.config.method = semrel::Method::Eszsl;
    eszsl.config.eszslGamma = 0.1;
    const auto mixed = semrel::distinguishingLabels({sample(0.5), eszsl});
    QVERIFY2(QString::fromStdString(mixed[0]).startsWith("method proposed"), mixed[0].c_str());
    QVERIFY2(QString::fromStdString(mixed[1]).contains("γ 0.1"), mixed[1].c_str());
    QVERIFY(!QString::fromStdString(mixed[1]).contains("τ"));
    // Training details the closed form lacks do not lengthen the network run's label.
    QVERIFY2(!QString::fromStdString(mixed[0]).contains("batch"), mixed[0].c_str());
    QVERIFY2(QString::fromStdString(mixed[0]).contains("λ1 0.5"), mixed[0].c_str());
    // Two runs that differ only in how mining scored its candidates.
    RunRecord bf16 = sample(1);
    bf16.config.bf16Mining = true;
    QCOMPARE(semrel::distinguishingLabels({sample(1), bf16}),
             (std::vector<std::string>{"mining exact", "mining bfloat16"}));
}

void TestRuns::identicalRunsGetTheirTimeInTheLabel()
{
    RunRecord a = sample(1);
    RunRecord b = sample(1);
    a.createdAt = "2026-01-01T10:00:00Z";
    b.createdAt = "2026-01-01T11:00:00Z";
    const auto labels = semrel::distinguishingLabels({a, b});
    QVERIFY(labels[0] != labels[1]);
    QVERIFY2(QString::fromStdString(labels[1]).contains("11:00"), labels[1].c_str());
}

void TestRuns::csvHasEveryRunWithItsLabel()
{
    const std::string text = semrel::runsCsv({sample(0.5), sample(1)});
    const QStringList lines = QString::fromStdString(text).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines[0].startsWith("id,kind,created,source,dataset,label,method,tau,lambda1,"));
    QVERIFY2(lines[1].contains(",\"λ1 0.5\",proposed,0,0.5,1,all,"), qPrintable(lines[1]));
    QVERIFY2(lines[2].contains(",\"λ1 1\",proposed,0,1,1,all,"), qPrintable(lines[2]));
    QVERIFY(lines[1].endsWith(",\"/tmp/m.h5\""));
}

void TestRuns::comparesTwoRunsClassByClass()
{
    RunRecord a = sample(0.5);
    RunRecord b = sample(1);
    b.zslPerClass = {{"dog", 0.75, 4}, {"cat", 0.4, 10}, {"fox", 1.0, 3}};
    const auto zsl = semrel::compareClasses(a, b, false);
    QCOMPARE(zsl.size(), std::size_t{2}); // fox is in b only
    QCOMPARE(zsl[0].className, std::string("dog"));
    QCOMPARE(zsl[0].difference, 0.5);
    QVERIFY(std::abs(zsl[1].difference - (-0.1)) < 1e-12);
    // GZSL: cat is in both; owl has no accuracy (no samples) and is left out.
    const auto gzsl = semrel::compareClasses(a, b, true);
    QCOMPARE(gzsl.size(), std::size_t{1});
    QCOMPARE(gzsl[0].className, std::string("cat"));
    QCOMPARE(gzsl[0].difference, 0.0);
}

void TestRuns::recordsATrainedModelWithItsEvaluation()
{
    const semrel::Dataset data =
        semrel::makeSyntheticDataset(semrel::test::syntheticSpec(8, 2, 3, 60, 16, 6));
    semrel::TrainingConfig config;
    config.method = semrel::Method::Eszsl;
    config.threads = 1;
    const semrel::StopFlag stop;
    const semrel::ModelState model = semrel::Trainer(config).run(data, stop).state;
    const RunRecord r = semrel::recordOfModel(model, &data, semrel::RunKind::Training, "test");
    QCOMPARE(r.zslPerClass.size(), std::size_t{2});
    QCOMPARE(r.gzslPerClass.size(), data.seenClasses().size() + 2);
    QCOMPARE(r.zslAccuracy, model.history.back().zslAccuracy);
    QVERIFY(!r.seenUnseenCurve.empty());
    QVERIFY(r.ausuc >= 0.0 && r.ausuc <= 1.0);
    // Without the dataset: the settings and the history only.
    const RunRecord bare = semrel::recordOfModel(model, nullptr, semrel::RunKind::LoadedModel, "t");
    QVERIFY(bare.zslPerClass.empty());
    QCOMPARE(bare.zslAccuracy, r.zslAccuracy);
    // The model's checksum tells its file from another: 8 hex digits, another for other weights.
    QCOMPARE(bare.modelChecksum.size(), std::size_t{8});
    QCOMPARE(r.modelChecksum, bare.modelChecksum);
    semrel::ModelState changed = model;
    changed.parameters.front().values.front() += 1.0f;
    QVERIFY(
        semrel::recordOfModel(changed, nullptr, semrel::RunKind::LoadedModel, "t").modelChecksum !=
        bare.modelChecksum);
}

QTEST_GUILESS_MAIN(TestRuns)
#include "tst_runs.moc"
