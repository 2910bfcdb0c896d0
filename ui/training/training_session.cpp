// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_session.h"

#include "jobs/background_job.h"
#include "training/training_worker.h"

#include <semrel/kernels/threads.h>
#include <semrel/method/training_config.h>
#include <semrel/model_file/model_file.h>

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace semrel::ui {

TrainingSession::TrainingSession(QObject* parent)
    : QObject(parent), m_worker(new TrainingWorker), m_tuningJob(new BackgroundJob(this))
{
    m_tuningJob->setObjectName(QStringLiteral("tuning"));
    connect(m_tuningJob, &BackgroundJob::failed, this, &TrainingSession::onFailed);
    registerMetaTypes();
    // The worker has no parent so that it can move; QThread::finished deletes it on its thread.
    m_thread.setObjectName(QStringLiteral("semrel-training"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &TrainingSession::trainRequested, m_worker, &TrainingWorker::train);
    connect(this, &TrainingSession::resumeRequested, m_worker, &TrainingWorker::resume);
    connect(m_worker, &TrainingWorker::started, this, &TrainingSession::threadsInUseChanged);
    connect(m_worker, &TrainingWorker::batchProgress, this, &TrainingSession::onBatchProgress);
    connect(m_worker, &TrainingWorker::epochFinished, this, &TrainingSession::epochFinished);
    connect(m_worker, &TrainingWorker::checkpointReady, this,
            [this](std::shared_ptr<const ModelState> checkpoint) {
                m_checkpoint = std::move(checkpoint);
            });
    connect(m_worker, &TrainingWorker::finished, this, &TrainingSession::onFinished);
    connect(m_worker, &TrainingWorker::failed, this, &TrainingSession::onFailed);
    m_thread.start();
}

// The tuning job (a child) is stopped within a batch and waited for by its own destructor.
TrainingSession::~TrainingSession()
{
    m_worker->requestStop(); // leave the epoch loop first, or wait() blocks until training ends
    m_thread.quit();
    m_thread.wait();
}

void TrainingSession::setDataset(std::shared_ptr<const Dataset> data)
{
    m_data = std::move(data);
    m_checkpoint.reset();
    setState(m_state); // what can be done changed: observers re-read the can*() queries
}

void TrainingSession::setOpenedModel(std::shared_ptr<const ModelState> model)
{
    if (model && !model->optimizerState.empty()) {
        m_checkpoint = std::move(model);
        setState(m_state);
    }
}

bool TrainingSession::prepare(TrainingConfig& config, QString* why)
{
    const auto refuse = [why](const QString& reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (m_state != State::Idle)
        return refuse(tr("A training or tuning is running already."));
    if (!m_data)
        return refuse(tr("Open a dataset first."));
    try {
        validateConfig(config);
    } catch (const std::exception& e) {
        return refuse(QString::fromUtf8(e.what()));
    }
    // A checkpoint after every epoch is what Resume continues from when the run is stopped. The
    // previous run's file goes first: a run stopped before its first epoch must not leave an
    // older run's checkpoint to be read as its own.
    if (m_checkpointDir.isValid()) {
        const QString path = m_checkpointDir.filePath(QStringLiteral("checkpoint.h5"));
        QFile::remove(path);
        config.checkpointPath = path.toStdString();
    }
    return true;
}

bool TrainingSession::start(TrainingConfig config, QString* why)
{
    if (!prepare(config, why))
        return false;
    m_checkpoint.reset(); // this run replaces it
    begin(config, 1);
    Q_EMIT trainRequested(config, m_data);
    return true;
}

bool TrainingSession::resume(TrainingConfig config, QString* why)
{
    if (m_state == State::Idle && !m_checkpoint) {
        if (why)
            *why = tr("There is no stopped run or checkpoint to resume.");
        return false;
    }
    if (!prepare(config, why))
        return false;
    if (config.epochs <= m_checkpoint->completedEpochs) {
        if (why)
            *why = tr("The checkpoint has %1 epochs done already; set Epochs higher to go on.")
                       .arg(m_checkpoint->completedEpochs);
        return false;
    }
    // The run goes on mining as it began, as `semrel train --resume` does (the trainer's resume
    // check does not compare it: it changes no state a checkpoint holds).
    config.bf16Mining = m_checkpoint->config.bf16Mining;
    begin(config, m_checkpoint->completedEpochs + 1);
    Q_EMIT resumeRequested(config, m_data, m_checkpoint);
    return true;
}

void TrainingSession::begin(const TrainingConfig& config, int firstEpoch)
{
    m_runEpochs = config.epochs;
    m_timeLeft.start(firstEpoch, config.epochs);
    m_worker->prepareRun();
    setState(State::Training);
    Q_EMIT runStarted(config, firstEpoch);
}

void TrainingSession::stop()
{
    if (!canStop())
        return;
    if (m_state == State::Tuning)
        m_tuningJob->cancel(); // tune() sees the flag within a batch and returns what it has
    else
        m_worker->requestStop();
    setState(State::Stopping);
}

void TrainingSession::onBatchProgress(const BatchReport& report)
{
    m_timeLeft.update(report.epoch, report.batch, report.batches);
    Q_EMIT progressChanged(report.epoch, m_timeLeft.fractionDone(), m_timeLeft.secondsLeft());
    Q_EMIT batchFinished(report);
}

void TrainingSession::onFinished(std::shared_ptr<const TrainingResult> result)
{
    // A finished run has nothing left to resume; a stopped one got checkpointReady() first (or
    // none, when no epoch of it ended: then the checkpoint it resumed from, if any, stays).
    if (!result->stopped)
        m_checkpoint.reset();
    adoptResult(std::move(result));
}

void TrainingSession::adoptResult(std::shared_ptr<const TrainingResult> result)
{
    m_result = result;
    // Weights after zero epochs are the initial random ones: not a model.
    const bool trained = !result->state.history.empty();
    m_model = trained ? std::shared_ptr<const ModelState>(result, &result->state) : nullptr;
    setState(State::Idle);
    Q_EMIT threadsInUseChanged(0);
    Q_EMIT modelChanged(m_model);
    Q_EMIT finished(*result);
}

void TrainingSession::onFailed(const QString& message)
{
    setState(State::Idle);
    Q_EMIT threadsInUseChanged(0);
    Q_EMIT failed(message);
}

void TrainingSession::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged(state);
}

bool TrainingSession::tune(TrainingConfig base, TuningGrid grid, QString* why)
{
    if (!prepare(base, why))
        return false;
    std::vector<TuningPoint> points;
    try {
        points = tuningPoints(base, grid);
    } catch (const std::exception& e) {
        if (why)
            *why = QString::fromUtf8(e.what());
        return false;
    }
    m_checkpoint.reset(); // the final training replaces it
    m_tuning = {};
    m_tuning.base = base;
    m_tuning.grid = std::move(points);
    m_runEpochs = base.epochs;
    setState(State::Tuning);
    Q_EMIT tuningStarted();
    startTuningJob(base, grid);
    return true;
}

namespace {

// What the tuning job hands back: the core's result, and the final run's checkpoint when a stop
// ended it after an epoch (read on the job's thread, as the training worker does).
struct TuningRun
{
    TuningResult result;
    std::shared_ptr<const ModelState> checkpoint;
};

} // namespace

// Shared by the tuning's callbacks, on the job's thread only.
struct TrainingSession::TuningPace
{
    QElapsedTimer clock;       // since the start, for the time left
    QElapsedTimer sinceReport; // progress at most every TrainingWorker::kProgressIntervalMs
    QElapsedTimer sinceBatch;  // batch reports of the final training, as often
    bool retraining = false;   // epochs are shown only for the final training
    bool reportedThreads = false;
};

void TrainingSession::startTuningJob(const TrainingConfig& base, const TuningGrid& grid)
{
    m_tuningJob->start(
        [this, base, grid, data = m_data](JobContext& context) {
            auto pace = std::make_shared<TuningPace>();
            pace->clock.start();
            pace->sinceBatch.start();
            TuningRun run;
            run.result = semrel::tune(base, grid, *data, context.stopFlag(),
                                      tuningCallbacks(context, pace, base));
            const TrainingResult& final = run.result.final;
            if (run.result.retrained && final.stopped && !base.checkpointPath.empty() &&
                QFileInfo::exists(QString::fromStdString(base.checkpointPath)))
                run.checkpoint =
                    std::make_shared<const ModelState>(readModelFile(base.checkpointPath));
            return run;
        },
        [this](TuningRun run) {
            m_tuning.chosen = run.result.chosen;
            m_tuning.retrained = run.result.retrained;
            m_tuning.stopped = run.result.stopped;
            Q_EMIT tuningFinished();
            if (!run.result.retrained) {
                setState(State::Idle);
                Q_EMIT threadsInUseChanged(0);
                return;
            }
            m_checkpoint = std::move(run.checkpoint);
            adoptResult(std::make_shared<const TrainingResult>(std::move(run.result.final)));
        });
}

TuningCallbacks TrainingSession::tuningCallbacks(JobContext& context,
                                                 const std::shared_ptr<TuningPace>& pace,
                                                 const TrainingConfig& base)
{
    // On the job's thread: what the GUI shows goes there as posted copies, dropped if the
    // tuning is no longer the current one.
    TuningCallbacks callbacks;
    callbacks.onPointFinished = [this, &context](const TuningPointResult& point) {
        context.post([this, point] {
            m_tuning.points.push_back(point);
            Q_EMIT tuningPointFinished(point);
        });
    };
    callbacks.onRetrainStarted = [this, &context, pace, base](const TuningPointResult& chosen) {
        pace->retraining = true;
        context.post([this, final = chosen.point.applyTo(base)] { Q_EMIT runStarted(final, 1); });
    };
    callbacks.onEpoch = [this, &context, pace](const EpochReport& report) {
        if (pace->retraining)
            context.post([this, report] { Q_EMIT epochFinished(report); });
    };
    callbacks.onBatch = [this, &context, pace](const BatchReport& report) {
        if (pace->retraining &&
            (report.batch == report.batches ||
             pace->sinceBatch.elapsed() >= TrainingWorker::kProgressIntervalMs)) {
            pace->sinceBatch.start();
            context.post([this, report] { Q_EMIT batchFinished(report); });
        }
        if (pace->reportedThreads)
            return;
        pace->reportedThreads = true; // the trainer has set its threads by now
        context.post(
            [this, threads = currentThreadCount()] { Q_EMIT threadsInUseChanged(threads); });
    };
    callbacks.onProgress = [this, &context, pace](double fraction, const std::string& stage) {
        if (pace->sinceReport.isValid() && fraction < 1.0 &&
            pace->sinceReport.elapsed() < TrainingWorker::kProgressIntervalMs)
            return;
        pace->sinceReport.start();
        const double elapsedSeconds = pace->clock.elapsed() / 1000.0;
        const auto left = fraction > 0.01
                              ? static_cast<qint64>((1.0 - fraction) / fraction * elapsedSeconds)
                              : qint64{-1};
        context.post([this, fraction, left, text = QString::fromStdString(stage)] {
            Q_EMIT tuningProgress(fraction, text, left);
        });
    };
    return callbacks;
}

} // namespace semrel::ui
