// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset_summary.h>

#include <nlohmann/json.hpp>

namespace semrel::cli {

// The JSON shapes of the command line's results (documented in docs/CLI.md).
nlohmann::json toJson(const DatasetSummary& summary);

// Prints JSON to stdout, indented, with a final newline.
void printJson(const nlohmann::json& value);

} // namespace semrel::cli
