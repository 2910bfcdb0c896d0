// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// PendingFile: a file replaces its target only when complete and checked; what it refuses to
// replace; and the clean-up of temporary files that a killed write left behind.
#include "storage/pending_file.h"
#include "storage/temporary_files.h"
#include "test_support.h"

#include <semrel/storage/input_file.h>
#include <semrel/storage/output_file.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

class TestPendingFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacesTheTargetOnlyOnCommit();
    void failedCheckKeepsTheTarget();
    void refusesToReplaceWhatIsNoRegularFile_data();
    void refusesToReplaceWhatIsNoRegularFile();
    void removesOnlyAbandonedTemporaryFilesOfOurs();
    void outputRulesNameTheProblem_data();
    void outputRulesNameTheProblem();
    void inputRulesRefuseAllButRegularFiles_data();
    void inputRulesRefuseAllButRegularFiles();
};

namespace {

QByteArray contents(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

void put(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// Sets the file's modification time `seconds` into the past.
void age(const QString& path, int seconds)
{
    const timeval then{time(nullptr) - seconds, 0};
    const timeval times[2] = {then, then};
    QVERIFY(utimes(qPrintable(path), times) == 0);
}

QStringList temporaryFilesIn(const QString& folder)
{
    return QDir(folder).entryList({"*.semrel-*.tmp"}, QDir::Files);
}

} // namespace

void TestPendingFile::replacesTheTargetOnlyOnCommit()
{
    QTemporaryDir dir;
    const QString target = dir.filePath("out.bin");
    put(target, "old");
    {
        semrel::PendingFile pending(target.toStdString());
        pending.write("new bytes", 9);
        QCOMPARE(contents(target), QByteArray("old"));
        QCOMPARE(temporaryFilesIn(dir.path()).size(), 1);
        pending.commit();
    }
    QCOMPARE(contents(target), QByteArray("new bytes"));
    QVERIFY(temporaryFilesIn(dir.path()).isEmpty());
    {
        semrel::PendingFile abandoned(target.toStdString());
        abandoned.write("never", 5);
    } // no commit: an error or an exception
    QCOMPARE(contents(target), QByteArray("new bytes"));
    QVERIFY(temporaryFilesIn(dir.path()).isEmpty());
}

void TestPendingFile::failedCheckKeepsTheTarget()
{
    QTemporaryDir dir;
    const QString target = dir.filePath("out.bin");
    put(target, "old");
    semrel::PendingFile pending(target.toStdString());
    pending.write("new", 3);
    const std::string message = semrel::test::dataErrorOf([&] {
        pending.commit([](const std::string&) { throw semrel::DataError("'/x' differs"); });
    });
    QVERIFY2(QString::fromStdString(message).contains("not saved: the file written does not read "
                                                      "back as written ('/x' differs)"),
             message.c_str());
    QCOMPARE(contents(target), QByteArray("old"));
}

void TestPendingFile::refusesToReplaceWhatIsNoRegularFile_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a device") << "/dev/null"
                              << "is not a regular file";
    QTest::newRow("a folder") << QDir::tempPath() << "is a folder";
    QTest::newRow("empty") << ""
                           << "an empty path";
}

void TestPendingFile::refusesToReplaceWhatIsNoRegularFile()
{
    QFETCH(QString, target);
    QFETCH(QString, expected);
    const std::string message =
        semrel::test::dataErrorOf([&] { semrel::PendingFile pending(target.toStdString()); });
    QVERIFY2(QString::fromStdString(message).contains(expected), message.c_str());
    // A FIFO too, made here: nothing was created beside it.
    QTemporaryDir dir;
    const QString fifo = dir.filePath("pipe");
    QVERIFY(mkfifo(qPrintable(fifo), 0600) == 0);
    QVERIFY(QString::fromStdString(semrel::test::dataErrorOf([&] {
                semrel::PendingFile pending(fifo.toStdString());
            })).contains("is not a regular file"));
    QCOMPARE(
        QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size(),
        1);
}

void TestPendingFile::removesOnlyAbandonedTemporaryFilesOfOurs()
{
    QTemporaryDir dir;
    const QByteArray hdf5 = QByteArray("\x89HDF\r\n\x1a\n", 8) + "rest";
    auto file = [&](const QString& name, const QByteArray& bytes, int secondsOld) {
        put(dir.filePath(name), bytes);
        age(dir.filePath(name), secondsOld);
    };
    file("a.h5.semrel-0123456789abcdef.tmp", "half written", 3600);  // abandoned: removed
    file("b.h5.semrel-00000000000000aa.tmp", "being written", 3600); // locked: kept
    file("c.h5.semrel-00000000000000bb.tmp", "just started", 5);     // recent: kept
    file("d.h5.tmp-0123abcd", hdf5, 3600);                           // earlier shape: removed
    file("e.h5.tmp-0123abcd", "a user's text", 3600);                // earlier shape, not HDF5
    file("f.h5.semrel-XYZ.tmp", "not our shape", 3600);              // kept
    file("notes.tmp", "a user's file", 3600);                        // kept
    QVERIFY(symlink("/etc/passwd", qPrintable(dir.filePath("g.h5.semrel-00000000000000cc.tmp"))) ==
            0); // a link, not a file of ours: kept (and /etc/passwd untouched)
    const int locked =
        ::open(qPrintable(dir.filePath("b.h5.semrel-00000000000000aa.tmp")), O_RDONLY | O_CLOEXEC);
    QVERIFY(locked >= 0 && flock(locked, LOCK_EX) == 0);

    // Writing anything to the folder cleans it up.
    semrel::PendingFile pending(dir.filePath("new.h5").toStdString());
    ::close(locked);
    QStringList left = QDir(dir.path()).entryList(QDir::Files | QDir::System);
    left.removeAll(
        QString::fromStdString(std::filesystem::path(pending.path()).filename().string()));
    QCOMPARE(left,
             QStringList({"b.h5.semrel-00000000000000aa.tmp", "c.h5.semrel-00000000000000bb.tmp",
                          "e.h5.tmp-0123abcd", "f.h5.semrel-XYZ.tmp",
                          "g.h5.semrel-00000000000000cc.tmp", "notes.tmp"}));
    QVERIFY(QFile::exists("/etc/passwd"));
}

void TestPendingFile::outputRulesNameTheProblem_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("expected");
    QTest::newRow("an input") << "@input"
                              << "is an input of this command";
    QTest::newRow("a hard link to an input") << "@hardlink"
                                             << "is the same file as the input";
    QTest::newRow("a device") << "/dev/zero"
                              << "is not a regular file";
    QTest::newRow("a folder") << "@dir"
                              << "is a folder";
    QTest::newRow("in a missing folder") << "@dir/missing/x.h5"
                                         << "does not exist";
    QTest::newRow("where nothing can be created") << "/proc/x.h5"
                                                  << "no file can be created";
    QTest::newRow("empty") << ""
                           << "an empty path";
}

void TestPendingFile::outputRulesNameTheProblem()
{
    QFETCH(QString, output);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString input = dir.filePath("input.h5");
    put(input, "input");
    QVERIFY(::link(qPrintable(input), qPrintable(dir.filePath("hard.h5"))) == 0);
    output.replace("@input", input).replace("@hardlink", dir.filePath("hard.h5"));
    output.replace("@dir", dir.path());
    const std::string message = semrel::test::dataErrorOf(
        [&] { semrel::checkOutputFile(output.toStdString(), {input.toStdString()}); });
    QVERIFY2(QString::fromStdString(message).contains(expected), message.c_str());
    QCOMPARE(contents(input), QByteArray("input"));
    // The probe that tries the folder leaves nothing behind.
    QVERIFY(temporaryFilesIn(dir.path()).isEmpty());
    semrel::checkOutputFile(dir.filePath("fine.h5").toStdString(), {input.toStdString()});
    QVERIFY(temporaryFilesIn(dir.path()).isEmpty());
}

void TestPendingFile::inputRulesRefuseAllButRegularFiles_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << "@dir/missing.h5"
                             << "no such file";
    QTest::newRow("a folder") << "@dir"
                              << "is a folder";
    QTest::newRow("a FIFO") << "@dir/pipe"
                            << "named pipe (FIFO)";
    QTest::newRow("a device") << "/dev/zero"
                              << "is a device";
}

void TestPendingFile::inputRulesRefuseAllButRegularFiles()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(mkfifo(qPrintable(dir.filePath("pipe")), 0600) == 0);
    input.replace("@dir", dir.path());
    const std::string message =
        semrel::test::dataErrorOf([&] { semrel::requireRegularFile(input.toStdString()); });
    QVERIFY2(QString::fromStdString(message).contains(expected), message.c_str());
    QVERIFY(!semrel::isRegularFile(input.toStdString()));
}

QTEST_GUILESS_MAIN(TestPendingFile)
#include "tst_pending_file.moc"
