// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>

namespace semrel::cli {

// Each verb of `semrel` registers its sub-command and the action that runs it. An action throws
// semrel::Error for the user's mistakes; main prints it and exits with status 1.
void addInfoCommand(CLI::App& app);
void addImportCommand(CLI::App& app);
void addSynthCommand(CLI::App& app);

} // namespace semrel::cli
