// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The CSV tables the core writes for the window and the command line: the training history and
// what one image resembles. Plain CSV (no comment lines), quoting, empty cells for "not
// measured", and atomic writes that leave an existing file intact when they fail.
#include "test_support.h"

#include <semrel/reports/history_csv.h>
#include <semrel/reports/similarity_csv.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <limits>
#include <sys/resource.h>

namespace {

QStringList linesOf(const std::string& text)
{
    return QString::fromStdString(text).split('\n', Qt::SkipEmptyParts);
}

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

semrel::EpochReport epoch(int number, double loss, double zsl)
{
    semrel::EpochReport e;
    e.epoch = number;
    e.loss = loss;
    e.o1 = loss - 1.0;
    e.o2 = 0.25;
    e.o3 = 0.5;
    e.zslAccuracy = zsl;
    e.seconds = 1.5;
    e.evalSeconds = 0.125;
    return e;
}

std::vector<semrel::ClassSimilarity> similarities()
{
    using semrel::Relation;
    return {{2, "zebra", 0.75f, Relation::Similar, false},
            {0, "horse, \"wild\"", 0.5f, Relation::Similar, true},
            {1, "whale", -0.25f, Relation::Dissimilar, true}};
}

// Limits the size of files this process may write, and ignores the signal that exceeding it
// raises, for the lifetime of the guard.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_saved);
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_saved;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_handler);
    }

private:
    rlimit m_saved{};
    void (*m_handler)(int) = nullptr;
};

} // namespace

class TestCsvReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void historyHasOneRowPerEpochOfEveryRun();
    void historyLeavesUnmeasuredCellsEmpty();
    void similarityKeepsTauInAColumnNotAComment();
    void similarityQuotesNamesAndMarksTheTrueClass();
    void writesTheTableToTheFile();
    void failsNamingThePathWhenTheFolderIsMissing();
    void keepsExistingFileIntactWhenWriteFails();
};

void TestCsvReports::historyHasOneRowPerEpochOfEveryRun()
{
    const std::vector<semrel::RunHistory> runs = {
        {"Run 1 (proposed, τ 0.20)", {epoch(1, -0.5, 0.25), epoch(2, -0.75, 0.5)}},
        {"Run 2, \"B1\"", {epoch(1, 0.125, 0.375)}}};
    const QStringList lines = linesOf(semrel::historyCsv(runs));
    QCOMPARE(lines.size(), 1 + 3);
    QCOMPARE(lines[0], QStringLiteral("run,label,epoch,loss,o1,o2,o3,validation,zsl,gzsl_ts,"
                                      "gzsl_tr,gzsl_h,seconds,eval_seconds"));
    QCOMPARE(lines[1], QStringLiteral("1,\"Run 1 (proposed, τ 0.20)\",1,-0.5,-1.5,0.25,0.5,,0.25,"
                                      ",,,1.5,0.125"));
    QVERIFY(lines[2].startsWith(QStringLiteral("1,\"Run 1 (proposed, τ 0.20)\",2,-0.75,-1.75,")));
    QCOMPARE(lines[3], QStringLiteral("2,\"Run 2, \"\"B1\"\"\",1,0.125,-0.875,0.25,0.5,,0.375,,,,"
                                      "1.5,0.125"));
    QCOMPARE(linesOf(semrel::historyCsv({})).size(), 1); // the header alone
}

void TestCsvReports::historyLeavesUnmeasuredCellsEmpty()
{
    semrel::EpochReport e = epoch(1, 0.1, semrel::EpochReport::kNotMeasured);
    e.validationAccuracy = 0.4;
    const QStringList lines = linesOf(semrel::historyCsv({{"r", {e}}}));
    const QStringList cells = lines[1].split(',');
    QCOMPARE(cells.size(), 14);
    QCOMPARE(cells[7], QStringLiteral("0.4")); // validation
    for (int c = 8; c <= 11; ++c)
        QCOMPARE(cells[c], QString()); // zsl, ts, tr, H: not measured
    QVERIFY(!lines[1].contains(QStringLiteral("nan")));
}

void TestCsvReports::similarityKeepsTauInAColumnNotAComment()
{
    const QStringList lines = linesOf(semrel::similarityCsv(similarities(), 0, 0.2));
    QCOMPARE(lines.size(), 1 + 3);
    QCOMPARE(lines[0],
             QStringLiteral("rank,class_index,class,cosine,relation,tau,seen,true_class"));
    for (const QString& line : lines)
        QVERIFY2(!line.startsWith('#'), qPrintable(line));
    QCOMPARE(lines[1], QStringLiteral("1,2,\"zebra\",0.75,similar,0.2,0,0"));
    QCOMPARE(lines[3], QStringLiteral("3,1,\"whale\",-0.25,dissimilar,0.2,1,0"));
}

void TestCsvReports::similarityQuotesNamesAndMarksTheTrueClass()
{
    const QStringList lines = linesOf(semrel::similarityCsv(similarities(), 0, -0.5));
    QCOMPARE(lines[2], QStringLiteral("2,0,\"horse, \"\"wild\"\"\",0.5,similar,-0.5,1,1"));
    // An image file has no true class: no row is marked.
    for (const QString& line : linesOf(semrel::similarityCsv(similarities(), -1, 0.0)).mid(1))
        QVERIFY2(line.endsWith(QStringLiteral(",0")), qPrintable(line));
}

void TestCsvReports::writesTheTableToTheFile()
{
    QTemporaryDir dir;
    const QString history = dir.filePath("history.csv");
    const QString query = dir.filePath("query.csv");
    const std::vector<semrel::RunHistory> runs = {{"r", {epoch(1, 0.5, 0.5)}}};
    semrel::writeHistoryCsv(runs, history.toStdString());
    semrel::writeSimilarityCsv(similarities(), 2, 0.1, query.toStdString());
    QCOMPARE(contentsOf(history), QByteArray::fromStdString(semrel::historyCsv(runs)));
    QCOMPARE(contentsOf(query),
             QByteArray::fromStdString(semrel::similarityCsv(similarities(), 2, 0.1)));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2); // no temporary file left
}

void TestCsvReports::failsNamingThePathWhenTheFolderIsMissing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("missing/history.csv");
    const std::string message = semrel::test::dataErrorOf([&] {
        semrel::writeHistoryCsv({{"r", {epoch(1, 0.5, 0.5)}}}, path.toStdString());
    });
    QVERIFY2(QString::fromStdString(message).startsWith(path), message.c_str());
    QVERIFY(!QFile::exists(path));
}

void TestCsvReports::keepsExistingFileIntactWhenWriteFails()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("history.csv");
    const std::vector<semrel::RunHistory> small = {{"r", {epoch(1, 0.5, 0.5)}}};
    semrel::writeHistoryCsv(small, path.toStdString());
    const QByteArray before = contentsOf(path);
    // A table far larger than the limit: the write fails part-way, as on a full disk.
    semrel::RunHistory large{"long run", {}};
    for (int e = 1; e <= 2000; ++e)
        large.history.push_back(epoch(e, 0.5, 0.5));
    std::string message;
    {
        const FileSizeLimit limit(4096);
        message = semrel::test::dataErrorOf(
            [&] { semrel::writeHistoryCsv({large}, path.toStdString()); });
    }
    QVERIFY2(QString::fromStdString(message).startsWith(path), message.c_str());
    QCOMPARE(contentsOf(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"history.csv"});
}

QTEST_GUILESS_MAIN(TestCsvReports)
#include "tst_csv_reports.moc"
