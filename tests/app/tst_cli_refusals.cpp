// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// What `semrel` refuses, run as the built program: options that are malformed or out of range,
// outputs that are inputs, devices, FIFOs or folders, inputs that are not regular files. Every
// refusal is one line "semrel: ..." on stderr with exit status 1, comes before any long work,
// and leaves every file as it was. Runs have a watchdog: a regression that hangs (a FIFO opened
// for reading) fails instead of hanging the suite.
#include "limited_process.h"
#include "mat_fixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using semrel::test::LimitedRun;

class TestCliRefusals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesMalformedOrOutOfRangeOptions_data();
    void refusesMalformedOrOutOfRangeOptions();
    void neverWritesOverAnInput_data();
    void neverWritesOverAnInput();
    void refusesOutputsThatAreNotRegularFiles_data();
    void refusesOutputsThatAreNotRegularFiles();
    void findsAnUnwritableOutputBeforeTraining();
    void refusesInputsThatAreNotRegularFiles_data();
    void refusesInputsThatAreNotRegularFiles();
    void resumeErrorsNameTheCheckpoint();
    void resumeMayCheckpointToTheFileItResumes();
    void capsThreadsAtTheCoresWithAWarning();

private:
    LimitedRun semrel(const QStringList& arguments) const;
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_data;
    QString m_model;
    QString m_checkpoint;
    QString m_xlsa17;
};

namespace {

const QStringList kSmallRun = {"--encoder-hidden", "8", "--decoder-hidden", "8", "--batch", "16",
                               "--candidates",     "4", "--threads",        "1"};

// Exit status 1 and, after any progress lines, one last line "semrel: " with the expected words
// (a message with a raw newline would end in a line of its own).
QString refusalProblem(const LimitedRun& run, const QString& expected)
{
    if (!run.exited || run.status != 1)
        return run.describe() + ", expected exit 1: " + run.err;
    const QByteArray err = run.err;
    const QByteArray last = err.trimmed().split('\n').back();
    if (!err.endsWith('\n') || !last.startsWith("semrel: ") || err.count("semrel: ") != 1)
        return "the message is not one last 'semrel:' line: " + err;
    if (!last.contains(expected.toUtf8()))
        return "no '" + expected + "' in: " + err;
    return {};
}

} // namespace

LimitedRun TestCliRefusals::semrel(const QStringList& arguments) const
{
    return semrel::test::runLimited(SEMREL_CLI_PATH, arguments, -1, 60);
}

void TestCliRefusals::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_data = path("data.h5");
    m_model = path("model.h5");
    m_checkpoint = path("checkpoint.h5");
    LimitedRun r = semrel({"synth", "--classes", "8", "--unseen", "2", "--val", "2", "--samples",
                           "12", "--features", "16", "--attributes", "6", "-o", m_data});
    QVERIFY2(r.exited && r.status == 0, r.err.constData());
    r = semrel(
        QStringList{"train", m_data, "-o", m_model, "--epochs", "2", "--checkpoint", m_checkpoint} +
        kSmallRun);
    QVERIFY2(r.exited && r.status == 0, r.err.constData());
    m_xlsa17 = path("TINY");
    QVERIFY(QDir().mkpath(m_xlsa17));
    semrel::test::writeXlsa17(m_xlsa17, semrel::test::tinyRes101(), semrel::test::tinyAttSplits(),
                              semrel::test::MatFormat::V5);
    QVERIFY(mkfifo(qPrintable(path("pipe.h5")), 0600) == 0);
}

void TestCliRefusals::refusesMalformedOrOutOfRangeOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    const QString out = path("never-written.h5");
    auto train = [&](QStringList extra) {
        return QStringList{"train", m_data, "-o", out} + extra;
    };
    auto relate = [&](QStringList extra) {
        return QStringList{"relate", m_model, m_data} + extra;
    };
    QTest::newRow("unknown verb") << QStringList{"frob"} << "subcommand is required";
    QTest::newRow("unknown option") << train({"--frob"}) << "--frob";
    QTest::newRow("missing argument") << QStringList{"train"} << "DATA is required";
    QTest::newRow("empty sample") << relate({"--sample", ""}) << "--sample";
    QTest::newRow("negative sample") << relate({"--sample", "-1"}) << "--sample";
    QTest::newRow("sample past the end") << relate({"--sample", "96"}) << "96 is not a sample";
    QTest::newRow("tau nan") << relate({"--sample", "0", "--tau", "nan"})
                             << "'nan' is not a number";
    QTest::newRow("tau 5") << relate({"--sample", "0", "--tau", "5"}) << "tau must be in (-1, 1]";
    QTest::newRow("train tau 5") << train({"--tau", "5"}) << "tau must be in (-1, 1]";
    QTest::newRow("negative seed") << train({"--seed", "-1"}) << "--seed";
    QTest::newRow("octal-looking seed") << train({"--seed", "0x10"}) << "--seed";
    QTest::newRow("candidates 1e9") << train({"--candidates", "1e9"}) << "--candidates";
    QTest::newRow("candidates 10^9")
        << train({"--candidates", "1000000000"}) << "candidates (p) must be in [1, 10000]";
    QTest::newRow("batch 0") << train({"--batch", "0"}) << "batch size must be in";
    QTest::newRow("epochs 0") << train({"--epochs", "0"}) << "epochs must be in";
    QTest::newRow("negative threads") << train({"--threads", "-2"}) << "threads must be >= 0";
    QTest::newRow("eval negative threads")
        << QStringList{"eval", m_model, m_data, "--threads", "-2"} << "threads must be >= 0";
    QTest::newRow("wide layer") << train({"--encoder-hidden", "100000"})
                                << "hidden layer width must be in";
    QTest::newRow("empty output") << QStringList{"train", m_data, "-o", ""} << "--output";
    QTest::newRow("synth of 10^12 values")
        << QStringList{"synth", "--samples", "1000000", "--features", "65536", "-o", out}
        << "classes x samples x features must be at most";
    QTest::newRow("tune grid tau 5")
        << QStringList{"tune", m_data, "-o", out, "--taus", "0,5"} << "tau must be in (-1, 1]";
}

void TestCliRefusals::refusesMalformedOrOutOfRangeOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const LimitedRun run = semrel(arguments);
    const QString problem = refusalProblem(run, expected);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(!run.err.contains("epoch 1"), "refused only after training");
    QVERIFY(!QFileInfo::exists(path("never-written.h5")));
}

void TestCliRefusals::neverWritesOverAnInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("input");
    QVERIFY(QFile::link(m_data, path("data-symlink.h5")));
    QVERIFY(::link(qPrintable(m_data), qPrintable(path("data-hardlink.h5"))) == 0);
    const QString att = m_xlsa17 + "/att_splits.mat";
    QTest::newRow("train -o DATA") << QStringList{"train", m_data, "-o", m_data} << m_data;
    QTest::newRow("train -o another spelling of DATA")
        << QStringList{"train", m_data, "-o", m_dir.path() + "/./data.h5"} << m_data;
    QTest::newRow("train -o a symbolic link to DATA")
        << QStringList{"train", m_data, "-o", path("data-symlink.h5")} << m_data;
    QTest::newRow("train -o a hard link to DATA")
        << QStringList{"train", m_data, "-o", path("data-hardlink.h5")} << m_data;
    QTest::newRow("train --checkpoint DATA")
        << QStringList{"train", m_data, "-o", path("m.h5"), "--checkpoint", m_data} << m_data;
    QTest::newRow("train -o the checkpoint resumed")
        << QStringList{"train", m_data, "-o", m_checkpoint, "--resume", m_checkpoint}
        << m_checkpoint;
    QTest::newRow("tune -o DATA") << QStringList{"tune", m_data, "-o", m_data} << m_data;
    QTest::newRow("import -o its own att_splits.mat")
        << QStringList{"import", "--xlsa17", m_xlsa17, "-o", att} << att;
    QTest::newRow("train on an xlsa17 folder, -o its res101.mat")
        << QStringList{"train", m_xlsa17, "-o", m_xlsa17 + "/res101.mat"}
        << m_xlsa17 + "/res101.mat";
}

void TestCliRefusals::neverWritesOverAnInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, input);
    const QByteArray before = semrel::test::readFileBytes(input);
    const LimitedRun run = semrel(arguments);
    const QString problem = refusalProblem(run, "of this command");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(semrel::test::readFileBytes(input), before);
}

void TestCliRefusals::refusesOutputsThatAreNotRegularFiles_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a device") << "/dev/null"
                              << "is not a regular file";
    QTest::newRow("a FIFO") << path("pipe.h5") << "is not a regular file";
    QTest::newRow("a folder") << m_dir.path() << "is a folder";
    QTest::newRow("in a missing folder") << path("missing/model.h5") << "does not exist";
}

void TestCliRefusals::refusesOutputsThatAreNotRegularFiles()
{
    QFETCH(QString, output);
    QFETCH(QString, expected);
    for (const QStringList& arguments :
         {QStringList{"synth", "-o", output}, QStringList{"train", m_data, "-o", output},
          QStringList{"train", m_data, "-o", path("m.h5"), "--checkpoint", output}}) {
        const LimitedRun run = semrel(arguments);
        const QString problem = refusalProblem(run, expected);
        QVERIFY2(problem.isEmpty(), qPrintable(arguments.join(' ') + ": " + problem));
    }
    struct stat info
    {
    };
    QVERIFY(::stat("/dev/null", &info) == 0 && S_ISCHR(info.st_mode)); // still the device
}

void TestCliRefusals::findsAnUnwritableOutputBeforeTraining()
{
    // /proc takes no new files, even from root: the run must stop before its first epoch.
    const LimitedRun run = semrel(
        QStringList{"train", m_data, "-o", "/proc/semrel-model.h5", "--epochs", "50"} + kSmallRun);
    const QString problem = refusalProblem(run, "cannot be written");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCliRefusals::refusesInputsThatAreNotRegularFiles_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    const QString pipe = path("pipe.h5");
    const QString out = path("never-written.h5");
    QTest::newRow("info FIFO") << QStringList{"info", pipe} << "named pipe (FIFO)";
    QTest::newRow("train FIFO") << QStringList{"train", pipe, "-o", out} << "named pipe (FIFO)";
    QTest::newRow("eval FIFO as model") << QStringList{"eval", pipe, m_data} << "named pipe (FIFO)";
    QTest::newRow("eval FIFO as dataset")
        << QStringList{"eval", m_model, pipe} << "named pipe (FIFO)";
    QTest::newRow("relate FIFO") << QStringList{"relate", m_model, pipe, "--sample", "0"}
                                 << "named pipe (FIFO)";
    QTest::newRow("info /dev/zero") << QStringList{"info", "/dev/zero"} << "is a device";
    QTest::newRow("train --resume FIFO")
        << QStringList{"train", m_data, "-o", out, "--resume", pipe} << "named pipe (FIFO)";
    const QString fifoFolder = path("FIFO-XLSA17");
    QVERIFY(QDir().mkpath(fifoFolder));
    QVERIFY(QFile::copy(m_xlsa17 + "/att_splits.mat", fifoFolder + "/att_splits.mat"));
    QVERIFY(mkfifo(qPrintable(fifoFolder + "/res101.mat"), 0600) == 0);
    QTest::newRow("import with res101.mat a FIFO")
        << QStringList{"import", "--xlsa17", fifoFolder, "-o", out} << "named pipe (FIFO)";
    const QString listFolder = path("FIFO-LISTS");
    QVERIFY(QDir().mkpath(listFolder));
    semrel::test::MatContent att = semrel::test::tinyAttSplits();
    att.erase("train_loc");
    att.erase("val_loc");
    semrel::test::writeXlsa17(listFolder, semrel::test::tinyRes101(), att,
                              semrel::test::MatFormat::V5);
    QVERIFY(mkfifo(qPrintable(listFolder + "/trainclasses1.txt"), 0600) == 0);
    QVERIFY(mkfifo(qPrintable(listFolder + "/valclasses1.txt"), 0600) == 0);
    QTest::newRow("info with class lists FIFOs")
        << QStringList{"info", listFolder} << "named pipe (FIFO)";
}

void TestCliRefusals::refusesInputsThatAreNotRegularFiles()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const LimitedRun run = semrel(arguments);
    QVERIFY2(!run.timedOut, "semrel waited on a FIFO");
    const QString problem = refusalProblem(run, expected);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCliRefusals::resumeErrorsNameTheCheckpoint()
{
    // Two epochs are done: resuming to one total cannot be.
    const LimitedRun run = semrel(QStringList{"train", m_data, "-o", path("resumed.h5"), "--resume",
                                              m_checkpoint, "--epochs", "1"});
    const QString problem = refusalProblem(run, m_checkpoint + ": cannot resume");
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCliRefusals::resumeMayCheckpointToTheFileItResumes()
{
    const QString checkpoint = path("ongoing.h5");
    QVERIFY(QFile::copy(m_checkpoint, checkpoint));
    const LimitedRun run = semrel({"train", m_data, "-o", path("resumed.h5"), "--resume",
                                   checkpoint, "--checkpoint", checkpoint, "--epochs", "3"});
    QVERIFY2(run.exited && run.status == 0, run.err.constData());
    const LimitedRun info = semrel({"info", checkpoint});
    QVERIFY2(info.out.contains("optimiser state after epoch 3"), info.out.constData());
}

void TestCliRefusals::capsThreadsAtTheCoresWithAWarning()
{
    QStringList arguments =
        QStringList{"train", m_data, "-o", path("threads.h5"), "--epochs", "1"} + kSmallRun;
    arguments.replace(arguments.indexOf("--threads") + 1, "100000");
    const LimitedRun run = semrel(arguments);
    QVERIFY2(run.exited && run.status == 0, run.err.constData());
    QVERIFY2(run.err.contains("warning: 100000 threads asked for, but this machine has"),
             run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliRefusals)
#include "tst_cli_refusals.moc"
