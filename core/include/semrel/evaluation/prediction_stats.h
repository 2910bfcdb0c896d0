// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/evaluation/evaluator.h>

#include <cstdint>
#include <vector>

namespace semrel {

// One class's top-1 accuracy over some predictions.
struct ClassAccuracy
{
    std::int32_t classIndex = 0;
    std::int64_t samples = 0; // predictions whose true class this is
    std::int64_t correct = 0;
    double accuracy = 0.0; // correct / samples; NaN when samples == 0
};

// Per-class accuracy of `predictions` for each class in `classes`, in that order. For the ZSL
// predictions and the unseen classes this gives EvaluationResult::zslPerClass.
std::vector<ClassAccuracy> classAccuracies(const std::vector<Prediction>& predictions,
                                           const std::vector<std::int32_t>& classes);

// The confusion matrix of `predictions` over `classes` (see confusionMatrix()).
ConfusionMatrix confusionOf(const std::vector<Prediction>& predictions,
                            const std::vector<std::int32_t>& classes);

} // namespace semrel
