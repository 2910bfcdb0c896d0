// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "reproduction/journal.h"

#include "reports/config_json.h"
#include "reports/csv_text.h"

#include <semrel/errors.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace semrel {

namespace {

using Json = nlohmann::json;

constexpr const char* kFormat = "semrel-reproduction-journal";

Json entryJson(const ReproductionEntry& e)
{
    return {{"kind", e.kind == ReproductionEntry::Kind::Tuning ? "tuning" : "run"},
            {"dataset", e.dataset},
            {"variant", e.variant},
            {"seed", e.seed},
            {"config", configJson(e.config, ConfigJsonScope::Settings)},
            {"splits_hash", e.splitsHash},
            {"finished", e.finishedAt},
            {"seconds", e.seconds},
            {"validation", measuredJson(e.validationAccuracy)},
            {"grid_points", e.gridPoints},
            {"gamma", measuredJson(e.calibration.gamma)},
            {"validation_ts", measuredJson(e.calibration.validationUnseen)},
            {"validation_tr", measuredJson(e.calibration.validationSeen)},
            {"validation_h", measuredJson(e.calibration.validationHarmonic)},
            {"validation_ausuc", measuredJson(e.calibration.validationAusuc)},
            {"zsl", measuredJson(e.zsl)},
            {"ts", measuredJson(e.ts)},
            {"tr", measuredJson(e.tr)},
            {"h", measuredJson(e.h)},
            {"ausuc", measuredJson(e.ausuc)},
            {"calibrated_ts", measuredJson(e.calibratedTs)},
            {"calibrated_tr", measuredJson(e.calibratedTr)},
            {"calibrated_h", measuredJson(e.calibratedH)}};
}

ReproductionEntry entryFrom(const Json& j)
{
    ReproductionEntry e;
    const std::string kind = j.at("kind").get<std::string>();
    if (kind != "tuning" && kind != "run")
        throw Error("unknown entry kind '" + kind + "'");
    e.kind = kind == "tuning" ? ReproductionEntry::Kind::Tuning : ReproductionEntry::Kind::Run;
    e.dataset = j.at("dataset").get<std::string>();
    e.variant = j.at("variant").get<std::string>();
    e.seed = j.at("seed").get<std::uint64_t>();
    e.config = configFromJson(j.at("config"), ConfigJsonScope::Settings);
    e.splitsHash = j.at("splits_hash").get<std::string>();
    e.finishedAt = j.at("finished").get<std::string>();
    e.seconds = j.at("seconds").get<double>();
    e.validationAccuracy = measuredFrom(j, "validation");
    e.gridPoints = j.at("grid_points").get<int>();
    e.calibration = {measuredFrom(j, "gamma"), measuredFrom(j, "validation_ts"),
                     measuredFrom(j, "validation_tr"), measuredFrom(j, "validation_h"),
                     measuredFrom(j, "validation_ausuc")};
    e.zsl = measuredFrom(j, "zsl");
    e.ts = measuredFrom(j, "ts");
    e.tr = measuredFrom(j, "tr");
    e.h = measuredFrom(j, "h");
    e.ausuc = measuredFrom(j, "ausuc");
    e.calibratedTs = measuredFrom(j, "calibrated_ts");
    e.calibratedTr = measuredFrom(j, "calibrated_tr");
    e.calibratedH = measuredFrom(j, "calibrated_h");
    return e;
}

} // namespace

std::string journalSettings(const ReproductionOptions& o)
{
    TrainingConfig base = o.base;
    base.epochs = o.epochs;
    base.seed = o.firstSeed;
    const Json settings = {
        {"epochs", o.epochs},
        {"first_seed", o.firstSeed},
        {"taus", o.grid.taus},
        {"lambda1s", o.grid.lambda1s},
        {"lambda2s", o.grid.lambda2s},
        {"eszsl_gammas", o.grid.eszslGammas},
        {"eszsl_lambdas", o.grid.eszslLambdas},
        {"sae_lambdas", o.grid.saeLambdas},
        {"candidates", base.candidates},
        {"batch_size", base.batchSize},
        {"learning_rate", base.learningRate},
        {"weight_decay", base.weightDecay},
        {"tuning_splits", tuningSplitsName(base.tuningSplits)},
        {"seen_holdout", base.seenHoldout},
    };
    return settings.dump(); // nlohmann's objects are ordered by key: canonical
}

Journal readJournal(const std::string& path)
{
    Journal journal;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return journal;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    try {
        const Json j = Json::parse(text.str());
        if (j.value("format", std::string()) != kFormat)
            throw Error("not a reproduction journal (format is not \"" + std::string(kFormat) +
                        "\")");
        journal.settings = j.at("settings").dump();
        for (const Json& entry : j.at("entries"))
            journal.entries.push_back(entryFrom(entry));
    } catch (const nlohmann::json::exception& e) {
        throw Error(path + ": not a valid reproduction journal: " + e.what());
    } catch (const Error& e) {
        throw Error(path + ": " + e.what());
    }
    return journal;
}

std::string journalText(const Journal& journal)
{
    Json entries = Json::array();
    for (const ReproductionEntry& e : journal.entries)
        entries.push_back(entryJson(e));
    const Json out = {{"format", kFormat},
                      {"version", 1},
                      {"settings", Json::parse(journal.settings)},
                      {"entries", entries}};
    return out.dump(1) + "\n";
}

void writeJournal(const std::string& path, const Journal& journal)
{
    csv::writeFile(path, journalText(journal)); // the atomic text write (reports/csv_text.h)
}

const ReproductionEntry* findEntry(const Journal& journal, ReproductionEntry::Kind kind,
                                   const std::string& dataset, const std::string& variant,
                                   std::uint64_t seed)
{
    for (const ReproductionEntry& e : journal.entries)
        if (e.kind == kind && e.dataset == dataset && e.variant == variant &&
            (kind == ReproductionEntry::Kind::Tuning || e.seed == seed))
            return &e;
    return nullptr;
}

std::string settingsDifference(const std::string& journalSettings, const std::string& current)
{
    const Json then = Json::parse(journalSettings);
    const Json now = Json::parse(current);
    for (const auto& [key, value] : now.items())
        if (!then.contains(key) || then.at(key) != value)
            return key + ": " + (then.contains(key) ? then.at(key).dump() : "absent") +
                   " in the journal, " + value.dump() + " now";
    return {};
}

} // namespace semrel
