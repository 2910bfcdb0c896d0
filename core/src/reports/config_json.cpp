// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "reports/config_json.h"

#include <semrel/errors.h>

#include <cmath>
#include <functional>
#include <limits>
#include <vector>

namespace semrel {

namespace {

using Json = nlohmann::json;

// One field of the config: its key, the first scope that holds it, and both directions.
struct Field
{
    const char* key;
    ConfigJsonScope scope;
    std::function<Json(const TrainingConfig&)> write;
    std::function<void(const Json&, TrainingConfig&)> read;
    // Added later: written only when not the default, so that a record keeps the bytes earlier
    // versions wrote; absent, it reads as the default.
    bool optional = false;
};

template <typename T>
Field plain(const char* key, T TrainingConfig::*member,
            ConfigJsonScope scope = ConfigJsonScope::Settings)
{
    return {key, scope, [member](const TrainingConfig& c) { return Json(c.*member); },
            [member](const Json& j, TrainingConfig& c) {
                c.*member = j.get<T>();
            }};
}

// An enum written by its name; `fromName` throws Error for an unknown name.
template <typename E>
Field named(const char* key, E TrainingConfig::*member, const char* (*toName)(E),
            E (*fromName)(const std::string&))
{
    return {key, ConfigJsonScope::Settings,
            [member, toName](const TrainingConfig& c) { return Json(toName(c.*member)); },
            [member, fromName](const Json& j, TrainingConfig& c) {
                c.*member = fromName(j.get<std::string>());
            }};
}

Field layerWidths(const char* key, std::vector<int> NetworkShape::*member)
{
    return {key, ConfigJsonScope::Settings,
            [member](const TrainingConfig& c) { return Json(c.network.*member); },
            [member](const Json& j, TrainingConfig& c) {
                c.network.*member = j.get<std::vector<int>>();
            }};
}

Split trainSplitFromName(const std::string& name)
{
    if (name == splitName(Split::Train))
        return Split::Train;
    if (name == splitName(Split::Trainval))
        return Split::Trainval;
    throw Error("train_split must be \"train\" or \"trainval\", found \"" + name + "\"");
}

Field trainSplit()
{
    return {"train_split", ConfigJsonScope::SettingsAndSplit,
            [](const TrainingConfig& c) { return Json(splitName(c.trainSplit)); },
            [](const Json& j, TrainingConfig& c) {
                c.trainSplit = trainSplitFromName(j.get<std::string>());
            }};
}

Field optionalField(Field field)
{
    field.optional = true;
    return field;
}

// Keys are written in sorted order whatever the order here (nlohmann::json's objects are maps).
const std::vector<Field>& fields()
{
    using S = ConfigJsonScope;
    static const std::vector<Field> all = {
        named("method", &TrainingConfig::method, methodName, methodFromName),
        plain("tau", &TrainingConfig::tau),
        plain("lambda1", &TrainingConfig::lambda1),
        plain("lambda2", &TrainingConfig::lambda2),
        named("attribute_stats", &TrainingConfig::attributeStats, attributeStatsName,
              attributeStatsFromName),
        plain("eszsl_gamma", &TrainingConfig::eszslGamma),
        plain("eszsl_lambda", &TrainingConfig::eszslLambda),
        plain("sae_lambda", &TrainingConfig::saeLambda),
        named("sae_direction", &TrainingConfig::saeDirection, saeDirectionName,
              saeDirectionFromName),
        plain("candidates", &TrainingConfig::candidates),
        plain("batch_size", &TrainingConfig::batchSize),
        plain("epochs", &TrainingConfig::epochs),
        plain("learning_rate", &TrainingConfig::learningRate),
        plain("weight_decay", &TrainingConfig::weightDecay),
        plain("seed", &TrainingConfig::seed),
        layerWidths("encoder_hidden", &NetworkShape::encoderHidden),
        layerWidths("decoder_hidden", &NetworkShape::decoderHidden),
        named("tuning_splits", &TrainingConfig::tuningSplits, tuningSplitsName,
              tuningSplitsFromName),
        plain("seen_holdout", &TrainingConfig::seenHoldout),
        trainSplit(),
        plain("threads", &TrainingConfig::threads, S::Run),
        plain("evaluate_each_epoch", &TrainingConfig::evaluateEachEpoch, S::Run),
        optionalField(plain("bf16_mining", &TrainingConfig::bf16Mining)),
    };
    return all;
}

bool inScope(const Field& field, ConfigJsonScope scope)
{
    return static_cast<int>(field.scope) <= static_cast<int>(scope);
}

} // namespace

Json configJson(const TrainingConfig& config, ConfigJsonScope scope)
{
    Json out = Json::object();
    static const TrainingConfig defaults;
    for (const Field& field : fields()) {
        if (!inScope(field, scope))
            continue;
        Json value = field.write(config);
        if (!field.optional || value != field.write(defaults))
            out[field.key] = std::move(value);
    }
    return out;
}

TrainingConfig configFromJson(const Json& j, ConfigJsonScope scope)
{
    TrainingConfig config;
    for (const Field& field : fields())
        if (inScope(field, scope) && (!field.optional || j.contains(field.key)))
            field.read(j.at(field.key), config);
    validateConfig(config);
    return config;
}

std::string configJsonText(const TrainingConfig& config, ConfigJsonScope scope)
{
    return configJson(config, scope).dump();
}

Json measuredJson(double value)
{
    return std::isnan(value) ? Json(nullptr) : Json(value);
}

double measuredFrom(const Json& object, const char* field)
{
    const Json& v = object.at(field);
    return v.is_null() ? std::numeric_limits<double>::quiet_NaN() : v.get<double>();
}

} // namespace semrel
