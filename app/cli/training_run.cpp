// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training_run.h"

#include "option_checks.h"
#include "progress_bar.h"

#include <semrel/dataset/dataset_summary.h>
#include <semrel/kernels/threads.h>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace semrel::cli {

namespace {

// The flag of the run in progress, for the SIGINT handler. StopFlag::request() is a lock-free
// atomic store, which is safe in a signal handler.
StopFlag* g_activeStop = nullptr;

extern "C" void requestStopOnSignal(int)
{
    if (g_activeStop)
        g_activeStop->request();
}

std::string percent(const char* label, double value)
{
    if (std::isnan(value))
        return {};
    char text[48];
    std::snprintf(text, sizeof text, "  %s %.1f%%", label, 100.0 * value);
    return text;
}

} // namespace

std::string epochLine(const EpochReport& r, int epochs, bool closedForm)
{
    char head[160];
    if (closedForm)
        std::snprintf(head, sizeof head, "solved");
    else
        std::snprintf(head, sizeof head, "epoch %d/%d  loss %.4f (O1 %.4f O2 %.4f O3 %.4f)",
                      r.epoch, epochs, r.loss, r.o1, r.o2, r.o3);
    std::string line = head;
    line += percent("val", r.validationAccuracy);
    line += percent("zsl", r.zslAccuracy);
    line += percent("ts", r.gzslUnseen);
    line += percent("tr", r.gzslSeen);
    line += percent("H", r.gzslH);
    line += percent("AUSUC", r.ausuc);
    char tail[64];
    std::snprintf(tail, sizeof tail, "  %.1f s + %.1f s eval", r.seconds, r.evalSeconds);
    return line + tail;
}

InterruptGuard::InterruptGuard(StopFlag& stop)
{
    g_activeStop = &stop;
    m_previous = std::signal(SIGINT, requestStopOnSignal);
}

InterruptGuard::~InterruptGuard()
{
    std::signal(SIGINT, m_previous);
    g_activeStop = nullptr;
}

TrainingChatter::TrainingChatter(int epochs, Chatter chatter)
    : m_epochs(epochs), m_chatter(chatter), m_terminal(isatty(fileno(stderr)) != 0)
{}

TrainingChatter::~TrainingChatter() = default;

Trainer::BatchCallback TrainingChatter::batchCallback()
{
    return [this](const BatchReport& report) {
        if (m_chatter != Chatter::Full || !m_terminal)
            return;
        if (!m_bar)
            m_bar = std::make_unique<ProgressBar>("epoch " + std::to_string(report.epoch));
        char loss[32];
        std::snprintf(loss, sizeof loss, ", loss %.4f", report.runningLoss);
        m_bar->update(report.batches > 0
                          ? static_cast<double>(report.batch) / static_cast<double>(report.batches)
                          : 1.0,
                      std::to_string(report.batch) + "/" + std::to_string(report.batches) +
                          " batches" + loss);
    };
}

Trainer::EpochCallback TrainingChatter::epochCallback()
{
    return [this](const EpochReport& report) {
        endBar(); // ends the bar's line before the epoch's
        std::fprintf(stderr, "%s\n", epochLine(report, m_epochs, m_closedForm).c_str());
    };
}

void TrainingChatter::endBar()
{
    m_bar.reset();
}

void printComputeSummary(int threads)
{
    configureThreads(threads); // the trainer does it too; here to report it
    std::fprintf(stderr, "%s\n", computeSummary().c_str());
}

TrainingResult runTraining(const TrainingConfig& config, Dataset& data,
                           const ModelState* checkpoint, Chatter chatter)
{
    TrainingChatter chat(config.epochs, chatter);
    chat.setClosedForm(isClosedForm(config.method));
    if (chatter == Chatter::Full) {
        warnAboutThreads(config.threads);
        printComputeSummary(config.threads);
    }
    StopFlag stop;
    InterruptGuard guard(stop);
    Trainer trainer(config);
    TrainingResult result =
        checkpoint ? trainer.resumeInPlace(data, *checkpoint, stop, chat.epochCallback(),
                                           chat.batchCallback())
                   : trainer.runInPlace(data, stop, chat.epochCallback(), chat.batchCallback());
    chat.endBar();
    for (const std::string& warning : result.warnings)
        std::fprintf(stderr, "warning: %s\n", printable(warning).c_str());
    return result;
}

void warnAboutThreads(int requested)
{
    const std::string warning = threadCountWarning(requested);
    if (!warning.empty())
        std::fprintf(stderr, "warning: %s\n", warning.c_str());
}

Dataset loadDatasetWithProgress(const std::string& path, bool quiet)
{
    std::unique_ptr<ProgressBar> bar;
    if (!quiet)
        bar = std::make_unique<ProgressBar>("loading");
    return loadDataset(path, bar ? bar->callback() : ProgressCallback{});
}

} // namespace semrel::cli
