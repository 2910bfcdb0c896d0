// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/prediction_charts.h"

#include <semrel/exploration/class_deltas.h>
#include <semrel/exploration/matrix_order.h>

#include <algorithm>

namespace semrel::ui {

namespace {

SettingCharts chartsOf(const std::vector<Prediction>& predictions,
                       std::vector<std::int32_t> classes, const EvaluationResult& result,
                       const Dataset& data, const ClassDeltas& deltas)
{
    std::sort(classes.begin(), classes.end());
    SettingCharts s;
    s.counts = std::make_shared<const ConfusionCounts>(predictions, data.classCount());
    s.bars = std::make_shared<const std::vector<ClassBar>>(
        classBars(*s.counts, classes, result.unseenClasses));
    for (const BarOrder order : {BarOrder::AccuracyHighFirst, BarOrder::AccuracyLowFirst,
                                 BarOrder::Name, BarOrder::Samples})
        s.barOrders[static_cast<std::size_t>(order)] =
            std::make_shared<const Order>(barOrder(*s.bars, order, data.classNames));

    const FloatMatrix& rows = deltas.unitRows();
    s.classOrders[std::size_t(ConfusionOrder::BySimilarity)] =
        std::make_shared<const Order>(similarityOrder(rows, classes));
    // Unseen classes first, then the seen, each part by similarity: in GZSL the seen classes'
    // pull on unseen samples shows as one block.
    std::vector<std::int32_t> unseen;
    std::vector<std::int32_t> seen;
    for (const std::int32_t c : classes)
        (std::binary_search(result.unseenClasses.begin(), result.unseenClasses.end(), c) ? unseen
                                                                                         : seen)
            .push_back(c);
    Order unseenFirst = similarityOrder(rows, unseen);
    const Order seenPart = similarityOrder(rows, seen);
    unseenFirst.insert(unseenFirst.end(), seenPart.begin(), seenPart.end());
    s.classOrders[std::size_t(ConfusionOrder::UnseenFirst)] =
        std::make_shared<const Order>(std::move(unseenFirst));
    s.classOrders[std::size_t(ConfusionOrder::ByName)] =
        std::make_shared<const Order>(nameOrder(data.classNames, classes));
    s.mostConfused = mostConfusedPairs(*s.counts, kConfusedPairsListed);
    return s;
}

} // namespace

PredictionCharts prepareZslCharts(const EvaluationResult& result, const Dataset& data)
{
    PredictionCharts charts;
    auto names = std::make_shared<QStringList>();
    names->reserve(static_cast<qsizetype>(data.classNames.size()));
    for (const std::string& name : data.classNames)
        names->append(QString::fromStdString(name));
    charts.classNames = std::move(names);
    charts.zsl =
        chartsOf(result.zslPredictions, result.unseenClasses, result, data, ClassDeltas(data));
    return charts;
}

SettingCharts prepareGzslCharts(const EvaluationResult& result, const Dataset& data)
{
    std::vector<std::int32_t> all = result.unseenClasses;
    all.insert(all.end(), result.seenClasses.begin(), result.seenClasses.end());
    return chartsOf(result.gzslPredictions, all, result, data, ClassDeltas(data));
}

PredictionCharts preparePredictionCharts(const EvaluationResult& result, const Dataset& data)
{
    PredictionCharts charts = prepareZslCharts(result, data);
    charts.gzsl = prepareGzslCharts(result, data);
    charts.hasGzsl = true;
    return charts;
}

} // namespace semrel::ui
