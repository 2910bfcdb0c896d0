// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/exploration/class_accuracy_bars.h>
#include <semrel/exploration/confusion_counts.h>

#include <QStringList>

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace semrel::ui {

using Order = std::vector<std::int32_t>;

// How the confusion matrix orders its classes.
enum class ConfusionOrder { BySimilarity, UnseenFirst, ByName };

// The charts of one setting (ZSL or GZSL): its predictions counted sparsely, one accuracy bar
// per class with the bars' orders, the classes' orders for the matrix, and the pairs of classes
// most often confused. All from the core (core/exploration); shared read-only.
struct SettingCharts
{
    std::shared_ptr<const ConfusionCounts> counts;
    std::shared_ptr<const std::vector<ClassBar>> bars;
    std::array<std::shared_ptr<const Order>, 4> barOrders;   // indexed by BarOrder
    std::array<std::shared_ptr<const Order>, 3> classOrders; // indexed by ConfusionOrder
    std::vector<ConfusedPair> mostConfused;

    const std::shared_ptr<const Order>& barOrder(BarOrder order) const
    {
        return barOrders[static_cast<std::size_t>(order)];
    }
    const std::shared_ptr<const Order>& classOrder(ConfusionOrder order) const
    {
        return classOrders[static_cast<std::size_t>(order)];
    }
};

struct PredictionCharts
{
    std::shared_ptr<const QStringList> classNames;
    SettingCharts zsl;  // unseen test samples among the unseen classes
    SettingCharts gzsl; // all test samples among all classes, once hasGzsl
    bool hasGzsl = false;
};

// The pairs listed beside the confusion matrix.
constexpr std::size_t kConfusedPairsListed = 50;

// Everything the Predictions view's charts draw, off the GUI thread (a fraction of a second at
// 20,000 classes; never a C x C matrix). Throws what the core throws.
PredictionCharts preparePredictionCharts(const EvaluationResult& result, const Dataset& data);
// The same in the evaluation's two steps (evaluateZsl(), evaluateGzsl()): the class names and
// the ZSL charts first (hasGzsl false), then the GZSL charts of the completed result.
PredictionCharts prepareZslCharts(const EvaluationResult& result, const Dataset& data);
SettingCharts prepareGzslCharts(const EvaluationResult& result, const Dataset& data);

} // namespace semrel::ui
