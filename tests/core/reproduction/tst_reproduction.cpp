// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// reproduce(): the paper's protocol over xlsa17 folders, its journal, resuming, stopping, and the
// report beside the paper's numbers. The folders are generated (res101.mat cannot be had here):
// one from a synthetic dataset, and, when the real class files are there, one of AWA2's layout.
#include "mat_fixture.h"
#include "real_xlsa17.h"
#include "test_support.h"

#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/reproduction/paper_results.h>
#include <semrel/reproduction/reproduction.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <tuple>

using semrel::Method;
using semrel::ReproductionEntry;
using semrel::ReproductionOptions;

namespace {

// A synthetic dataset as an xlsa17 folder `name` under `dir`.
void writeSyntheticFolder(const QString& dir, const QString& name)
{
    semrel::SyntheticSpec spec = semrel::test::syntheticSpec(14, 4, 3, 30, 24, 8);
    spec.seed = 5;
    const semrel::Dataset data = semrel::makeSyntheticDataset(spec);
    QVERIFY(QDir().mkpath(dir + "/" + name));
    semrel::test::writeXlsa17(dir + "/" + name, semrel::test::res101Of(data),
                              semrel::test::attSplitsOf(data), semrel::test::MatFormat::V5);
}

ReproductionOptions smallOptions(const QString& xlsa17, const QString& report)
{
    ReproductionOptions o;
    o.xlsa17Dir = xlsa17.toStdString();
    o.reportDir = report.toStdString();
    o.methods = {Method::Proposed, Method::Eszsl, Method::Sae};
    o.seeds = 2;
    o.epochs = 1;
    o.grid.taus = {0.0};
    o.grid.lambda1s = {1.0};
    o.grid.lambda2s = {0.5};
    o.grid.eszslGammas = {0.1, 10.0};
    o.grid.eszslLambdas = {0.1, 10.0};
    o.grid.saeLambdas = {0.2, 2.0};
    o.base.network = {{32}, {32}};
    o.base.batchSize = 32;
    o.base.candidates = 10;
    o.base.threads = 1;
    o.programVersion = "test";
    return o;
}

// Proposed twice (seen, all statistics) x (tuning + 2 seeds); ESZSL tuning + 1 run; SAE twice
// (two directions) x (tuning + 1 run).
constexpr int kUnits = 2 * 3 + 2 + 2 * 2;

using UnitKey = std::tuple<std::string, std::string, int, std::uint64_t>;

std::map<UnitKey, ReproductionEntry> byUnit(const std::vector<ReproductionEntry>& entries)
{
    std::map<UnitKey, ReproductionEntry> out;
    for (const ReproductionEntry& e : entries)
        out[{e.dataset, e.variant, int(e.kind), e.seed}] = e;
    return out;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestReproduction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runsTheProtocolAndWritesTheReport();
    void resumesWithoutRedoingFinishedUnits();
    void stopLeavesAConsistentPartialReportThatResumes();
    void refusesAJournalOfOtherSettings();
    void findsDatasetFoldersPaperOrderFirst();
    void keepsThePapersNumbersInOnePlace();
    void runsOnTheRealAwa2Layout();

private:
    QTemporaryDir m_dir;
    QString m_xlsa17;
    std::vector<ReproductionEntry> m_complete; // of an uninterrupted run
};

void TestReproduction::initTestCase()
{
    m_xlsa17 = m_dir.filePath("xlsa17");
    writeSyntheticFolder(m_xlsa17, "SYN");
}

void TestReproduction::runsTheProtocolAndWritesTheReport()
{
    const QString report = m_dir.filePath("complete");
    const semrel::StopFlag stop;
    int announced = 0;
    semrel::ReproductionCallbacks callbacks;
    callbacks.onEntry = [&](const ReproductionEntry&) {
        ++announced;
    };
    const semrel::ReproductionResult result =
        semrel::reproduce(smallOptions(m_xlsa17, report), stop, callbacks);
    QVERIFY(!result.stopped);
    QCOMPARE(result.added, kUnits);
    QCOMPARE(announced, kUnits);
    QCOMPARE(result.entries.size(), std::size_t(kUnits));
    m_complete = result.entries;
    for (const ReproductionEntry& e : result.entries) {
        if (e.variant == "proposed/all") // each variant trains with its own statistics
            QCOMPARE(e.config.attributeStats, semrel::AttributeStats::All);
        if (e.variant == "proposed/seen")
            QCOMPARE(e.config.attributeStats, semrel::AttributeStats::Seen);
        if (e.kind == ReproductionEntry::Kind::Tuning) {
            QVERIFY(!std::isnan(e.validationAccuracy));
            QVERIFY(e.calibration.chosen()); // val + the seen holdout chose a γ
            continue;
        }
        QCOMPARE(e.config.trainSplit, semrel::Split::Trainval);
        for (double v : {e.zsl, e.ts, e.tr, e.h, e.ausuc, e.calibratedH})
            QVERIFY2(v >= 0.0 && v <= 1.0, e.variant.c_str());
        QCOMPARE(e.splitsHash.size(), std::size_t{16});
    }
    const QString md = QString::fromUtf8(readAll(report + "/report.md"));
    QVERIFY(md.contains("the paper's Table 2"));
    QVERIFY(md.contains("Proposed (attribute stats: all)"));
    QVERIFY(md.contains("SAE (visual→semantic)"));
    QVERIFY(md.contains("Finished 12 of 12 units"));
    const QStringList csv = QString::fromUtf8(readAll(report + "/report.csv")).split('\n');
    QCOMPARE(csv.size(), 1 + 5 + 1); // header, five variants, final newline
    const QJsonObject json = QJsonDocument::fromJson(readAll(report + "/report.json")).object();
    QCOMPARE(json["finished_units"].toInt(), kUnits);
    QCOMPARE(json["rows"].toArray().size(), 5);
    QCOMPARE(json["journal"].toObject()["entries"].toArray().size(), kUnits);
}

void TestReproduction::resumesWithoutRedoingFinishedUnits()
{
    const QString report = m_dir.filePath("complete");
    const QByteArray before = readAll(report + "/journal.json");
    QVERIFY(!before.isEmpty());
    const semrel::StopFlag stop;
    int stages = 0;
    semrel::ReproductionCallbacks callbacks;
    callbacks.onStage = [&](const std::string&, Method) {
        ++stages;
    };
    const semrel::ReproductionResult again =
        semrel::reproduce(smallOptions(m_xlsa17, report), stop, callbacks);
    QCOMPARE(again.added, 0);
    QCOMPARE(again.reused, kUnits);
    QCOMPARE(stages, 0); // not even the dataset was loaded
    QCOMPARE(readAll(report + "/journal.json"), before);
    // A third seed adds the two missing runs only.
    ReproductionOptions more = smallOptions(m_xlsa17, report);
    more.seeds = 3;
    QCOMPARE(semrel::reproduce(more, stop).added, 2);
}

void TestReproduction::stopLeavesAConsistentPartialReportThatResumes()
{
    const QString report = m_dir.filePath("interrupted");
    semrel::StopFlag stop;
    semrel::ReproductionCallbacks callbacks;
    int seen = 0;
    callbacks.onEntry = [&](const ReproductionEntry&) {
        if (++seen == 3)
            stop.request(); // as Ctrl-C does, between two units
    };
    const semrel::ReproductionResult partial =
        semrel::reproduce(smallOptions(m_xlsa17, report), stop, callbacks);
    QVERIFY(partial.stopped);
    QCOMPARE(partial.entries.size(), std::size_t{3});
    QVERIFY(QString::fromUtf8(readAll(report + "/report.md")).contains("a partial report"));
    QCOMPARE(QJsonDocument::fromJson(readAll(report + "/journal.json"))
                 .object()["entries"]
                 .toArray()
                 .size(),
             3);
    QCOMPARE(QDir(report).entryList(QDir::Files),
             (QStringList{"journal.json", "report.csv", "report.json", "report.md"}));

    const semrel::StopFlag go;
    const semrel::ReproductionResult finished =
        semrel::reproduce(smallOptions(m_xlsa17, report), go);
    QCOMPARE(finished.reused, 3);
    QCOMPARE(finished.added, kUnits - 3);
    // Interrupted and resumed gives the numbers of an uninterrupted run.
    const auto complete = byUnit(m_complete);
    const auto resumed = byUnit(finished.entries);
    QCOMPARE(resumed.size(), complete.size());
    for (const auto& [key, entry] : complete) {
        const ReproductionEntry& other = resumed.at(key);
        QCOMPARE(other.zsl, entry.zsl);
        QCOMPARE(other.h, entry.h);
        QCOMPARE(other.validationAccuracy, entry.validationAccuracy);
    }
}

void TestReproduction::refusesAJournalOfOtherSettings()
{
    ReproductionOptions other = smallOptions(m_xlsa17, m_dir.filePath("complete"));
    other.epochs = 2;
    const semrel::StopFlag stop;
    try {
        semrel::reproduce(other, stop);
        QFAIL("expected semrel::Error");
    } catch (const semrel::Error& e) {
        QVERIFY2(QString(e.what()).contains("epochs: 1 in the journal, 2 now"), e.what());
    }
}

void TestReproduction::findsDatasetFoldersPaperOrderFirst()
{
    QTemporaryDir dir;
    for (const char* name : {"FLO", "CUB", "AWA1", "SUN", "notes"}) {
        QVERIFY(QDir().mkpath(dir.filePath(name)));
        if (QString(name) != "notes")
            for (const char* file : {"/res101.mat", "/att_splits.mat"})
                QVERIFY(semrel::test::writeFileBytes(dir.filePath(name) + file, "x"));
    }
    QCOMPARE(semrel::xlsa17Folders(dir.path().toStdString()),
             (std::vector<std::string>{"SUN", "CUB", "AWA1", "FLO"}));
    QTemporaryDir empty;
    QVERIFY_THROWS_EXCEPTION(semrel::DataError, semrel::xlsa17Folders(empty.path().toStdString()));
}

void TestReproduction::keepsThePapersNumbersInOnePlace()
{
    QCOMPARE(semrel::paperResult("proposed", "AWA2")->zsl, 63.8);
    QCOMPARE(semrel::paperResult("PROPOSED", "awa2")->h, 32.3);
    QCOMPARE(semrel::paperResult("eszsl", "APY")->ts, 2.4);
    QVERIFY(std::isnan(semrel::paperResult("ale", "SUN")->h));
    QVERIFY(!semrel::paperResult("sae", "SUN"));
    QCOMPARE(semrel::paperResults().size(), std::size_t{24});
}

void TestReproduction::runsOnTheRealAwa2Layout()
{
    const QString shared = semrel::test::sharedXlsa17Dir();
    if (shared.isEmpty())
        QSKIP("the real xlsa17 files are not there (set SEMREL_SHARED_DATA)");
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath("xlsa17/AWA2")));
    QVERIFY(semrel::test::writeGeneratedXlsa17Folder(shared + "/AWA2", dir.filePath("xlsa17/AWA2"),
                                                     16, 0.5, 7));
    ReproductionOptions o = smallOptions(dir.filePath("xlsa17"), dir.filePath("report"));
    o.methods = {Method::Eszsl, Method::Sae};
    o.seeds = 1;
    const semrel::StopFlag stop;
    const semrel::ReproductionResult result = semrel::reproduce(o, stop);
    QCOMPARE(result.datasets, (std::vector<std::string>{"AWA2"}));
    QCOMPARE(result.added, 6);
    const QString md = QString::fromUtf8(readAll(dir.filePath("report/report.md")));
    QVERIFY2(md.contains("(paper 58.6)"), qPrintable(md)); // ESZSL on AWA2, the paper's Table 2
    QVERIFY(md.contains("(paper 5.9 / 77.8 / 11.0)"));     // and Table 3
}

QTEST_GUILESS_MAIN(TestReproduction)
#include "tst_reproduction.moc"
