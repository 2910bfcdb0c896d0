// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "metatypes.h"

#include <semrel/training/trainer.h>

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace semrel::ui {

// Runs the core Trainer on the thread it lives on (a QThread owned by the TrainingSession):
// turns its callbacks into queued signals and its exceptions into failed().
//
// Training stays a long-lived worker rather than a BackgroundJob (ui/jobs/background_job.h):
// a run streams several kinds of typed reports (threads in use, batch progress, epoch reports,
// a checkpoint) that have no place in a job's fraction-and-text progress, Stop must take effect
// within one batch through a flag the worker owns across runs, and the thread is one the
// session keeps for its whole life, so that training never queues behind other work.
class TrainingWorker : public QObject
{
    Q_OBJECT

public:
    // Batch progress is reported at most this often, whatever the batch rate.
    static constexpr int kProgressIntervalMs = 100;

    // GUI thread only. Plain methods, not slots: a queued slot would wait behind the very loop
    // it is meant to stop.
    void requestStop() { m_stop.request(); }
    void prepareRun()
    {
        m_stop.reset();
        m_batchesAfterStop.store(0);
    }
    // Batches the trainer finished after stop was requested (0 or 1 when it honours the flag
    // between batches). Read after finished().
    int batchesAfterStopRequest() const { return m_batchesAfterStop.load(); }

public Q_SLOTS:
    // Trains from scratch on `data`.
    void train(const semrel::TrainingConfig& config, std::shared_ptr<const semrel::Dataset> data);
    // Continues `checkpoint` (a ModelState with optimiser state) up to config.epochs in total.
    void resume(const semrel::TrainingConfig& config, std::shared_ptr<const semrel::Dataset> data,
                std::shared_ptr<const semrel::ModelState> checkpoint);

Q_SIGNALS:
    void started(int threadsInUse);
    void batchProgress(int epoch, qint64 batch, qint64 batches);
    void epochFinished(const semrel::EpochReport& report);
    // Before finished(), when a stopped run left a checkpoint file (config.checkpointPath): read
    // here, off the GUI thread, so that Resume can continue from it.
    void checkpointReady(std::shared_ptr<const semrel::ModelState> checkpoint);
    void finished(std::shared_ptr<const semrel::TrainingResult> result);
    void failed(const QString& message);

private:
    template <typename Run> void runGuarded(const TrainingConfig& config, Run&& run);
    void readCheckpoint(const TrainingConfig& config);
    Trainer::BatchCallback batchCallback();

    StopFlag m_stop;
    std::atomic<int> m_batchesAfterStop{0};
};

} // namespace semrel::ui
