// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "protocol_options.h"

#include <semrel/errors.h>
#include <semrel/runs/run_store.h>

#include <cstdio>

namespace semrel::cli {

void addProtocolOptions(CLI::App* cmd, ProtocolOptions& o, bool fixedValues, bool allowBoth)
{
    cmd->add_option("--attribute-stats", o.attributeStats,
                    allowBoth ? "class-embedding statistics over the seen classes, all classes, "
                                "or both (seen, all, both)"
                              : "class-embedding statistics over the seen classes or all "
                                "classes (seen, all)")
        ->capture_default_str();
    cmd->add_option("--tuning-splits", o.tuningSplits,
                    "train/val samples when tuning: trainval (only trainval samples) or raw (as "
                    "the file has them)")
        ->capture_default_str();
    cmd->add_option("--seen-holdout", o.seenHoldout,
                    "share of each train class held out when tuning, for calibrated stacking's γ")
        ->capture_default_str();
    cmd->add_option("--sae-direction", o.saeDirection,
                    "SAE's space: visual-to-semantic (v2s) or semantic-to-visual (s2v)")
        ->capture_default_str();
    if (fixedValues) {
        cmd->add_option("--eszsl-gamma", o.eszslGamma,
                        "ESZSL's γ (feature side); without it, chosen on validation");
        cmd->add_option("--eszsl-lambda", o.eszslLambda,
                        "ESZSL's λ (attribute side); without it, chosen on validation");
        cmd->add_option("--sae-lambda", o.saeLambda, "SAE's λ; without it, chosen on validation");
    }
    cmd->add_option("--runs-dir", o.runsDir,
                    "also add the run(s) to this runs folder (default: $SEMREL_RUNS_DIR)");
}

void applyProtocolOptions(const ProtocolOptions& o, TrainingConfig& config)
{
    const auto named = [](const char* option, auto parse, const std::string& value) {
        try {
            return parse(value);
        } catch (const Error& e) {
            throw Error(std::string(option) + ": " + e.what());
        }
    };
    if (o.attributeStats != "both")
        config.attributeStats =
            named("--attribute-stats", attributeStatsFromName, o.attributeStats);
    config.tuningSplits = named("--tuning-splits", tuningSplitsFromName, o.tuningSplits);
    config.saeDirection = named("--sae-direction", saeDirectionFromName, o.saeDirection);
    config.seenHoldout = o.seenHoldout;
    config.eszslGamma = o.eszslGamma;
    config.eszslLambda = o.eszslLambda;
    config.saeLambda = o.saeLambda;
}

std::vector<AttributeStats> statisticsToSearch(const ProtocolOptions& o)
{
    if (o.attributeStats == "both")
        return {AttributeStats::Seen, AttributeStats::All};
    attributeStatsFromName(o.attributeStats); // throws for a wrong name
    return {};
}

std::string runsFolder(const ProtocolOptions& o)
{
    return o.runsDir.empty() ? runsFolderFromEnvironment() : o.runsDir;
}

void recordRun(const std::string& folder, RunRecord record)
{
    if (folder.empty())
        return;
    try {
        const RunRecord written = RunStore(folder).add(std::move(record));
        std::fprintf(stderr, "recorded run %s in %s\n", written.id.c_str(), folder.c_str());
    } catch (const Error& e) {
        std::fprintf(stderr, "warning: the run was not recorded: %s\n", e.what());
    }
}

} // namespace semrel::cli
