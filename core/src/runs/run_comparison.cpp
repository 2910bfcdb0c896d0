// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/runs/run_comparison.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace semrel {

namespace {

std::string number(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

std::string widths(const std::vector<int>& layers)
{
    std::string text;
    for (int w : layers)
        text += (text.empty() ? "" : "-") + std::to_string(w);
    return text.empty() ? "none" : text;
}

using Settings = std::vector<std::pair<std::string, std::string>>;

void addNetworkSettings(Settings& s, const TrainingConfig& c)
{
    if (c.method != Method::B1 && c.method != Method::B2)
        s.emplace_back("τ", number(effectiveTau(c)));
    if (c.method == Method::Proposed || c.method == Method::B3)
        s.emplace_back("λ1", number(effectiveLambda1(c)));
    if (c.method != Method::B3)
        s.emplace_back("λ2", number(effectiveLambda2(c)));
    s.emplace_back("attributes", attributeStatsName(c.attributeStats));
    s.emplace_back("epochs", std::to_string(c.epochs));
    s.emplace_back("p", std::to_string(c.candidates));
    s.emplace_back("mining", c.bf16Mining ? "bfloat16" : "exact");
    s.emplace_back("batch", std::to_string(c.batchSize));
    s.emplace_back("lr", number(c.learningRate));
    s.emplace_back("weight decay", number(c.weightDecay));
    s.emplace_back("encoder", widths(c.network.encoderHidden));
    s.emplace_back("decoder", widths(c.network.decoderHidden));
    s.emplace_back("seed", std::to_string(c.seed));
}

// Settings of how a network was trained rather than of the method's objective.
bool isTrainingDetail(const std::string& name)
{
    static const std::set<std::string> details = {
        "epochs", "p", "mining", "batch", "lr", "weight decay", "encoder", "decoder", "seed"};
    return details.count(name) > 0;
}

const std::vector<ClassResult>& classesOf(const RunRecord& r, bool gzsl)
{
    return gzsl ? r.gzslPerClass : r.zslPerClass;
}

} // namespace

Settings runSettings(const RunRecord& run)
{
    const TrainingConfig& c = run.config;
    Settings s{{"dataset", run.dataset}, {"method", methodName(c.method)}};
    if (c.method == Method::Eszsl) {
        s.emplace_back("γ", number(c.eszslGamma));
        s.emplace_back("λ", number(c.eszslLambda));
    } else if (c.method == Method::Sae) {
        s.emplace_back("λ", number(c.saeLambda));
        s.emplace_back("direction", saeDirectionName(c.saeDirection));
    } else {
        addNetworkSettings(s, c);
    }
    s.emplace_back("split", splitName(c.trainSplit));
    if (c.trainSplit == Split::Train) {
        s.emplace_back("tuning splits", tuningSplitsName(c.tuningSplits));
        s.emplace_back("holdout", number(c.seenHoldout));
    }
    return s;
}

std::vector<std::string> distinguishingLabels(const std::vector<RunRecord>& runs)
{
    std::vector<std::map<std::string, std::string>> settings;
    std::vector<Settings> ordered;
    std::map<std::string, std::set<std::string>> values; // every value a setting takes
    for (const RunRecord& r : runs) {
        ordered.push_back(runSettings(r));
        settings.emplace_back(ordered.back().begin(), ordered.back().end());
    }
    for (const auto& s : settings)
        for (const auto& [name, value] : s)
            values[name].insert(value);
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        std::string label;
        for (const auto& [name, value] : ordered[i]) {
            // A setting that varies tells the runs apart; so does a method's own hyper-parameter
            // that some runs lack (beside ESZSL, a network run is named by its τ and λs), but a
            // training detail only when it varies among the runs that have one (else a mixed
            // table would list every network run's batch size and layers). Alone, a run is
            // named by its method and first few settings.
            const bool lacking = std::any_of(settings.begin(), settings.end(),
                                             [&](const auto& s) { return !s.count(name); });
            const bool varies = values[name].size() > 1 || (lacking && !isTrainingDetail(name));
            const bool alone = runs.size() == 1 && name != "dataset";
            if (varies || (alone && label.size() < 40))
                label += (label.empty() ? "" : ", ") + name + " " + value;
        }
        labels.push_back(label.empty() ? runKindName(runs[i].kind) : label);
    }
    // Runs with identical settings (the same training twice): their creation time tells them
    // apart, or their id.
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (std::size_t j = i + 1; j < labels.size(); ++j)
            if (labels[i] == labels[j]) {
                const std::string base = labels[i];
                for (std::size_t k = i; k < labels.size(); ++k)
                    if (labels[k] == base)
                        labels[k] = base + " (" +
                                    (runs[k].createdAt.empty() ? runs[k].id : runs[k].createdAt) +
                                    ")";
            }
    return labels;
}

std::vector<ClassDifference> compareClasses(const RunRecord& a, const RunRecord& b, bool gzsl)
{
    std::map<std::string, double> inA;
    for (const ClassResult& c : classesOf(a, gzsl))
        if (!std::isnan(c.accuracy))
            inA.emplace(c.className, c.accuracy);
    std::vector<ClassDifference> out;
    for (const ClassResult& c : classesOf(b, gzsl)) {
        const auto it = inA.find(c.className);
        if (it != inA.end() && !std::isnan(c.accuracy))
            out.push_back({c.className, it->second, c.accuracy, c.accuracy - it->second});
    }
    std::sort(out.begin(), out.end(), [](const ClassDifference& x, const ClassDifference& y) {
        if (std::abs(x.difference) != std::abs(y.difference))
            return std::abs(x.difference) > std::abs(y.difference);
        return x.className < y.className;
    });
    return out;
}

} // namespace semrel
