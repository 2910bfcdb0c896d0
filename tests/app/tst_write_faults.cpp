// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// A full disk, for every writer of `semrel`: each runs as a child process whose file size limit
// (RLIMIT_FSIZE) stops its write part-way, at several fractions of the file's full size. Every
// run must end with exit status 1 (not a crash), one line that says the file was not saved,
// no file where there was none, the previous file byte for byte where there was one, and no
// temporary file left behind. Run as root, the same writers also meet a filesystem that is
// really full: a small tmpfs filled to a page or more short of each file's size.
#include "limited_process.h"
#include "mat_fixture.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <map>
#include <sys/mount.h>
#include <sys/statvfs.h>

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
    void writeStopsCleanlyOnAFullFilesystem_data();
    void writeStopsCleanlyOnAFullFilesystem();

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

constexpr long long kPage = 4096; // tmpfs counts its space in pages

// A tmpfs of `bytes` mounted on `folder` while this lives (mounting needs root).
class SmallFilesystem
{
public:
    SmallFilesystem(const QString& folder, long long bytes) : m_folder(folder.toStdString())
    {
        const std::string options = "size=" + std::to_string(bytes);
        if (::mount("tmpfs", m_folder.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0)
            m_mounted = true;
        else
            m_error = std::strerror(errno);
    }
    ~SmallFilesystem()
    {
        if (m_mounted)
            ::umount2(m_folder.c_str(), MNT_DETACH);
    }
    SmallFilesystem(const SmallFilesystem&) = delete;
    SmallFilesystem& operator=(const SmallFilesystem&) = delete;

    bool mounted() const { return m_mounted; }
    const std::string& error() const { return m_error; }

private:
    std::string m_folder;
    bool m_mounted = false;
    std::string m_error;
};

long long freeBytes(const QString& folder)
{
    struct statvfs info
    {
    };
    if (::statvfs(qPrintable(folder), &info) != 0)
        return -1;
    return static_cast<long long>(info.f_bavail) * static_cast<long long>(info.f_frsize);
}

// Fills `folder`'s filesystem with a file until `room` bytes (rounded up to a page) are free.
bool fillLeaving(const QString& folder, long long room)
{
    QFile filler(folder + "/filler");
    if (!filler.open(QIODevice::WriteOnly))
        return false;
    const long long fill = (freeBytes(folder) - room) / kPage * kPage;
    const QByteArray page(kPage, 'x');
    for (long long written = 0; written < fill; written += kPage)
        if (filler.write(page) != kPage)
            return false;
    return filler.flush();
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

void TestWriteFaults::writeStopsCleanlyOnAFullFilesystem_data()
{
    QTest::addColumn<QString>("writer");
    QTest::addColumn<int>("pagesFree"); // -1: one page less than the file needs
    QTest::addColumn<bool>("previous"); // a file is at the target already
    for (const auto& [name, writer] : m_writers) {
        if (name == "extractor")
            continue; // trains a CNN first; its write is the model's
        QTest::addRow("%s, disk full", qPrintable(name)) << name << 0 << false;
        QTest::addRow("%s, one page free", qPrintable(name)) << name << 1 << false;
        QTest::addRow("%s, a page short", qPrintable(name)) << name << -1 << false;
        QTest::addRow("%s, a page short, over a previous file", qPrintable(name))
            << name << -1 << true;
    }
}

// ENOSPC itself, not a file size limit: a tmpfs filled to the given room (root only, else
// skipped). The same ending as above, with "the disk is full" as the reason.
void TestWriteFaults::writeStopsCleanlyOnAFullFilesystem()
{
    QFETCH(QString, writer);
    QFETCH(int, pagesFree);
    QFETCH(bool, previous);
    const Writer& w = m_writers.at(writer);
    QTemporaryDir folder;
    const SmallFilesystem small(folder.path(), 4 * w.size + 64 * kPage);
    if (!small.mounted())
        QSKIP(qPrintable(QString::fromStdString("no tmpfs could be mounted (" + small.error() +
                                                "): this needs root")));
    const QString target = folder.filePath(w.target);
    const QByteArray before = "the previous file, which a failed write must leave as it is\n";
    if (previous)
        QVERIFY(semrel::test::writeFileBytes(target, before));
    const long long filePages = (w.size + kPage - 1) / kPage;
    QVERIFY(fillLeaving(folder.path(), (pagesFree < 0 ? filePages - 1 : pagesFree) * kPage));

    const LimitedRun r = run(w, folder.path(), -1);

    QVERIFY2(r.exited && r.status == 1, qPrintable(r.describe() + ": " + r.err));
    const QByteArray last = r.err.trimmed().split('\n').back();
    QVERIFY2(last.startsWith("semrel: ") && last.contains("not saved") &&
                 last.contains("the disk is full"),
             r.err.constData());
    QVERIFY2(!r.err.contains("HDF5"), r.err.constData());
    if (previous)
        QCOMPARE(semrel::test::readFileBytes(target), before);
    else
        QVERIFY2(!QFileInfo::exists(target), "a file was left where the write failed");
    QVERIFY2(leftovers(folder.path()).isEmpty(), qPrintable(leftovers(folder.path()).join(' ')));

    // With the filler gone the same run fits, and its file reads back.
    QVERIFY(QFile::remove(folder.filePath("filler")));
    const LimitedRun fits = run(w, folder.path(), -1);
    QVERIFY2(fits.exited && fits.status == 0, qPrintable(fits.describe() + ": " + fits.err));
    const LimitedRun info = semrel::test::runLimited(SEMREL_CLI_PATH, {"info", target});
    QVERIFY2(info.exited && info.status == 0, info.err.constData());
}

QTEST_GUILESS_MAIN(TestWriteFaults)
#include "tst_write_faults.moc"
