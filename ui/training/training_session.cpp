// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_session.h"

#include "training/training_worker.h"

#include <semrel/method/training_config.h>

#include <QFile>

namespace semrel::ui {

TrainingSession::TrainingSession(QObject* parent) : QObject(parent), m_worker(new TrainingWorker)
{
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
        return refuse(tr("A training is running already."));
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
    m_worker->requestStop();
    setState(State::Stopping);
}

void TrainingSession::onBatchProgress(int epoch, qint64 batch, qint64 batches)
{
    m_timeLeft.update(epoch, batch, batches);
    Q_EMIT progressChanged(epoch, m_timeLeft.fractionDone(), m_timeLeft.secondsLeft());
}

void TrainingSession::onFinished(std::shared_ptr<const TrainingResult> result)
{
    m_result = result;
    // A finished run has nothing left to resume; a stopped one got checkpointReady() first (or
    // none, when no epoch of it ended: then the checkpoint it resumed from, if any, stays).
    if (!result->stopped)
        m_checkpoint.reset();
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

} // namespace semrel::ui
