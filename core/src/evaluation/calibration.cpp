// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "evaluation/class_scorer.h"
#include "evaluation/stacking_samples.h"
#include "training/training_rows.h"

#include <semrel/evaluation/calibrated_stacking.h>
#include <semrel/evaluation/calibration.h>
#include <semrel/evaluation/model_fit.h>
#include <semrel/evaluation/relation_model.h>

#include <algorithm>

namespace semrel {

namespace {

std::vector<std::int32_t> labelsOf(const Dataset& data, const std::vector<std::int64_t>& rows)
{
    std::vector<std::int32_t> labels(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        labels[i] = data.labels[static_cast<std::size_t>(rows[i])];
    return labels;
}

std::vector<StackingSample> samplesOf(const ClassScorer& scorer, const RelationModel& model,
                                      const Dataset& data, const std::vector<std::int64_t>& rows,
                                      const ClassScorer::CandidateSets& seenThenUnseen)
{
    const std::vector<ClassScores> scores =
        scorer.score(data.features, rows, model.scoringSpace(), seenThenUnseen);
    return stackingSamples(labelsOf(data, rows), scores[0], scores[1]);
}

} // namespace

Calibration calibrateOnValidation(const RelationModel& model, const Dataset& data)
{
    const ModelState& state = model.state();
    requireModelFits(state, data);
    if (state.config.trainSplit != Split::Train)
        return {};
    const TrainingRows rows = trainingRows(data, state.config);
    StackingInput input;
    input.seenClasses = classesOf(data, rows.train);
    input.unseenClasses = classesOf(data, rows.tuning.validation);
    if (rows.tuning.seenHoldout.empty() || rows.tuning.validation.empty() ||
        input.seenClasses.empty() || input.unseenClasses.empty())
        return {};
    std::vector<std::int32_t> candidates = input.seenClasses;
    candidates.insert(candidates.end(), input.unseenClasses.begin(), input.unseenClasses.end());
    std::sort(candidates.begin(), candidates.end());
    const ClassScorer scorer(model.scoringSpace(), candidates);
    const ClassScorer::CandidateSets sets{input.seenClasses, input.unseenClasses};
    input.unseenSamples = samplesOf(scorer, model, data, rows.tuning.validation, sets);
    input.seenSamples = samplesOf(scorer, model, data, rows.tuning.seenHoldout, sets);
    const SeenUnseenCurve curve = seenUnseenCurve(input, /*maxPoints=*/2);
    Calibration c;
    c.gamma = curve.bestHarmonic.gamma;
    c.validationUnseen = curve.bestHarmonic.unseenAccuracy;
    c.validationSeen = curve.bestHarmonic.seenAccuracy;
    c.validationHarmonic = curve.bestHarmonic.harmonic;
    c.validationAusuc = curve.ausuc;
    return c;
}

} // namespace semrel
