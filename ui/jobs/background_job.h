// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/progress.h>

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

namespace semrel::ui {

class BackgroundJob;

// What a job's work sees on its own thread: the run's stop flag, progress reporting, and a way
// to hand intermediate results to the GUI thread. Only that thread may use it.
class JobContext
{
public:
    const StopFlag& stopFlag() const { return m_stop; }
    bool isStopRequested() const { return m_stop.isRequested(); }
    // A point where the work may end early: throws Cancelled once a stop was requested.
    void throwIfStopRequested() const;

    // Reports progress (fraction in [0, 1]) as BackgroundJob::progressChanged(). Every report
    // is posted: report at the core's pace (a block read, a few iterations), not per element.
    void reportProgress(double fraction, const std::string& stage);
    // reportProgress() as a ProgressCallback, for core functions. Never throws.
    ProgressCallback progress();
    // The same, but throwing Cancelled once a stop was requested: for the core functions whose
    // progress may throw (the dataset readers, semrel/progress.h), which then stop mid-way.
    ProgressCallback cancellableProgress();

    // Runs `onGuiThread` on the GUI thread, in order with the progress and before the result,
    // unless this run has been superseded or discarded by then (it is then dropped).
    void post(std::function<void()> onGuiThread);

private:
    friend class BackgroundJob;
    JobContext(BackgroundJob& job, quint64 generation, const StopFlag& stop);

    BackgroundJob& m_job;
    quint64 m_generation;
    const StopFlag& m_stop;
};

// Runs work off the GUI thread, one current run at a time: the single way the window does slow
// work (opening files, evaluation, maps, image features, tuning). The work is any callable
// `R work(JobContext&)`; it runs on a thread of this job and must touch no widget (capture
// shared pointers and values, not views). Its outcome reaches the GUI thread as exactly one of:
// the result, handed to `deliver(R)` (then finished()); cancelled(), when the work threw
// Cancelled; failed(message), when it threw anything else. No exception escapes.
//
// Each start() begins a new generation: a run that is no longer the current one (a newer
// start(), or discard() because what it worked for is no longer shown) is asked to stop, and
// whatever it gives later is dropped (dropped()). So a result can never land on a model or
// dataset that has since been closed or replaced.
//
// GUI thread only (all methods and signals). The training worker is the one long-lived worker
// outside this (ui/training/training_worker.h says why).
class BackgroundJob : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundJob(QObject* parent = nullptr);
    // Asks the current run to stop and waits for every run of this job to end: long work must
    // check its stop flag (evaluation does between blocks of rows).
    ~BackgroundJob() override;

    // Starts `work` and returns at once; the current run, if any, is superseded.
    template <typename Work, typename Deliver> void start(Work work, Deliver deliver);

    // Asks the current run to stop. It ends as its work decides: cancelled() when it throws
    // Cancelled, or its result (t-SNE and tuning return what they have).
    void cancel();
    // Forgets the current run: it is asked to stop and its outcome will be dropped. For when
    // what it worked for is no longer shown (the model or dataset was closed or replaced).
    void discard();

    bool isRunning() const { return m_running; }
    // Incremented by every start() and discard(): results of older generations are dropped.
    quint64 generation() const { return m_generation; }

Q_SIGNALS:
    void runningChanged(bool running);
    void progressChanged(double fraction, const QString& stage);
    void finished();
    void cancelled();
    void failed(const QString& message);
    // A superseded or discarded run ended and its outcome was dropped.
    void dropped();

private:
    friend class JobContext;
    using Delivery = std::function<void()>;
    using ErasedWork = std::function<Delivery(JobContext&)>;
    struct Run;
    struct Outcome;

    void startErased(ErasedWork work);
    void execute(const std::shared_ptr<Run>& run, ErasedWork& work);
    void conclude(const std::shared_ptr<Run>& run, Outcome& outcome);
    // Queues `onGuiThread` for the GUI thread, to run only if `generation` is still current.
    void postIfCurrent(quint64 generation, std::function<void()> onGuiThread);
    void setRunning(bool running);

    QThreadPool m_pool;
    std::shared_ptr<Run> m_current;
    quint64 m_generation = 0;
    bool m_running = false;
};

template <typename Work, typename Deliver> void BackgroundJob::start(Work work, Deliver deliver)
{
    using Result = std::invoke_result_t<Work&, JobContext&>;
    startErased([work = std::move(work),
                 deliver = std::move(deliver)](JobContext& context) mutable -> Delivery {
        if constexpr (std::is_void_v<Result>) {
            work(context);
            return [deliver]() mutable {
                deliver();
            };
        } else {
            auto result = std::make_shared<Result>(work(context));
            return [deliver, result]() mutable {
                deliver(std::move(*result));
            };
        }
    });
}

} // namespace semrel::ui
