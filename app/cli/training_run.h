// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/model_file/model_state.h>
#include <semrel/training/trainer.h>

#include <string>

namespace semrel::cli {

// How much a training run tells on stderr.
enum class Chatter {
    Full,   // a progress bar on a terminal and a line per epoch
    Epochs, // a line per epoch only
};

// Runs the trainer (or resumes `checkpoint` when it is not null) with a progress bar and a line
// per epoch on stderr. Ctrl-C asks the trainer to stop after the current batch; the result then
// says `stopped` and holds the completed epochs.
TrainingResult runTraining(const TrainingConfig& config, const Dataset& data,
                           const ModelState* checkpoint, Chatter chatter);

// "epoch 3/10  loss ... (O1 ... O2 ... O3 ...)  val 45.2%  ...  12.3 s": the per-epoch line.
std::string epochLine(const EpochReport& report, int epochs);

// "warning: 1000 threads asked for, but this machine has 2 cores: using 2" on stderr, when so.
void warnAboutThreads(int requested);

// Loads a dataset file or xlsa17 folder, with a progress bar unless `quiet`.
Dataset loadDatasetWithProgress(const std::string& path, bool quiet);

} // namespace semrel::cli
