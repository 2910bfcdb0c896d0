// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/method/training_config.h>

#include <string>

namespace semrel {

// Which of a TrainingConfig's fields a JSON "config" object holds. Each scope adds fields to the
// one before, so a field added to the method's settings shows in every file and output at once
// (docs/FORMATS.md, "Training settings as JSON").
enum class ConfigJsonScope {
    // What the method learns with: method, τ, λ1, λ2, the attribute statistics, the closed
    // forms' γ / λ and SAE's direction, p, batch size, epochs, learning rate, weight decay, seed,
    // the layer widths, the tuning splits and the seen holdout. The reproduction journal, whose
    // runs always train on trainval.
    Settings,
    // + train_split: `semrel`'s JSON output (train, tune, eval, info).
    SettingsAndSplit,
    // + threads and evaluate_each_epoch, how the run was carried out: run records.
    Run,
};

// The JSON object of `config`'s fields in `scope`, as compact text with its keys in sorted
// order (the same bytes for the same settings).
std::string configJsonText(const TrainingConfig& config, ConfigJsonScope scope);

} // namespace semrel
