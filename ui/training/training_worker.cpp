// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_worker.h"

#include <semrel/kernels/threads.h>
#include <semrel/model_file/model_file.h>

#include <QElapsedTimer>
#include <QFileInfo>

namespace semrel::ui {

template <typename Run> void TrainingWorker::runGuarded(const TrainingConfig& config, Run&& run)
{
    // An exception leaving a slot on this thread would end the process; report it instead.
    try {
        auto result = std::make_shared<const TrainingResult>(run());
        if (result->stopped)
            readCheckpoint(config);
        Q_EMIT finished(std::move(result)); // shared: the model's weights are not copied again
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
    } catch (...) {
        Q_EMIT failed(tr("Training stopped on an unknown error."));
    }
}

void TrainingWorker::readCheckpoint(const TrainingConfig& config)
{
    if (config.checkpointPath.empty() ||
        !QFileInfo::exists(QString::fromStdString(config.checkpointPath)))
        return; // stopped before the first epoch ended: nothing to resume
    try {
        Q_EMIT checkpointReady(
            std::make_shared<const ModelState>(readModelFile(config.checkpointPath)));
    } catch (const std::exception& e) {
        // Resume stays off; the run's result itself is fine.
        qWarning("checkpoint %s unreadable: %s", config.checkpointPath.c_str(), e.what());
    }
}

Trainer::BatchCallback TrainingWorker::batchCallback()
{
    // Per batch is too often for the GUI (thousands per second on small data): throttle, but
    // always let the last batch of an epoch through so the bar reaches its end.
    auto clock = std::make_shared<QElapsedTimer>();
    auto reportedThreads = std::make_shared<bool>(false);
    clock->start();
    return [this, clock, reportedThreads](int epoch, std::int64_t batch, std::int64_t batches) {
        if (m_stop.isRequested())
            m_batchesAfterStop.fetch_add(1);
        if (!*reportedThreads) {
            // The trainer has configured its threads by now, on this very thread.
            *reportedThreads = true;
            Q_EMIT started(currentThreadCount());
        }
        if (batch == batches || clock->elapsed() >= kProgressIntervalMs) {
            clock->restart();
            Q_EMIT batchProgress(epoch, batch, batches);
        }
    };
}

void TrainingWorker::train(const TrainingConfig& config, std::shared_ptr<const Dataset> data)
{
    runGuarded(config, [&] {
        Trainer trainer(config);
        return trainer.run(
            *data, m_stop, [this](const EpochReport& report) { Q_EMIT epochFinished(report); },
            batchCallback());
    });
}

void TrainingWorker::resume(const TrainingConfig& config, std::shared_ptr<const Dataset> data,
                            std::shared_ptr<const ModelState> checkpoint)
{
    runGuarded(config, [&] {
        Trainer trainer(config);
        return trainer.resume(
            *data, *checkpoint, m_stop,
            [this](const EpochReport& report) { Q_EMIT epochFinished(report); }, batchCallback());
    });
}

} // namespace semrel::ui
