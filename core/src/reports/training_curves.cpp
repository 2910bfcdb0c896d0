// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/reports/training_curves.h>

#include <cmath>
#include <functional>
#include <iomanip>
#include <sstream>

namespace semrel {

const char* headlineMeasureName(HeadlineMeasure measure)
{
    switch (measure) {
    case HeadlineMeasure::Validation:
        return "validation";
    case HeadlineMeasure::Zsl:
        return "ZSL";
    case HeadlineMeasure::GzslH:
        return "GZSL H";
    }
    return "?";
}

double headlineAccuracy(const EpochReport& report, HeadlineMeasure measure)
{
    switch (measure) {
    case HeadlineMeasure::Validation:
        return report.validationAccuracy;
    case HeadlineMeasure::Zsl:
        return report.zslAccuracy;
    case HeadlineMeasure::GzslH:
        return report.gzslH;
    }
    return EpochReport::kNotMeasured;
}

std::optional<BestEpoch> bestEpoch(const std::vector<EpochReport>& history)
{
    for (HeadlineMeasure measure :
         {HeadlineMeasure::Validation, HeadlineMeasure::Zsl, HeadlineMeasure::GzslH}) {
        std::optional<BestEpoch> best;
        for (std::size_t i = 0; i < history.size(); ++i) {
            const double accuracy = headlineAccuracy(history[i], measure);
            if (std::isfinite(accuracy) && (!best || accuracy > best->accuracy))
                best = BestEpoch{i, history[i].epoch, measure, accuracy};
        }
        if (best)
            return best;
    }
    return std::nullopt;
}

std::vector<double> smoothedCurve(const std::vector<double>& values, double weight)
{
    if (!(weight > 0.0) || weight >= 1.0)
        return values;
    std::vector<double> out(values.size());
    double mean = 0.0;
    double debias = 1.0; // w^(number of values averaged so far)
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i])) {
            out[i] = values[i];
            continue;
        }
        mean = weight * mean + (1.0 - weight) * values[i];
        debias *= weight;
        out[i] = mean / (1.0 - debias);
    }
    return out;
}

namespace {

std::string number(double value)
{
    std::ostringstream text;
    text << std::setprecision(6) << value;
    return text.str();
}

std::string widths(const std::vector<int>& layers)
{
    std::string text;
    for (int width : layers)
        text += (text.empty() ? "" : "-") + std::to_string(width);
    return text.empty() ? "none" : text;
}

// A setting that can tell runs apart: its text for one configuration ("λ1 0.5").
using Setting = std::function<std::string(const TrainingConfig&)>;

const std::vector<Setting>& optionalSettings()
{
    static const std::vector<Setting> settings = {
        [](const TrainingConfig& c) { return "λ1 " + number(effectiveLambda1(c)); },
        [](const TrainingConfig& c) { return "λ2 " + number(effectiveLambda2(c)); },
        [](const TrainingConfig& c) { return "p " + std::to_string(c.candidates); },
        [](const TrainingConfig& c) { return "batch " + std::to_string(c.batchSize); },
        [](const TrainingConfig& c) { return "lr " + number(c.learningRate); },
        [](const TrainingConfig& c) { return "weight decay " + number(c.weightDecay); },
        [](const TrainingConfig& c) { return "seed " + std::to_string(c.seed); },
        [](const TrainingConfig& c) { return "encoder " + widths(c.network.encoderHidden); },
        [](const TrainingConfig& c) { return "decoder " + widths(c.network.decoderHidden); },
        [](const TrainingConfig& c) { return "epochs " + std::to_string(c.epochs); },
        [](const TrainingConfig& c) { return std::string("on ") + splitName(c.trainSplit); },
    };
    return settings;
}

} // namespace

std::vector<std::string> distinguishingSettings(const std::vector<TrainingConfig>& configs)
{
    std::vector<std::string> texts;
    for (const TrainingConfig& c : configs) {
        std::ostringstream tau;
        tau << std::fixed << std::setprecision(2) << effectiveTau(c);
        texts.push_back(std::string(methodName(c.method)) + ", τ " + tau.str());
    }
    for (const Setting& setting : optionalSettings()) {
        bool differs = false;
        for (const TrainingConfig& c : configs)
            differs = differs || setting(c) != setting(configs.front());
        if (!differs)
            continue;
        for (std::size_t i = 0; i < configs.size(); ++i)
            texts[i] += ", " + setting(configs[i]);
    }
    return texts;
}

} // namespace semrel
