// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// evaluate(): a trained model on a dataset's test splits, by the Xian et al. protocol, with
// calibrated stacking's curve beside it.
#include "evaluation/class_scorer.h"
#include "evaluation/stacking_samples.h"

#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/model_fit.h>
#include <semrel/evaluation/relation_model.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <string>

namespace semrel {

namespace {

std::vector<std::int32_t> labelsOf(const Dataset& data, const std::vector<std::int64_t>& rows)
{
    std::vector<std::int32_t> labels(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        labels[i] = data.labels[static_cast<std::size_t>(rows[i])];
    return labels;
}

void appendPredictions(std::vector<Prediction>& out, const std::vector<std::int64_t>& rows,
                       const std::vector<std::int32_t>& truth, const ClassScores& scores)
{
    for (std::size_t i = 0; i < rows.size(); ++i)
        out.push_back({rows[i], truth[i], scores.predicted[i], scores.score[i]});
}

// Accuracy of each class in `classes` (NaN for a class without samples), in one pass: calling
// meanPerClassAccuracy per class would cost classes x samples.
std::vector<double> perClassAccuracies(const std::vector<std::int32_t>& truth,
                                       const std::vector<std::int32_t>& predicted,
                                       const std::vector<std::int32_t>& classes,
                                       std::int64_t classCount)
{
    std::vector<std::int64_t> total(static_cast<std::size_t>(classCount), 0);
    std::vector<std::int64_t> right(total.size(), 0);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const auto t = static_cast<std::size_t>(truth[i]);
        ++total[t];
        right[t] += predicted[i] == truth[i] ? 1 : 0;
    }
    std::vector<double> accuracies;
    accuracies.reserve(classes.size());
    for (std::int32_t c : classes) {
        const auto k = static_cast<std::size_t>(c);
        accuracies.push_back(total[k] == 0
                                 ? std::numeric_limits<double>::quiet_NaN()
                                 : static_cast<double>(right[k]) / static_cast<double>(total[k]));
    }
    return accuracies;
}

std::vector<std::int32_t> allClassesOf(const Dataset& data)
{
    std::vector<std::int32_t> all(static_cast<std::size_t>(data.classCount()));
    std::iota(all.begin(), all.end(), 0);
    return all;
}

// The ZSL part's answers as a ClassScorer gave them, for calibrated stacking.
ClassScores scoresOf(const std::vector<Prediction>& predictions)
{
    ClassScores scores;
    scores.predicted.reserve(predictions.size());
    scores.score.reserve(predictions.size());
    for (const Prediction& p : predictions) {
        scores.predicted.push_back(p.predictedClass);
        scores.score.push_back(p.score);
    }
    return scores;
}

// The seen and unseen candidate sets exist only when both are non-empty (a dataset without
// test_seen has no seen classes to stack).
void addStacking(EvaluationResult& result, const StackingInput& input, const ModelState& state)
{
    result.seenUnseen = seenUnseenCurve(input);
    result.calibration = state.calibration;
    if (state.calibration.chosen() && !result.seenUnseen.empty())
        result.calibrated = stackingAt(input, state.calibration.gamma);
}

} // namespace

EvaluationResult evaluateZsl(const RelationModel& model, const Dataset& data)
{
    requireModelFits(model.state(), data);
    EvaluationResult result;
    result.unseenClasses = data.unseenClasses();
    result.seenClasses = data.seenClasses();
    const double none = std::numeric_limits<double>::quiet_NaN();
    result.gzslUnseen = result.gzslSeen = result.gzslH = none;
    // A scorer of the unseen classes alone: a tenth of GZSL's product when a tenth are unseen.
    // Without unseen classes there is nothing to score, and an unseen row is an error (below).
    std::vector<std::int32_t> scored = result.unseenClasses;
    if (scored.empty())
        scored = allClassesOf(data);
    const ScoringSpace& space = model.scoringSpace();
    const ClassScorer scorer(space, scored);
    const std::vector<std::int64_t>& rows = data.split(Split::TestUnseen);
    const std::vector<std::int32_t> truth = labelsOf(data, rows);
    const ClassScores zsl =
        std::move(scorer.score(data.features, rows, space, {result.unseenClasses})[0]);
    result.zslAccuracy = meanPerClassAccuracy(truth, zsl.predicted, result.unseenClasses);
    result.zslPerClass =
        perClassAccuracies(truth, zsl.predicted, result.unseenClasses, data.classCount());
    result.zslConfusion = confusionMatrix(truth, zsl.predicted, result.unseenClasses);
    result.zslPredictions.reserve(rows.size());
    appendPredictions(result.zslPredictions, rows, truth, zsl);
    return result;
}

EvaluationResult evaluateGzsl(const RelationModel& model, const Dataset& data,
                              EvaluationResult result, const ProgressCallback& progress)
{
    const ModelState& state = model.state();
    requireModelFits(state, data);
    const std::vector<std::int64_t>& unseenRows = data.split(Split::TestUnseen);
    const std::vector<std::int64_t>& seenRows = data.split(Split::TestSeen);
    if (result.zslPredictions.size() != unseenRows.size())
        throw Error("evaluateGzsl: the ZSL part has " +
                    std::to_string(result.zslPredictions.size()) + " predictions for " +
                    std::to_string(unseenRows.size()) + " unseen test samples");
    const std::vector<std::int32_t> allClasses = allClassesOf(data);
    const bool stacking = !result.seenClasses.empty() && !result.unseenClasses.empty();
    // One scorer for both splits: the classes are prepared for the GEMM once, each split's
    // samples are scored among all its candidate sets from one product, and the features are
    // normalised block by block instead of into copies of both splits.
    const ScoringSpace& space = model.scoringSpace();
    const ClassScorer scorer(space, allClasses);
    const double total = std::max<double>(1.0, double(unseenRows.size() + seenRows.size()));
    const auto share = [&](double done, double rows) -> ProgressCallback {
        if (!progress)
            return {};
        return [&progress, done, rows, total](double fraction, const std::string& stage) {
            progress((done + fraction * rows) / total, stage);
        };
    };

    const std::vector<std::int32_t> unseenTruth = labelsOf(data, unseenRows);
    ClassScorer::CandidateSets unseenSets{allClasses};
    if (stacking)
        unseenSets.push_back(result.seenClasses);
    const std::vector<ClassScores> unseenScores = scorer.score(
        data.features, unseenRows, space, unseenSets, share(0.0, double(unseenRows.size())));
    const ClassScores& ts = unseenScores[0];

    const std::vector<std::int32_t> seenTruth = labelsOf(data, seenRows);
    ClassScorer::CandidateSets seenSets{allClasses};
    if (stacking) {
        seenSets.push_back(result.seenClasses);
        seenSets.push_back(result.unseenClasses);
    }
    const std::vector<ClassScores> seenScores =
        scorer.score(data.features, seenRows, space, seenSets,
                     share(double(unseenRows.size()), double(seenRows.size())));
    const ClassScores& tr = seenScores[0];

    result.gzslUnseen = meanPerClassAccuracy(unseenTruth, ts.predicted, result.unseenClasses);
    result.gzslSeen = meanPerClassAccuracy(seenTruth, tr.predicted, result.seenClasses);
    result.gzslH = harmonicMean(result.gzslUnseen, result.gzslSeen);
    if (stacking)
        addStacking(result,
                    {stackingSamples(unseenTruth, unseenScores[1], scoresOf(result.zslPredictions)),
                     stackingSamples(seenTruth, seenScores[1], seenScores[2]), result.unseenClasses,
                     result.seenClasses},
                    state);

    result.gzslPredictions.clear();
    result.gzslPredictions.reserve(unseenRows.size() + seenRows.size());
    appendPredictions(result.gzslPredictions, unseenRows, unseenTruth, ts);
    appendPredictions(result.gzslPredictions, seenRows, seenTruth, tr);
    return result;
}

EvaluationResult evaluate(const RelationModel& model, const Dataset& data)
{
    return evaluateGzsl(model, data, evaluateZsl(model, data));
}

} // namespace semrel
