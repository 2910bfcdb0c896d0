// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Prediction among candidate classes (Eq. 6) and the Xian et al. metrics. evaluate() lives in
// model_evaluation.cpp: it needs a RelationModel, and the trainer uses these functions without one.
#include "evaluation/class_scorer.h"

#include <semrel/errors.h>
#include <semrel/evaluation/evaluator.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace semrel {

namespace {

// Position of each class in `classes` (or -1), indexed by class; sized to hold every label seen.
std::vector<std::int64_t> positionsOf(const std::vector<std::int32_t>& classes,
                                      const std::vector<std::int32_t>& truth)
{
    std::int32_t largest = 0;
    for (std::int32_t c : classes) {
        if (c < 0)
            throw Error("negative class index " + std::to_string(c));
        largest = std::max(largest, c);
    }
    for (std::int32_t t : truth)
        largest = std::max(largest, t);
    std::vector<std::int64_t> position(static_cast<std::size_t>(largest) + 1, -1);
    for (std::size_t i = 0; i < classes.size(); ++i)
        if (position[static_cast<std::size_t>(classes[i])] < 0)
            position[static_cast<std::size_t>(classes[i])] = static_cast<std::int64_t>(i);
    return position;
}

std::int64_t positionOf(const std::vector<std::int64_t>& position, std::int32_t c)
{
    if (c < 0 || static_cast<std::size_t>(c) >= position.size())
        return -1;
    return position[static_cast<std::size_t>(c)];
}

void requireSameLength(const std::vector<std::int32_t>& truth,
                       const std::vector<std::int32_t>& predicted)
{
    if (truth.size() != predicted.size())
        throw Error("metrics: " + std::to_string(truth.size()) + " true labels but " +
                    std::to_string(predicted.size()) + " predictions");
}

} // namespace

ClassScores predictAmong(const FloatMatrix& features, const FloatMatrix& mapped,
                         const std::vector<std::int32_t>& candidates)
{
    if (features.cols != mapped.cols)
        throw Error("predictAmong: features have dimension " + std::to_string(features.cols) +
                    ", the mapped classes " + std::to_string(mapped.cols));
    if (features.rows == 0)
        return {};
    return ClassScorer(mapped, candidates).score(features, {candidates}).front();
}

double meanPerClassAccuracy(const std::vector<std::int32_t>& truth,
                            const std::vector<std::int32_t>& predicted,
                            const std::vector<std::int32_t>& classes)
{
    requireSameLength(truth, predicted);
    const std::vector<std::int64_t> position = positionsOf(classes, truth);
    std::vector<std::int64_t> total(classes.size(), 0);
    std::vector<std::int64_t> right(classes.size(), 0);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const std::int64_t p = positionOf(position, truth[i]);
        if (p < 0)
            continue;
        ++total[static_cast<std::size_t>(p)];
        if (predicted[i] == truth[i])
            ++right[static_cast<std::size_t>(p)];
    }
    double sum = 0.0;
    int counted = 0;
    for (std::size_t k = 0; k < classes.size(); ++k) {
        // A class listed twice has its counts on its first position only.
        if (total[k] == 0)
            continue;
        sum += static_cast<double>(right[k]) / static_cast<double>(total[k]);
        ++counted;
    }
    return counted == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / counted;
}

double harmonicMean(double unseen, double seen)
{
    if (unseen + seen == 0.0)
        return 0.0;
    return 2.0 * unseen * seen / (unseen + seen);
}

ConfusionMatrix confusionMatrix(const std::vector<std::int32_t>& truth,
                                const std::vector<std::int32_t>& predicted,
                                const std::vector<std::int32_t>& classes)
{
    requireSameLength(truth, predicted);
    const std::vector<std::int64_t> position = positionsOf(classes, truth);
    ConfusionMatrix matrix;
    matrix.classes = classes;
    matrix.counts.assign(classes.size() * classes.size(), 0);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const std::int64_t t = positionOf(position, truth[i]);
        const std::int64_t p = positionOf(position, predicted[i]);
        if (t >= 0 && p >= 0)
            ++matrix.counts[static_cast<std::size_t>(t) * classes.size() +
                            static_cast<std::size_t>(p)];
    }
    return matrix;
}

} // namespace semrel
