// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "jobs/background_job.h"

#include <semrel/errors.h>

#include <QMetaObject>

namespace semrel::ui {

namespace {

// Runs of one job at once: the current one, and superseded ones that have not noticed their
// stop yet (evaluation cannot stop). A new run never waits behind a stale one.
constexpr int kThreadsPerJob = 4;

} // namespace

// One start(): its generation and its own stop flag (shared with its thread, which may outlive
// the run's place as the current one).
struct BackgroundJob::Run
{
    quint64 generation = 0;
    StopFlag stop;
};

// What a run's thread hands back: a delivery, an error message, or neither (cancelled).
struct BackgroundJob::Outcome
{
    Delivery deliver;
    QString error;
};

JobContext::JobContext(BackgroundJob& job, quint64 generation, const StopFlag& stop)
    : m_job(job), m_generation(generation), m_stop(stop)
{}

void JobContext::throwIfStopRequested() const
{
    if (m_stop.isRequested())
        throw Cancelled("stopped on request");
}

void JobContext::reportProgress(double fraction, const std::string& stage)
{
    BackgroundJob* job = &m_job;
    m_job.postIfCurrent(m_generation, [job, fraction, stage = QString::fromStdString(stage)] {
        Q_EMIT job->progressChanged(fraction, stage);
    });
}

ProgressCallback JobContext::progress()
{
    return [this](double fraction, const std::string& stage) {
        reportProgress(fraction, stage);
    };
}

ProgressCallback JobContext::cancellableProgress()
{
    return semrel::cancellableProgress(m_stop, progress());
}

void JobContext::post(std::function<void()> onGuiThread)
{
    m_job.postIfCurrent(m_generation, std::move(onGuiThread));
}

BackgroundJob::BackgroundJob(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(kThreadsPerJob);
}

BackgroundJob::~BackgroundJob()
{
    if (m_current)
        m_current->stop.request();
    // The runs' threads post to this object: they must be done before it goes. Their queued
    // events die with it.
    m_pool.waitForDone();
}

void BackgroundJob::startErased(ErasedWork work)
{
    if (m_current)
        m_current->stop.request();
    auto run = std::make_shared<Run>();
    run->generation = ++m_generation;
    m_current = run;
    m_pool.start([this, run, work = std::move(work)]() mutable { execute(run, work); });
    setRunning(true);
}

void BackgroundJob::execute(const std::shared_ptr<Run>& run, ErasedWork& work)
{
    // On the run's thread. An exception leaving this function would end the process.
    auto outcome = std::make_shared<Outcome>();
    try {
        JobContext context(*this, run->generation, run->stop);
        outcome->deliver = work(context);
    } catch (const Cancelled&) {
        // Neither a delivery nor an error: cancelled().
    } catch (const std::exception& e) {
        outcome->error = QString::fromUtf8(e.what());
    } catch (...) {
        outcome->error = tr("The work stopped on an unknown error.");
    }
    work = nullptr; // what the work captured goes here, off the GUI thread
    QMetaObject::invokeMethod(
        this, [this, run, outcome] { conclude(run, *outcome); }, Qt::QueuedConnection);
}

void BackgroundJob::conclude(const std::shared_ptr<Run>& run, Outcome& outcome)
{
    if (run != m_current || run->generation != m_generation) {
        Q_EMIT dropped();
        return;
    }
    m_current.reset();
    bool delivered = false;
    if (outcome.deliver) {
        try {
            outcome.deliver();
            delivered = true;
        } catch (const std::exception& e) {
            outcome.error = QString::fromUtf8(e.what());
        } catch (...) {
            outcome.error = tr("Showing the result failed on an unknown error.");
        }
    }
    outcome.deliver = nullptr;
    if (!m_current) // unless the delivery started the next run
        setRunning(false);
    if (delivered)
        Q_EMIT finished();
    else if (!outcome.error.isEmpty())
        Q_EMIT failed(outcome.error);
    else
        Q_EMIT cancelled();
}

void BackgroundJob::cancel()
{
    if (m_current)
        m_current->stop.request();
}

void BackgroundJob::discard()
{
    if (!m_current)
        return;
    m_current->stop.request();
    m_current.reset();
    ++m_generation;
    setRunning(false);
}

void BackgroundJob::postIfCurrent(quint64 generation, std::function<void()> onGuiThread)
{
    QMetaObject::invokeMethod(
        this,
        [this, generation, onGuiThread = std::move(onGuiThread)] {
            if (!m_current || m_current->generation != generation)
                return;
            // An exception leaving an event handler would end the process: log it instead.
            try {
                onGuiThread();
            } catch (const std::exception& e) {
                qWarning("background job: an update failed: %s", e.what());
            } catch (...) {
                qWarning("background job: an update failed");
            }
        },
        Qt::QueuedConnection);
}

void BackgroundJob::setRunning(bool running)
{
    if (running == m_running)
        return;
    m_running = running;
    Q_EMIT runningChanged(running);
}

} // namespace semrel::ui
