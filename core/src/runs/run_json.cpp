// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "runs/run_json.h"

#include "reports/config_json.h"

#include <semrel/errors.h>
#include <semrel/evaluation/evaluator.h>

#include <nlohmann/json.hpp>

namespace semrel {

namespace {

using Json = nlohmann::json;

constexpr const char* kFormat = "semrel-run";
constexpr int kVersion = 1;

// One table of (name, member) pairs serves both directions, so they cannot drift apart.
const std::vector<std::pair<const char*, double EpochReport::*>>& epochFields()
{
    static const std::vector<std::pair<const char*, double EpochReport::*>> fields = {
        {"loss", &EpochReport::loss},
        {"o1", &EpochReport::o1},
        {"o2", &EpochReport::o2},
        {"o3", &EpochReport::o3},
        {"validation", &EpochReport::validationAccuracy},
        {"zsl", &EpochReport::zslAccuracy},
        {"gzsl_ts", &EpochReport::gzslUnseen},
        {"gzsl_tr", &EpochReport::gzslSeen},
        {"gzsl_h", &EpochReport::gzslH},
        {"ausuc", &EpochReport::ausuc},
        {"seconds", &EpochReport::seconds},
        {"eval_seconds", &EpochReport::evalSeconds},
    };
    return fields;
}

Json classesJson(const std::vector<ClassResult>& classes)
{
    Json out = Json::array();
    for (const ClassResult& c : classes)
        out.push_back({{"class", c.className},
                       {"accuracy", measuredJson(c.accuracy)},
                       {"samples", c.samples}});
    return out;
}

std::vector<ClassResult> classesFrom(const Json& j)
{
    std::vector<ClassResult> out;
    for (const Json& c : j)
        out.push_back({c.at("class").get<std::string>(), measuredFrom(c, "accuracy"),
                       c.at("samples").get<std::int64_t>()});
    return out;
}

Json calibrationJson(const RunRecord& r)
{
    const Calibration& c = r.calibration;
    return {{"gamma", measuredJson(c.gamma)},
            {"validation_ts", measuredJson(c.validationUnseen)},
            {"validation_tr", measuredJson(c.validationSeen)},
            {"validation_h", measuredJson(c.validationHarmonic)},
            {"validation_ausuc", measuredJson(c.validationAusuc)},
            {"test_ts", measuredJson(r.calibrated.unseenAccuracy)},
            {"test_tr", measuredJson(r.calibrated.seenAccuracy)},
            {"test_h", measuredJson(r.calibrated.harmonic)}};
}

void calibrationFrom(const Json& j, RunRecord& r)
{
    r.calibration.gamma = measuredFrom(j, "gamma");
    r.calibration.validationUnseen = measuredFrom(j, "validation_ts");
    r.calibration.validationSeen = measuredFrom(j, "validation_tr");
    r.calibration.validationHarmonic = measuredFrom(j, "validation_h");
    r.calibration.validationAusuc = measuredFrom(j, "validation_ausuc");
    r.calibrated = {r.calibration.gamma, measuredFrom(j, "test_ts"), measuredFrom(j, "test_tr"),
                    measuredFrom(j, "test_h")};
}

Json historyJson(const std::vector<EpochReport>& history)
{
    Json out = Json::array();
    for (const EpochReport& e : history) {
        Json row = {{"epoch", e.epoch}};
        for (const auto& [name, member] : epochFields())
            row[name] = measuredJson(e.*member);
        out.push_back(row);
    }
    return out;
}

std::vector<EpochReport> historyFrom(const Json& j)
{
    std::vector<EpochReport> out;
    for (const Json& row : j) {
        EpochReport e;
        e.epoch = row.at("epoch").get<int>();
        for (const auto& [name, member] : epochFields())
            e.*member = measuredFrom(row, name);
        out.push_back(e);
    }
    return out;
}

} // namespace

std::string runToJson(const RunRecord& r)
{
    Json curve = Json::array();
    for (const StackingPoint& p : r.seenUnseenCurve)
        curve.push_back({p.gamma, p.unseenAccuracy, p.seenAccuracy});
    Json out = {
        {"format", kFormat},
        {"version", kVersion},
        {"id", r.id},
        {"kind", runKindName(r.kind)},
        {"created", r.createdAt},
        {"source", r.source},
        {"dataset", r.dataset},
        {"splits_hash", r.splitsHash},
        {"config", configJson(r.config, ConfigJsonScope::Run)},
        {"epochs", r.epochs},
        {"measures",
         {{"validation", measuredJson(r.validationAccuracy)},
          {"zsl", measuredJson(r.zslAccuracy)},
          {"gzsl_ts", measuredJson(r.gzslUnseen)},
          {"gzsl_tr", measuredJson(r.gzslSeen)},
          {"gzsl_h", measuredJson(r.gzslH)},
          {"ausuc", measuredJson(r.ausuc)}}},
        {"calibration", calibrationJson(r)},
        {"seconds", r.seconds},
        {"model", r.modelPath},
        {"history", historyJson(r.history)},
        {"seen_unseen_curve", curve},
        {"zsl_per_class", classesJson(r.zslPerClass)},
        {"gzsl_per_class", classesJson(r.gzslPerClass)},
    };
    // Only a model's record has one; records of other runs stay as earlier versions wrote them.
    if (!r.modelChecksum.empty())
        out["model_checksum"] = r.modelChecksum;
    // NaN inside a curve point is not expected; dump() would write it as null anyway.
    return out.dump(1) + "\n";
}

RunRecord runFromJson(const std::string& text)
{
    try {
        const Json j = Json::parse(text);
        if (!j.is_object() || j.value("format", std::string()) != kFormat)
            throw Error("not a run record (no format \"semrel-run\")");
        if (j.at("version").get<int>() > kVersion)
            throw Error("run record version " + std::to_string(j.at("version").get<int>()) +
                        " is newer than this program reads (" + std::to_string(kVersion) + ")");
        RunRecord r;
        r.id = j.at("id").get<std::string>();
        r.kind = runKindFromName(j.at("kind").get<std::string>());
        r.createdAt = j.at("created").get<std::string>();
        r.source = j.at("source").get<std::string>();
        r.dataset = j.at("dataset").get<std::string>();
        r.splitsHash = j.at("splits_hash").get<std::string>();
        r.config = configFromJson(j.at("config"), ConfigJsonScope::Run);
        r.epochs = j.at("epochs").get<int>();
        const Json& m = j.at("measures");
        r.validationAccuracy = measuredFrom(m, "validation");
        r.zslAccuracy = measuredFrom(m, "zsl");
        r.gzslUnseen = measuredFrom(m, "gzsl_ts");
        r.gzslSeen = measuredFrom(m, "gzsl_tr");
        r.gzslH = measuredFrom(m, "gzsl_h");
        r.ausuc = measuredFrom(m, "ausuc");
        calibrationFrom(j.at("calibration"), r);
        r.seconds = j.at("seconds").get<double>();
        r.modelPath = j.at("model").get<std::string>();
        // Absent in records written before it was kept.
        r.modelChecksum = j.value("model_checksum", std::string());
        r.history = historyFrom(j.at("history"));
        for (const Json& p : j.at("seen_unseen_curve")) {
            const double ts = p.at(1).get<double>(), tr = p.at(2).get<double>();
            r.seenUnseenCurve.push_back({p.at(0).get<double>(), ts, tr, harmonicMean(ts, tr)});
        }
        r.zslPerClass = classesFrom(j.at("zsl_per_class"));
        r.gzslPerClass = classesFrom(j.at("gzsl_per_class"));
        return r;
    } catch (const nlohmann::json::exception& e) {
        // nlohmann's messages name the key ("key 'tau' not found") or the type it expected.
        throw Error(std::string("not a valid run record: ") + e.what());
    }
}

} // namespace semrel
