// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/model_file/model_state.h>

#include <string>
#include <vector>

namespace semrel {

// One training run's epochs and the label it is shown with ("Run 2 (proposed, τ 0.20)").
struct RunHistory
{
    std::string label;
    std::vector<EpochReport> history;
};

// The training-history table (docs/FORMATS.md), one row per epoch of every run:
//   run,label,epoch,loss,o1,o2,o3,validation,zsl,gzsl_ts,gzsl_tr,gzsl_h,seconds,eval_seconds
// `run` counts from 1; accuracies are fractions in [0, 1], empty where not measured.
std::string historyCsv(const std::vector<RunHistory>& runs);

// Writes historyCsv() to `path` atomically (never half a file). Throws DataError naming `path`.
void writeHistoryCsv(const std::vector<RunHistory>& runs, const std::string& path);

} // namespace semrel
