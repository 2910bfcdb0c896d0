// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/model_file/model_state.h>
#include <semrel/training/trainer.h>

#include <memory>
#include <string>

namespace semrel::cli {

class ProgressBar;

// How much a training run tells on stderr.
enum class Chatter {
    Full,   // a progress bar on a terminal and a line per epoch
    Epochs, // a line per epoch only
};

// While it lives, Ctrl-C requests `stop` (the run then ends after the current batch); the
// previous handler comes back afterwards, so that a second Ctrl-C outside training still ends
// the process. One at a time.
class InterruptGuard
{
public:
    explicit InterruptGuard(StopFlag& stop);
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
    void (*m_previous)(int) = nullptr;
};

// A training's progress on stderr: with Chatter::Full a bar of the epoch's batches (on a
// terminal only: off one it would print ten lines per epoch), and a line per epoch.
class TrainingChatter
{
public:
    TrainingChatter(int epochs, Chatter chatter);
    ~TrainingChatter();
    void setChatter(Chatter chatter) { m_chatter = chatter; }
    // ESZSL and SAE report one solve, not epochs of a loss.
    void setClosedForm(bool closedForm) { m_closedForm = closedForm; }
    Trainer::EpochCallback epochCallback();
    Trainer::BatchCallback batchCallback();
    void endBar(); // ends the bar's line, if one is drawn

private:
    int m_epochs;
    Chatter m_chatter;
    bool m_closedForm = false;
    bool m_terminal;
    std::unique_ptr<ProgressBar> m_bar;
};

// Runs the trainer (or resumes `checkpoint` when it is not null) with a progress bar and a line
// per epoch on stderr. Ctrl-C asks the trainer to stop after the current batch; the result then
// says `stopped` and holds the completed epochs. The training rows of `data` are normalised in
// place (Trainer::runInPlace): afterwards only its other rows hold raw features.
TrainingResult runTraining(const TrainingConfig& config, Dataset& data,
                           const ModelState* checkpoint, Chatter chatter);

// With Chatter::Full: the threads the run will use, on stderr.
void printComputeSummary(int threads);

// "epoch 3/10  loss ... (O1 ... O2 ... O3 ...)  val 45.2%  ...  12.3 s": the per-epoch line;
// with `closedForm`, "solved  zsl ...  0.4 s + 0.1 s eval" (ESZSL, SAE: one solve, no loss).
std::string epochLine(const EpochReport& report, int epochs, bool closedForm = false);

// "warning: 1000 threads asked for, but this machine has 2 cores: using 2" on stderr, when so.
void warnAboutThreads(int requested);

// Loads a dataset file or xlsa17 folder, with a progress bar unless `quiet`.
Dataset loadDatasetWithProgress(const std::string& path, bool quiet);

} // namespace semrel::cli
