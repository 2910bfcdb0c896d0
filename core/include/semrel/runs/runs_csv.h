// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/runs/run_record.h>

#include <string>
#include <vector>

namespace semrel {

// The runs table as CSV (docs/FORMATS.md, "Runs table"), one row per run in the given order:
//   id,kind,created,source,dataset,label,method,tau,lambda1,lambda2,attribute_stats,
//   tuning_splits,seen_holdout,eszsl_gamma,eszsl_lambda,sae_lambda,sae_direction,seed,epochs,
//   validation,zsl,gzsl_ts,gzsl_tr,gzsl_h,ausuc,gamma,calibrated_ts,calibrated_tr,
//   calibrated_h,seconds,model
// `label` is distinguishingLabels() of these runs; a parameter the method does not use is empty.
std::string runsCsv(const std::vector<RunRecord>& runs);

// Writes runsCsv() to `path` atomically. Throws DataError naming `path`.
void writeRunsCsv(const std::vector<RunRecord>& runs, const std::string& path);

} // namespace semrel
