// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/inspector.h>
#include <semrel/method/training_config.h>
#include <semrel/model_file/model_state.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace semrel::cli {

// The JSON shapes of train, eval, relate, tune and info on a model (documented in docs/CLI.md).
// Accuracies are fractions in [0, 1]; a value that was not measured (NaN) becomes null.

nlohmann::json toJson(const TrainingConfig& config);
nlohmann::json toJson(const Calibration& calibration);
nlohmann::json toJson(const EpochReport& report);
// `classNames` turns class indices into names.
nlohmann::json toJson(const EvaluationResult& result, const std::vector<std::string>& classNames);
// `trueClass` is marked; -1 for none.
nlohmann::json toJson(const std::vector<ClassSimilarity>& similarities, std::int32_t trueClass);
// What `semrel info` shows about a model file: everything but the weights.
nlohmann::json modelSummaryJson(const ModelState& state);

} // namespace semrel::cli
