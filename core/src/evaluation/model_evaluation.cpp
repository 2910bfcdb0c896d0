// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// evaluate(): a trained model on a dataset's test splits, by the Xian et al. protocol, with
// calibrated stacking's curve beside it.
#include "evaluation/class_scorer.h"
#include "evaluation/stacking_samples.h"

#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/model_fit.h>
#include <semrel/evaluation/relation_model.h>

#include <limits>
#include <numeric>

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

EvaluationResult evaluate(const RelationModel& model, const Dataset& data)
{
    const ModelState& state = model.state();
    requireModelFits(state, data);

    EvaluationResult result;
    result.unseenClasses = data.unseenClasses();
    result.seenClasses = data.seenClasses();
    std::vector<std::int32_t> allClasses(static_cast<std::size_t>(data.classCount()));
    std::iota(allClasses.begin(), allClasses.end(), 0);
    const bool stacking = !result.seenClasses.empty() && !result.unseenClasses.empty();
    // One scorer for every prediction: the classes are prepared for the GEMM once, each split's
    // samples are scored among all its candidate sets from one product, and the features are
    // normalised block by block instead of into copies of both splits.
    const ScoringSpace& space = model.scoringSpace();
    const ClassScorer scorer(space, allClasses);

    const std::vector<std::int64_t>& unseenRows = data.split(Split::TestUnseen);
    const std::vector<std::int32_t> unseenTruth = labelsOf(data, unseenRows);
    ClassScorer::CandidateSets unseenSets{result.unseenClasses, allClasses};
    if (stacking)
        unseenSets.push_back(result.seenClasses);
    const std::vector<ClassScores> unseenScores =
        scorer.score(data.features, unseenRows, space, unseenSets);
    const ClassScores& zsl = unseenScores[0];
    const ClassScores& ts = unseenScores[1];

    const std::vector<std::int64_t>& seenRows = data.split(Split::TestSeen);
    const std::vector<std::int32_t> seenTruth = labelsOf(data, seenRows);
    ClassScorer::CandidateSets seenSets{allClasses};
    if (stacking) {
        seenSets.push_back(result.seenClasses);
        seenSets.push_back(result.unseenClasses);
    }
    const std::vector<ClassScores> seenScores =
        scorer.score(data.features, seenRows, space, seenSets);
    const ClassScores& tr = seenScores[0];

    result.zslAccuracy = meanPerClassAccuracy(unseenTruth, zsl.predicted, result.unseenClasses);
    result.zslPerClass =
        perClassAccuracies(unseenTruth, zsl.predicted, result.unseenClasses, data.classCount());
    result.gzslUnseen = meanPerClassAccuracy(unseenTruth, ts.predicted, result.unseenClasses);
    result.gzslSeen = meanPerClassAccuracy(seenTruth, tr.predicted, result.seenClasses);
    result.gzslH = harmonicMean(result.gzslUnseen, result.gzslSeen);
    result.zslConfusion = confusionMatrix(unseenTruth, zsl.predicted, result.unseenClasses);
    if (stacking)
        addStacking(result,
                    {stackingSamples(unseenTruth, unseenScores[2], zsl),
                     stackingSamples(seenTruth, seenScores[1], seenScores[2]), result.unseenClasses,
                     result.seenClasses},
                    state);

    result.zslPredictions.reserve(unseenRows.size());
    appendPredictions(result.zslPredictions, unseenRows, unseenTruth, zsl);
    result.gzslPredictions.reserve(unseenRows.size() + seenRows.size());
    appendPredictions(result.gzslPredictions, unseenRows, unseenTruth, ts);
    appendPredictions(result.gzslPredictions, seenRows, seenTruth, tr);
    return result;
}

} // namespace semrel
