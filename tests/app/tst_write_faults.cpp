// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// A full disk, for every writer of `semrel`: each runs as a child process whose file size limit
// (RLIMIT_FSIZE) stops its write part-way, at several fractions of the file's full size. Every
// run must end with exit status 1 (not a crash), one line that says the file was not saved,
// no file where there was none, the previous file byte for byte where there was one, and no
// temporary file left behind.
#include "limited_process.h"
#include "mat_fixture.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using semrel::test::LimitedRun;

class TestWriteFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writeStopsCleanlyWhenTheDiskFills_data();
    void writeStopsCleanlyWhenTheDiskFills();
    void writeOfExactlyTheLimitSucceeds_data();
    void writeOfExactlyTheLimitSucceeds();

private:
    // One writer: the arguments of a run that writes `target` ("{OUT}" stands for its path).
    struct Writer
    {
        QStringList arguments;
        QString target;     // file name in the run's folder
        long long size = 0; // of the complete file, measured by an unlimited run
    };
    QStringList argumentsFor(const Writer& writer, const QString& folder) const;
    LimitedRun run(const Writer& writer, const QString& folder, long long limit) const;

    QTemporaryDir m_dir;
    std::map<QString, Writer> m_writers;
};

namespace {

const QStringList kSmallNetwork = {"--encoder-hidden", "8",  "--decoder-hidden", "8",
                                   "--batch",          "16", "--candidates",     "4",
                                   "--threads",        "1",  "--epochs",         "1"};

QStringList leftovers(const QString& folder)
{
    return QDir(folder).entryList({"*.semrel-*.tmp"}, QDir::Files | QDir::Hidden);
}

} // namespace

QStringList TestWriteFaults::argumentsFor(const Writer& writer, const QString& folder) const
{
    QStringList arguments = writer.arguments;
    for (QString& a : arguments)
        a.replace("{OUT}", folder + "/" + writer.target).replace("{DIR}", folder);
    return arguments;
}

LimitedRun TestWriteFaults::run(const Writer& writer, const QString& folder, long long limit) const
{
    return semrel::test::runLimited(SEMREL_CLI_PATH, argumentsFor(writer, folder), limit);
}

void TestWriteFaults::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString data = m_dir.filePath("data.h5");
    const LimitedRun synth = semrel::test::runLimited(
        SEMREL_CLI_PATH, {"synth", "--classes", "8", "--unseen", "2", "--val", "2", "--samples",
                          "12", "--features", "16", "--attributes", "6", "-o", data});
    QVERIFY2(synth.exited && synth.status == 0, synth.err.constData());
    const QString xlsa17 = m_dir.filePath("TINY");
    QVERIFY(QDir().mkpath(xlsa17));
    semrel::test::writeXlsa17(xlsa17, semrel::test::tinyRes101(), semrel::test::tinyAttSplits(),
                              semrel::test::MatFormat::V5Compressed);

    m_writers["dataset"] = {{"synth", "--samples", "40", "--features", "300", "-o", "{OUT}"},
                            "synth.h5"};
    m_writers["import"] = {{"import", "--xlsa17", xlsa17, "-o", "{OUT}"}, "imported.h5"};
    m_writers["model"] = {QStringList{"train", data, "-o", "{OUT}"} + kSmallNetwork, "model.h5"};
    m_writers["checkpoint"] = {
        QStringList{"train", data, "-o", "{DIR}/final.h5", "--checkpoint", "{OUT}"} + kSmallNetwork,
        "checkpoint.h5"};
    const QString mnist = SEMREL_FASHION_MNIST_DIR;
    if (QFileInfo::exists(mnist + "/train-images-idx3-ubyte.gz"))
        m_writers["extractor"] = {{"demo", "--source", mnist, "--attributes",
                                   SEMREL_RESOURCES_DIR "/fashion_mnist_attributes.csv", "-o",
                                   "{DIR}", "--cnn-images", "10", "--trainval", "10", "--test-seen",
                                   "5", "--test-unseen", "5", "--epochs", "1", "--features", "16"},
                                  "fashion-mnist-extractor.h5"};
    // The complete size of each file, from a run without a limit.
    for (auto& [name, writer] : m_writers) {
        const QString folder = m_dir.filePath("full-" + name);
        QVERIFY(QDir().mkpath(folder));
        const LimitedRun full = run(writer, folder, -1);
        QVERIFY2(full.exited && full.status == 0, qPrintable(name + ": " + full.err));
        writer.size = QFileInfo(folder + "/" + writer.target).size();
        QVERIFY(writer.size > 4096);
    }
}

void TestWriteFaults::writeStopsCleanlyWhenTheDiskFills_data()
{
    QTest::addColumn<QString>("writer");
    QTest::addColumn<double>("fraction"); // of the complete file that fits
    QTest::addColumn<bool>("previous");   // a file is at the target already
    for (const auto& [name, writer] : m_writers) {
        // The demo trains a CNN first: fewer levels keep the suite short.
        const std::vector<double> fractions =
            name == "extractor" ? std::vector<double>{0.0, 0.5, 0.999}
                                : std::vector<double>{0.0, 0.01, 0.33, 0.66, 0.999};
        for (double f : fractions)
            QTest::addRow("%s, %.1f%% fits", qPrintable(name), 100 * f) << name << f << false;
        QTest::addRow("%s, 50%% fits, over a previous file", qPrintable(name))
            << name << 0.5 << true;
    }
    if (m_writers.count("extractor") == 0)
        qWarning("Fashion-MNIST not found in %s: the demo's writers are not tested",
                 SEMREL_FASHION_MNIST_DIR);
}

void TestWriteFaults::writeStopsCleanlyWhenTheDiskFills()
{
    QFETCH(QString, writer);
    QFETCH(double, fraction);
    QFETCH(bool, previous);
    const Writer& w = m_writers.at(writer);
    QTemporaryDir folder;
    const QString target = folder.filePath(w.target);
    const QByteArray before = "the previous file, which a failed write must leave as it is\n";
    if (previous)
        QVERIFY(semrel::test::writeFileBytes(target, before));

    const auto limit = static_cast<long long>(fraction * static_cast<double>(w.size));
    const LimitedRun r = run(w, folder.path(), limit);

    QVERIFY2(r.exited && r.status == 1, qPrintable(r.describe() + ": " + r.err));
    const QList<QByteArray> lines = r.err.trimmed().split('\n');
    const QByteArray last = lines.back();
    QVERIFY2(last.startsWith("semrel: ") && last.contains("not saved") &&
                 last.contains("file size limit"),
             r.err.constData());
    QVERIFY2(!r.err.contains("HDF5"), r.err.constData()); // nothing from HDF5's clean-up
    if (previous)
        QCOMPARE(semrel::test::readFileBytes(target), before);
    else
        QVERIFY2(!QFileInfo::exists(target), "a file was left where the write failed");
    QVERIFY2(leftovers(folder.path()).isEmpty(), qPrintable(leftovers(folder.path()).join(' ')));
}

void TestWriteFaults::writeOfExactlyTheLimitSucceeds_data()
{
    QTest::addColumn<QString>("writer");
    for (const auto& [name, writer] : m_writers)
        QTest::newRow(qPrintable(name)) << name;
}

// The limit is the file's size: the write fits, so the faults above come from the limit.
void TestWriteFaults::writeOfExactlyTheLimitSucceeds()
{
    QFETCH(QString, writer);
    const Writer& w = m_writers.at(writer);
    QTemporaryDir folder;
    const LimitedRun r = run(w, folder.path(), w.size);
    QVERIFY2(r.exited && r.status == 0, qPrintable(r.describe() + ": " + r.err));
    QCOMPARE(QFileInfo(folder.filePath(w.target)).size(), w.size);
    const LimitedRun info =
        semrel::test::runLimited(SEMREL_CLI_PATH, {"info", folder.filePath(w.target)});
    // An extractor is no dataset or model: info refuses it by its format, not as damaged.
    if (writer != "extractor")
        QVERIFY2(info.exited && info.status == 0, info.err.constData());
}

QTEST_GUILESS_MAIN(TestWriteFaults)
#include "tst_write_faults.moc"
