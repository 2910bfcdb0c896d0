// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/evaluation/calibrated_stacking.h>
#include <semrel/evaluation/evaluator.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace semrel {

namespace {

double differenceOf(const StackingSample& s)
{
    return static_cast<double>(s.seenScore) - static_cast<double>(s.unseenScore);
}

// Each sample's share of its accuracy: 1 / (samples of its class × classes with samples), as
// meanPerClassAccuracy() averages; 0 for a sample whose class is not in `classes`.
std::vector<double> weightsOf(const std::vector<StackingSample>& samples,
                              const std::vector<std::int32_t>& classes)
{
    std::unordered_map<std::int32_t, std::int64_t> count;
    for (std::int32_t c : classes)
        count.emplace(c, 0);
    for (const StackingSample& s : samples) {
        const auto it = count.find(s.truth);
        if (it != count.end())
            ++it->second;
    }
    std::int64_t present = 0;
    for (const auto& [c, n] : count)
        present += n > 0 ? 1 : 0;
    std::vector<double> weights(samples.size(), 0.0);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto it = count.find(samples[i].truth);
        if (it != count.end() && it->second > 0)
            weights[i] = 1.0 / (static_cast<double>(it->second) * static_cast<double>(present));
    }
    return weights;
}

// Where a prediction changes: an unseen sample becomes right (its best unseen class is its
// class), or a seen sample stops being right (its best seen class was its class).
struct Change
{
    double at;         // the sample's seen-minus-unseen difference
    double unseenGain; // added to ts once γ passes `at`
    double seenLoss;   // taken from tr once γ passes `at`
};

std::vector<Change> changesOf(const StackingInput& in, double& seenStart)
{
    std::vector<Change> changes;
    const std::vector<double> unseenWeights = weightsOf(in.unseenSamples, in.unseenClasses);
    for (std::size_t i = 0; i < in.unseenSamples.size(); ++i) {
        const StackingSample& s = in.unseenSamples[i];
        if (s.bestUnseen == s.truth && unseenWeights[i] > 0.0)
            changes.push_back({differenceOf(s), unseenWeights[i], 0.0});
    }
    const std::vector<double> seenWeights = weightsOf(in.seenSamples, in.seenClasses);
    seenStart = 0.0;
    for (std::size_t i = 0; i < in.seenSamples.size(); ++i) {
        const StackingSample& s = in.seenSamples[i];
        if (s.bestSeen == s.truth && seenWeights[i] > 0.0) {
            seenStart += seenWeights[i];
            changes.push_back({differenceOf(s), 0.0, seenWeights[i]});
        }
    }
    std::sort(changes.begin(), changes.end(),
              [](const Change& a, const Change& b) { return a.at < b.at; });
    return changes;
}

StackingPoint pointOf(double gamma, double unseen, double seen)
{
    // Sums of many shares can drift a hair outside [0, 1].
    unseen = std::clamp(unseen, 0.0, 1.0);
    seen = std::clamp(seen, 0.0, 1.0);
    return {gamma, unseen, seen, harmonicMean(unseen, seen)};
}

std::vector<StackingPoint> keptPoints(const std::vector<StackingPoint>& all, std::size_t best,
                                      std::size_t maxPoints)
{
    if (all.size() <= std::max<std::size_t>(maxPoints, 2))
        return all;
    std::vector<std::size_t> indices;
    const std::size_t slots = std::max<std::size_t>(maxPoints, 3) - 1;
    for (std::size_t k = 0; k <= slots; ++k)
        indices.push_back(k * (all.size() - 1) / slots);
    indices.push_back(best);
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    std::vector<StackingPoint> kept;
    for (std::size_t i : indices)
        kept.push_back(all[i]);
    return kept;
}

} // namespace

bool predictsSeen(const StackingSample& sample, double gamma)
{
    const double d = differenceOf(sample);
    return d > gamma || (d == gamma && sample.bestSeen < sample.bestUnseen);
}

StackingPoint stackingAt(const StackingInput& in, double gamma)
{
    const auto accuracy = [gamma](const std::vector<StackingSample>& samples,
                                  const std::vector<std::int32_t>& classes, bool seenSide) {
        const std::vector<double> weights = weightsOf(samples, classes);
        double sum = 0.0;
        for (std::size_t i = 0; i < samples.size(); ++i) {
            const StackingSample& s = samples[i];
            const bool seen = predictsSeen(s, gamma);
            const std::int32_t predicted = seen ? s.bestSeen : s.bestUnseen;
            if (predicted == s.truth && seen == seenSide)
                sum += weights[i];
        }
        return sum;
    };
    return pointOf(gamma, accuracy(in.unseenSamples, in.unseenClasses, false),
                   accuracy(in.seenSamples, in.seenClasses, true));
}

SeenUnseenCurve seenUnseenCurve(const StackingInput& in, std::size_t maxPoints)
{
    SeenUnseenCurve curve;
    if (in.unseenSamples.empty() || in.seenSamples.empty())
        return curve;
    double seen = 0.0;
    const std::vector<Change> changes = changesOf(in, seen);
    if (changes.empty()) {
        curve.points.push_back(pointOf(0.0, 0.0, 0.0));
        curve.bestHarmonic = curve.points.front();
        curve.ausuc = 0.0;
        return curve;
    }
    const double span = changes.back().at - changes.front().at;
    const double margin = std::max(1e-6, 1e-3 * span);
    std::vector<StackingPoint> all{pointOf(changes.front().at - margin, 0.0, seen)};
    double unseen = 0.0;
    std::size_t best = 0;
    curve.ausuc = 0.0;
    for (std::size_t k = 0; k < changes.size();) {
        const double at = changes[k].at;
        for (; k < changes.size() && changes[k].at == at; ++k) {
            unseen += changes[k].unseenGain;
            seen -= changes[k].seenLoss;
        }
        const double next = k < changes.size() ? changes[k].at : at + 2.0 * margin;
        const StackingPoint before = all.back();
        all.push_back(pointOf(0.5 * (at + next), unseen, seen));
        curve.ausuc += (all.back().unseenAccuracy - before.unseenAccuracy) * 0.5 *
                       (all.back().seenAccuracy + before.seenAccuracy);
        if (all.back().harmonic > all[best].harmonic)
            best = all.size() - 1;
    }
    curve.bestHarmonic = all[best];
    curve.points = keptPoints(all, best, maxPoints);
    return curve;
}

} // namespace semrel
