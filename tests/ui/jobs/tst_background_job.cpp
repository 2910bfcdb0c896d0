// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "jobs/background_job.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/errors.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using namespace semrel;
using namespace semrel::ui;

namespace {

// Work that holds its thread until released (or stopped), so that a test decides the order.
struct Gate
{
    std::atomic<bool> open{false};
    std::atomic<bool> entered{false};

    // On the work's thread. True when released, false when a stop ended the wait.
    bool wait(const JobContext& context)
    {
        entered = true;
        while (!open && !context.isStopRequested())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        return open;
    }
};

} // namespace

class TestBackgroundJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversTheResultOnTheGuiThread();
    void reportsEveryProgressInOrderBeforeTheResult();
    void cancelEndsAWorkThatChecksTheFlag();
    void cancelStopsACoreReaderMidWay();
    void exceptionsBecomeTheFailedSignal();
    void aNewerStartDropsTheOlderResult();
    void discardDropsTheResultAndItsUpdates();
    void destroyingTheJobStopsAndWaitsForItsRun();
};

void TestBackgroundJob::deliversTheResultOnTheGuiThread()
{
    BackgroundJob job;
    QSignalSpy running(&job, &BackgroundJob::runningChanged);
    QSignalSpy finished(&job, &BackgroundJob::finished);
    QThread* workThread = nullptr;
    QThread* deliverThread = nullptr;
    int result = 0;
    job.start(
        [&workThread](JobContext&) {
            workThread = QThread::currentThread();
            return 6 * 7;
        },
        [&](int value) {
            deliverThread = QThread::currentThread();
            result = value;
        });
    QVERIFY(job.isRunning());
    QVERIFY(finished.wait(5000));
    QCOMPARE(result, 42);
    QCOMPARE(deliverThread, QThread::currentThread());
    QVERIFY(workThread != nullptr && workThread != QThread::currentThread());
    QVERIFY(!job.isRunning());
    QCOMPARE(running.count(), 2);
    QCOMPARE(running.at(0).at(0).toBool(), true);
    QCOMPARE(running.at(1).at(0).toBool(), false);
}

void TestBackgroundJob::reportsEveryProgressInOrderBeforeTheResult()
{
    BackgroundJob job;
    QSignalSpy progress(&job, &BackgroundJob::progressChanged);
    int reportsAtDelivery = -1;
    QSignalSpy finished(&job, &BackgroundJob::finished);
    constexpr int kSteps = 200;
    job.start(
        [](JobContext& context) {
            const ProgressCallback report = context.progress();
            for (int i = 1; i <= kSteps; ++i)
                report(static_cast<double>(i) / kSteps, "counting");
        },
        [&] { reportsAtDelivery = static_cast<int>(progress.count()); });
    QVERIFY(finished.wait(10000));
    QCOMPARE(reportsAtDelivery, kSteps);
    for (int i = 0; i < kSteps; ++i) {
        QCOMPARE(progress.at(i).at(0).toDouble(), static_cast<double>(i + 1) / kSteps);
        QCOMPARE(progress.at(i).at(1).toString(), QStringLiteral("counting"));
    }
}

void TestBackgroundJob::cancelEndsAWorkThatChecksTheFlag()
{
    BackgroundJob job;
    QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
    QSignalSpy finished(&job, &BackgroundJob::finished);
    QSignalSpy failed(&job, &BackgroundJob::failed);
    Gate gate;
    bool delivered = false;
    job.start(
        [&gate](JobContext& context) {
            gate.wait(context);
            context.throwIfStopRequested();
        },
        [&delivered] { delivered = true; });
    QTRY_VERIFY(gate.entered);
    job.cancel();
    QVERIFY(cancelled.wait(5000));
    QVERIFY(!delivered);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!job.isRunning());
}

void TestBackgroundJob::cancelStopsACoreReaderMidWay()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SyntheticSpec spec;
    spec.featureDim = 4096; // ~19 MB of features: several blocks between progress reports
    spec.samplesPerClass = 60;
    const std::string path = dir.filePath(QStringLiteral("big.h5")).toStdString();
    writeDatasetFile(makeSyntheticDataset(spec), path);

    BackgroundJob job;
    QSignalSpy cancelled(&job, &BackgroundJob::cancelled);
    std::atomic<int> reports{0};
    job.start(
        [path, &reports](JobContext& context) {
            const ProgressCallback progress = context.cancellableProgress();
            return readDatasetFile(path, [&](double fraction, const std::string& stage) {
                ++reports;
                // Hold the read after its first block until the test has asked it to stop.
                while (reports == 1 && !context.isStopRequested())
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                progress(fraction, stage);
            });
        },
        [](const Dataset&) { QFAIL("a cancelled read delivered a dataset"); });
    QTRY_VERIFY(reports >= 1);
    job.cancel();
    QVERIFY(cancelled.wait(5000));
    QCOMPARE(reports.load(), 1); // it stopped at the first report after the request
}

void TestBackgroundJob::exceptionsBecomeTheFailedSignal()
{
    BackgroundJob job;
    QSignalSpy failed(&job, &BackgroundJob::failed);
    job.start([](JobContext&) -> int { throw DataError("data.h5: '/labels' is missing"); },
              [](int) {});
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.last().at(0).toString(), QStringLiteral("data.h5: '/labels' is missing"));
    QVERIFY(!job.isRunning());

    job.start([](JobContext&) { throw 42; }, [] {});
    QVERIFY(failed.wait(5000));
    QVERIFY(!failed.last().at(0).toString().isEmpty());

    // An exception while the result is handed over is caught too.
    job.start([](JobContext&) {}, [] { throw std::runtime_error("the view refused it"); });
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.last().at(0).toString(), QStringLiteral("the view refused it"));
    QVERIFY(!job.isRunning());
}

void TestBackgroundJob::aNewerStartDropsTheOlderResult()
{
    BackgroundJob job;
    QSignalSpy finished(&job, &BackgroundJob::finished);
    QSignalSpy dropped(&job, &BackgroundJob::dropped);
    Gate older;
    QStringList delivered;
    std::atomic<bool> olderSawStop{false};
    job.start(
        [&](JobContext& context) {
            // Ignores its stop until released, as evaluation would: it ends after the newer run.
            while (!older.open)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            olderSawStop = context.isStopRequested();
            return QStringLiteral("old model");
        },
        [&](const QString& what) { delivered << what; });
    const quint64 olderGeneration = job.generation();
    job.start([](JobContext&) { return QStringLiteral("new model"); },
              [&](const QString& what) { delivered << what; });
    QVERIFY(job.generation() > olderGeneration);
    QVERIFY(finished.wait(5000));
    QCOMPARE(delivered, QStringList{QStringLiteral("new model")});
    older.open = true;
    QVERIFY(dropped.wait(5000));
    QCOMPARE(delivered, QStringList{QStringLiteral("new model")});
    QCOMPARE(finished.count(), 1);
    QVERIFY(olderSawStop); // superseded runs are asked to stop
}

void TestBackgroundJob::discardDropsTheResultAndItsUpdates()
{
    BackgroundJob job;
    QSignalSpy dropped(&job, &BackgroundJob::dropped);
    QSignalSpy progress(&job, &BackgroundJob::progressChanged);
    QSignalSpy running(&job, &BackgroundJob::runningChanged);
    Gate gate;
    int posts = 0;
    bool delivered = false;
    job.start(
        [&](JobContext& context) {
            while (!gate.open)
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            context.reportProgress(1.0, "done");
            context.post([&posts] { ++posts; });
            return 1;
        },
        [&delivered](int) { delivered = true; });
    job.discard(); // the model it worked for was closed
    QVERIFY(!job.isRunning());
    QCOMPARE(running.count(), 2);
    gate.open = true;
    QVERIFY(dropped.wait(5000));
    QVERIFY(!delivered);
    QCOMPARE(posts, 0);
    QCOMPARE(progress.count(), 0);
}

void TestBackgroundJob::destroyingTheJobStopsAndWaitsForItsRun()
{
    auto job = std::make_unique<BackgroundJob>();
    Gate gate;
    std::atomic<bool> ended{false};
    job->start(
        [&](JobContext& context) {
            gate.wait(context); // never released: only the stop ends it
            ended = true;
        },
        [] {});
    QTRY_VERIFY(gate.entered);
    job.reset();
    QVERIFY(ended);                    // the destructor asked it to stop and waited
    QCoreApplication::processEvents(); // its queued outcome died with the job: nothing happens
}

QTEST_MAIN(TestBackgroundJob)
#include "tst_background_job.moc"
