// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// `semrel reproduce` as a user runs it: the report beside the paper's numbers, Ctrl-C leaving a
// consistent partial report, and the same command finishing it without redoing a unit.
#include "cli_runner.h"
#include "mat_fixture.h"
#include "test_support.h"

#include <semrel/dataset/synthetic_dataset.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using semrel::test::CliRun;
using semrel::test::runVerb;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int journalEntries(const QString& report)
{
    return QJsonDocument::fromJson(readAll(report + "/journal.json"))
        .object()["entries"]
        .toArray()
        .size();
}

// Small and quick, except that the network methods train long enough to be interrupted.
QStringList reproduceArguments(const QString& xlsa17, const QString& report)
{
    return {"reproduce", "--xlsa17", xlsa17,   "-o",        report,       "--epochs",  "4",
            "--seeds",   "2",        "--taus", "0",         "--lambda1s", "1",         "--lambda2s",
            "0.5",       "--batch",  "16",     "--methods", "b3,eszsl",   "--threads", "1"};
}

} // namespace

class TestCliReproduce : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writesTheReportBesideThePapersNumbers();
    void ctrlCLeavesAPartialReportThatTheSameCommandFinishes();

private:
    QTemporaryDir m_dir;
    QString m_xlsa17;
};

void TestCliReproduce::initTestCase()
{
    semrel::SyntheticSpec spec = semrel::test::syntheticSpec(16, 4, 3, 120, 48, 10);
    const semrel::Dataset data = semrel::makeSyntheticDataset(spec);
    m_xlsa17 = m_dir.filePath("xlsa17");
    // Named like a dataset of the paper, so that its numbers show beside ours.
    QVERIFY(QDir().mkpath(m_xlsa17 + "/APY"));
    semrel::test::writeXlsa17(m_xlsa17 + "/APY", semrel::test::res101Of(data),
                              semrel::test::attSplitsOf(data), semrel::test::MatFormat::V5);
}

void TestCliReproduce::writesTheReportBesideThePapersNumbers()
{
    const QString report = m_dir.filePath("report");
    const CliRun run = runVerb(reproduceArguments(m_xlsa17, report));
    QVERIFY2(run.status == 0, run.err.constData());
    QVERIFY2(run.err.contains("reproduce: APY: tuning ESZSL, 49 grid points"), run.err.constData());
    const QString md = QString::fromUtf8(readAll(report + "/report.md"));
    QVERIFY2(md.contains("| B3 (attribute stats: seen) |"), qPrintable(md));
    QVERIFY(md.contains("(paper 37.2)"));             // B3 on aPY, the paper's Table 2
    QVERIFY(md.contains("(paper 2.4 / 70.1 / 4.6)")); // ESZSL on aPY, its Table 3
    QCOMPARE(journalEntries(report), 2 * (1 + 2) + 2);
}

void TestCliReproduce::ctrlCLeavesAPartialReportThatTheSameCommandFinishes()
{
    const QString report = m_dir.filePath("interrupted");
    const QStringList args = reproduceArguments(m_xlsa17, report);
    QProcess process;
    process.start(SEMREL_CLI_PATH, args);
    QVERIFY(process.waitForStarted());
    QElapsedTimer clock;
    clock.start();
    while (journalEntries(report) < 1 && process.state() == QProcess::Running &&
           clock.elapsed() < 120000)
        QTest::qWait(10);
    QVERIFY2(process.state() == QProcess::Running, "finished before it could be interrupted");
    ::kill(static_cast<pid_t>(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 1);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.contains("is a partial report: run the same command to finish it"),
             err.constData());
    const int done = journalEntries(report);
    QVERIFY(done >= 1 && done < 8);
    QVERIFY(QString::fromUtf8(readAll(report + "/report.md")).contains("a partial report"));
    QCOMPARE(QDir(report).entryList(QDir::Files),
             (QStringList{"journal.json", "report.csv", "report.json", "report.md"}));

    const CliRun again = runVerb(args);
    QVERIFY2(again.status == 0, again.err.constData());
    QVERIFY2(again.err.contains(QString("%1 units reused from the journal").arg(done).toUtf8()),
             again.err.constData());
    QCOMPARE(journalEntries(report), 8);
}

QTEST_GUILESS_MAIN(TestCliReproduce)
#include "tst_cli_reproduce.moc"
