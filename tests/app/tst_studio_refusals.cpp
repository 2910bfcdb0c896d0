// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The window, run as the built program (offscreen), on files it must refuse: a damaged file
// must not leave HDF5 unable to shut down at exit (it printed "HDF5: infinite loop closing
// library" when a reader left entries on its pool thread's error stack), and a FIFO must be
// refused at once instead of leaving the window at "Opening… 0%" (run under a watchdog).
#include "limited_process.h"
#include "test_support.h"

#include <semrel/model_file/model_file.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestStudioRefusals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesAndExitsCleanly_data();
    void refusesAndExitsCleanly();
};

void TestStudioRefusals::refusesAndExitsCleanly_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("a truncated model file") << "truncated";
    QTest::newRow("a FIFO") << "fifo";
}

void TestStudioRefusals::refusesAndExitsCleanly()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    const QString file = dir.filePath("input.h5");
    if (kind == "fifo") {
        QVERIFY(mkfifo(qPrintable(file), 0600) == 0);
    } else {
        const std::string model = dir.filePath("model.h5").toStdString();
        semrel::writeModelFile(semrel::test::identityModelState(), model);
        QFile whole(QString::fromStdString(model));
        QVERIFY(whole.open(QIODevice::ReadOnly));
        QFile cut(file);
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(whole.read(whole.size() * 2 / 3));
    }
    const semrel::test::LimitedRun run = semrel::test::runLimited(
        SEMREL_STUDIO_PATH,
        {file, "--settings", dir.filePath("settings.ini"), "--screenshot", dir.filePath("s.png")},
        -1, 60);
    QVERIFY2(!run.timedOut, "the window waited");
    QVERIFY2(run.exited, qPrintable(run.describe() + ": " + run.err));
    QVERIFY2(run.err.contains("no screenshot: " + file.toUtf8()), run.err.constData());
    // Nothing from HDF5 itself (our messages carry its words as detail, "HDF5: ...").
    QVERIFY2(!run.err.contains("HDF5: infinite loop") && !run.err.contains("HDF5-DIAG"),
             run.err.constData());
}

QTEST_GUILESS_MAIN(TestStudioRefusals)
#include "tst_studio_refusals.moc"
