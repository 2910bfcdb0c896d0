// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method_json.h"

#include <semrel/reports/config_json.h>

#include <cmath>

namespace semrel::cli {

namespace {

// nlohmann would write NaN as null anyway; saying so here keeps the contract visible.
nlohmann::json measured(double value)
{
    return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value);
}

std::string nameOf(const std::vector<std::string>& names, std::int32_t c)
{
    return c >= 0 && static_cast<std::size_t>(c) < names.size() ? names[static_cast<std::size_t>(c)]
                                                                : std::to_string(c);
}

nlohmann::json namesOf(const std::vector<std::string>& names,
                       const std::vector<std::int32_t>& classes)
{
    nlohmann::json out = nlohmann::json::array();
    for (std::int32_t c : classes)
        out.push_back(nameOf(names, c));
    return out;
}

} // namespace

nlohmann::json toJson(const TrainingConfig& c)
{
    nlohmann::json out =
        nlohmann::json::parse(configJsonText(c, ConfigJsonScope::SettingsAndSplit));
    out["effective_tau"] = effectiveTau(c);
    out["effective_lambda1"] = effectiveLambda1(c);
    out["effective_lambda2"] = effectiveLambda2(c);
    return out;
}

nlohmann::json toJson(const Calibration& c)
{
    return {{"gamma", measured(c.gamma)},
            {"validation_ts", measured(c.validationUnseen)},
            {"validation_tr", measured(c.validationSeen)},
            {"validation_h", measured(c.validationHarmonic)},
            {"validation_ausuc", measured(c.validationAusuc)}};
}

nlohmann::json toJson(const EpochReport& r)
{
    return {
        {"epoch", r.epoch},
        {"loss", r.loss},
        {"o1", r.o1},
        {"o2", r.o2},
        {"o3", r.o3},
        {"validation_accuracy", measured(r.validationAccuracy)},
        {"zsl_accuracy", measured(r.zslAccuracy)},
        {"gzsl_unseen", measured(r.gzslUnseen)},
        {"gzsl_seen", measured(r.gzslSeen)},
        {"gzsl_h", measured(r.gzslH)},
        {"ausuc", measured(r.ausuc)},
        {"seconds", r.seconds},
        {"eval_seconds", r.evalSeconds},
    };
}

nlohmann::json toJson(const EvaluationResult& r, const std::vector<std::string>& names)
{
    std::vector<std::int64_t> samples(r.unseenClasses.size(), 0);
    for (std::size_t t = 0; t < r.unseenClasses.size(); ++t)
        for (std::size_t p = 0; p < r.unseenClasses.size(); ++p)
            samples[t] += r.zslConfusion.at(t, p);
    nlohmann::json perClass = nlohmann::json::array();
    for (std::size_t k = 0; k < r.unseenClasses.size(); ++k)
        perClass.push_back({{"class", nameOf(names, r.unseenClasses[k])},
                            {"index", r.unseenClasses[k]},
                            {"accuracy", measured(r.zslPerClass.at(k))},
                            {"samples", samples[k]}});
    nlohmann::json counts = nlohmann::json::array();
    const std::size_t k = r.zslConfusion.classes.size();
    for (std::size_t t = 0; t < k; ++t) {
        nlohmann::json row = nlohmann::json::array();
        for (std::size_t p = 0; p < k; ++p)
            row.push_back(r.zslConfusion.at(t, p));
        counts.push_back(row);
    }
    nlohmann::json curve = nlohmann::json::array();
    for (const StackingPoint& p : r.seenUnseen.points)
        curve.push_back({{"gamma", p.gamma},
                         {"ts", p.unseenAccuracy},
                         {"tr", p.seenAccuracy},
                         {"h", p.harmonic}});
    return {
        {"zsl", {{"accuracy", measured(r.zslAccuracy)}, {"per_class", perClass}}},
        {"calibrated_stacking",
         {{"ausuc", measured(r.seenUnseen.ausuc)},
          {"curve", curve},
          {"calibration", toJson(r.calibration)},
          {"at_gamma",
           {{"ts", measured(r.calibrated.unseenAccuracy)},
            {"tr", measured(r.calibrated.seenAccuracy)},
            {"h", measured(r.calibrated.harmonic)}}}}},
        {"gzsl",
         {{"unseen", measured(r.gzslUnseen)},
          {"seen", measured(r.gzslSeen)},
          {"h", measured(r.gzslH)}}},
        {"seen_classes", namesOf(names, r.seenClasses)},
        {"unseen_classes", namesOf(names, r.unseenClasses)},
        {"zsl_confusion",
         {{"classes", namesOf(names, r.zslConfusion.classes)}, {"counts", counts}}},
    };
}

nlohmann::json toJson(const std::vector<ClassSimilarity>& similarities, std::int32_t trueClass)
{
    nlohmann::json out = nlohmann::json::array();
    int rank = 0;
    for (const ClassSimilarity& s : similarities)
        out.push_back({{"rank", ++rank},
                       {"class", s.className},
                       {"index", s.classIndex},
                       {"similarity", s.similarity},
                       {"relation", relationName(s.relation)},
                       {"seen", s.seen},
                       {"true_class", s.classIndex == trueClass}});
    return out;
}

nlohmann::json modelSummaryJson(const ModelState& s)
{
    std::int64_t parameterCount = 0;
    for (const NamedTensor& p : s.parameters)
        parameterCount += static_cast<std::int64_t>(p.values.size());
    nlohmann::json history = nlohmann::json::array();
    for (const EpochReport& r : s.history)
        history.push_back(toJson(r));
    return {
        {"format", "semrel-model"},
        {"dataset", s.datasetName},
        {"splits_hash", s.splitsHash},
        {"feature_dim", s.featureDim},
        {"embedding_dim", s.embeddingDim},
        {"classes", s.classNames.size()},
        {"seen_classes", namesOf(s.classNames, s.seenClasses)},
        {"unseen_classes", namesOf(s.classNames, s.unseenClasses)},
        {"config", toJson(s.config)},
        {"parameters", parameterCount},
        {"history", history},
        {"calibration", toJson(s.calibration)},
        {"checkpoint", !s.optimizerState.empty()},
        {"completed_epochs", s.completedEpochs},
    };
}

} // namespace semrel::cli
