// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "metatypes.h"
#include "training/time_left_estimator.h"

#include <semrel/dataset/dataset.h>
#include <semrel/training/trainer.h>
#include <semrel/training/tuning.h>

#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

namespace semrel::ui {

class BackgroundJob;
class JobContext;
class TrainingWorker;

// What the last tuning gave: every grid point that finished, in grid order, and the choice.
struct TuningOutcome
{
    TrainingConfig base;                   // what the grid does not set
    std::vector<TuningPoint> grid;         // every point of the grid, in order
    std::vector<TuningPointResult> points; // those that finished
    int chosen = -1;                       // index into `points`; -1 when none finished
    bool retrained = false;                // the chosen point was trained on trainval
    bool stopped = false;
};

// The window's training without its widgets: which of start, stop, resume, tune and save make
// sense now, the run in progress, and what it left (a model, a checkpoint). Runs the core Trainer
// in a TrainingWorker on a thread it owns, and the core's tuning (tune()) as a BackgroundJob.
// GUI thread only.
//
// States and transitions:
//   Idle --start()/resume()--> Training --stop()--> Stopping --(run ends)--> Idle
//   Idle --tune()--> Tuning --stop()--> Stopping --(tuning returns)--> Idle
//   Training or Tuning --(ends: done, stopped, failed)--> Idle
// What a finished run leaves: a model when at least one epoch completed (none otherwise, so
// there is nothing to save after a stop in the first epoch), and a checkpoint (what Resume
// continues from) when it was stopped after an epoch. A run that fails leaves the previous
// model and checkpoint as they were.
class TrainingSession : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Training, Tuning, Stopping };
    Q_ENUM(State)

    explicit TrainingSession(QObject* parent = nullptr);
    // Stops a running training (within one batch) and waits for the thread to end.
    ~TrainingSession() override;

    // The dataset runs train on. A running training keeps the one it started with; a checkpoint
    // of another dataset cannot be resumed on this one, so it is forgotten.
    void setDataset(std::shared_ptr<const Dataset> data);
    bool hasDataset() const { return m_data != nullptr; }
    // An opened model file: resumable when it carries optimiser state (a checkpoint).
    void setOpenedModel(std::shared_ptr<const ModelState> model);

    State state() const { return m_state; }
    bool isRunning() const { return m_state != State::Idle; }
    bool canStart() const { return m_state == State::Idle && m_data; }
    bool canResume() const { return canStart() && m_checkpoint; }
    bool canTune() const { return canStart(); }
    bool canStop() const { return m_state == State::Training || m_state == State::Tuning; }
    bool canSave() const { return m_state == State::Idle && m_model; }

    // The last run's result, whatever it was (null before the first run ends).
    std::shared_ptr<const TrainingResult> lastResult() const { return m_result; }
    // The model of the last run that completed an epoch (shares the result's memory); null when
    // there is none.
    std::shared_ptr<const ModelState> model() const { return m_model; }
    std::shared_ptr<const ModelState> checkpoint() const { return m_checkpoint; }
    // Epochs in total of the run in progress (or the last one).
    int runEpochs() const { return m_runEpochs; }

    // Starts training from scratch with `config` on the dataset. Returns false (and changes
    // nothing) when it cannot: busy, no dataset, or invalid settings; `why` then says why.
    bool start(TrainingConfig config, QString* why = nullptr);
    // Continues the checkpoint up to config.epochs in total; false (with `why`) when it cannot,
    // including when the checkpoint has that many epochs already.
    bool resume(TrainingConfig config, QString* why = nullptr);
    // Chooses τ, λ1, λ2 on the validation split (the core's tune()): every point of `grid` is
    // trained on train with `base`'s other settings and scored on val, as tuningPointFinished()
    // reports; then the best point is trained on trainval, and that run ends as a training does
    // (runStarted(), epochs, finished(), the model). False (with `why`) when it cannot start:
    // busy, no dataset, invalid settings or grid. A dataset without a val split fails at once.
    bool tune(TrainingConfig base, TuningGrid grid, QString* why = nullptr);
    // What the last tuning gave so far (updated as points finish).
    const TuningOutcome& tuning() const { return m_tuning; }

    // Asks the run (or the tuning) to stop after the batch in progress.
    void stop();

    // The worker and its thread, for those who watch them (tests check that they end).
    TrainingWorker* worker() const { return m_worker; }
    QThread* workerThread() { return &m_thread; }

Q_SIGNALS:
    void stateChanged(semrel::ui::TrainingSession::State state);
    // A run began: from scratch (firstEpoch 1) or resumed from a checkpoint.
    void runStarted(const semrel::TrainingConfig& config, int firstEpoch);
    void threadsInUseChanged(int threads); // 0 when idle
    // How far the run is: `fractionDone` in [0, 1] and seconds left (-1 while unknown).
    void progressChanged(int epoch, double fractionDone, qint64 secondsLeft);
    void epochFinished(const semrel::EpochReport& report);
    // Within an epoch, with the running loss: at most every
    // TrainingWorker::kProgressIntervalMs, and after each epoch's last batch.
    void batchFinished(const semrel::BatchReport& report);
    // A run ended, done or stopped; model() and checkpoint() already say what it left.
    void finished(const semrel::TrainingResult& result);
    void failed(const QString& message);
    // model() changed: a run completed an epoch, or a new run left none.
    void modelChanged(std::shared_ptr<const semrel::ModelState> model);

    // Tuning: it began (tuning().grid lists the points), a point finished, how far it is
    // overall (with a stage such as "point 2 of 12: τ 0.2, λ1 1, λ2 1"), it ended (tuning()
    // says how; when it retrained, finished() follows with the final run).
    void tuningStarted();
    void tuningPointFinished(const semrel::TuningPointResult& result);
    void tuningProgress(double fraction, const QString& stage, qint64 secondsLeft);
    void tuningFinished();
    // To the worker (queued across threads).
    void trainRequested(const semrel::TrainingConfig& config,
                        std::shared_ptr<const semrel::Dataset> data);
    void resumeRequested(const semrel::TrainingConfig& config,
                         std::shared_ptr<const semrel::Dataset> data,
                         std::shared_ptr<const semrel::ModelState> checkpoint);

private:
    bool prepare(TrainingConfig& config, QString* why);
    void begin(const TrainingConfig& config, int firstEpoch);
    void onBatchProgress(const BatchReport& report);
    void onFinished(std::shared_ptr<const TrainingResult> result);
    void onFailed(const QString& message);
    void adoptResult(std::shared_ptr<const TrainingResult> result);
    void setState(State state);
    void startTuningJob(const TrainingConfig& base, const TuningGrid& grid);
    struct TuningPace;
    TuningCallbacks tuningCallbacks(JobContext& context, const std::shared_ptr<TuningPace>& pace,
                                    const TrainingConfig& base);

    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<const TrainingResult> m_result;
    std::shared_ptr<const ModelState> m_model;
    std::shared_ptr<const ModelState> m_checkpoint; // what Resume continues from
    State m_state = State::Idle;
    int m_runEpochs = 0;
    TimeLeftEstimator m_timeLeft;
    QTemporaryDir m_checkpointDir;

    TuningOutcome m_tuning;

    QThread m_thread;
    TrainingWorker* m_worker;   // lives on m_thread; deleted when it finishes
    BackgroundJob* m_tuningJob; // object name "tuning"
};

} // namespace semrel::ui
