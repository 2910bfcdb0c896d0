// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/model_file/model_state.h>

#include <CLI/CLI.hpp>
#include <string>

namespace semrel::cli {

// Each verb of `semrel` registers its sub-command and the action that runs it. An action throws
// semrel::Error for the user's mistakes; main prints it and exits with status 1.
void addInfoCommand(CLI::App& app);
void addImportCommand(CLI::App& app);
void addSynthCommand(CLI::App& app);
void addDemoCommand(CLI::App& app);
void addTrainCommand(CLI::App& app);
void addTuneCommand(CLI::App& app);
void addEvalCommand(CLI::App& app);
void addRelateCommand(CLI::App& app);
void addReproduceCommand(CLI::App& app);

// For `semrel info`: describes the model read from `path` (as JSON with `json`).
void describeModel(const ModelState& model, const std::string& path, bool json);

} // namespace semrel::cli
