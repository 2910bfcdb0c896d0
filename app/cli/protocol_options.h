// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/method/training_config.h>
#include <semrel/runs/run_record.h>

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace semrel::cli {

// The options of the protocol choices and the baselines that train, tune and reproduce share
// (docs/CLI.md): names stay strings until the action runs, so that a wrong one is reported with
// the valid ones; ranges are validateConfig()'s.
struct ProtocolOptions
{
    std::string attributeStats = "seen"; // seen | all (tune, reproduce: also both)
    std::string tuningSplits = "trainval";
    double seenHoldout = 0.2;
    std::string saeDirection = "semantic-to-visual";
    double eszslGamma = 1.0;
    double eszslLambda = 1.0;
    double saeLambda = 1.0;
    std::string runsDir; // --runs-dir, else SEMREL_RUNS_DIR, else none
};

// Registers --attribute-stats, --tuning-splits, --seen-holdout and --sae-direction; with
// `fixedValues` also --eszsl-gamma, --eszsl-lambda, --sae-lambda; and --runs-dir.
void addProtocolOptions(CLI::App* cmd, ProtocolOptions& o, bool fixedValues, bool allowBoth);

// Applies them to `config` (attribute statistics "both" leaves config's). Throws Error naming
// the option.
void applyProtocolOptions(const ProtocolOptions& o, TrainingConfig& config);

// The attribute statistics to search: both for "both", else none (the config's). Throws Error.
std::vector<AttributeStats> statisticsToSearch(const ProtocolOptions& o);

// The runs folder of --runs-dir or SEMREL_RUNS_DIR; empty for none.
std::string runsFolder(const ProtocolOptions& o);

// Adds `record` to `folder` (nothing when empty) and says so on stderr. A failure to record is a
// warning: the training's result is not lost for it.
void recordRun(const std::string& folder, RunRecord record);

} // namespace semrel::cli
