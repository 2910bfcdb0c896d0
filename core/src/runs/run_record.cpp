// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "model_file/model_checksum.h"

#include <semrel/errors.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/model_fit.h>
#include <semrel/evaluation/prediction_stats.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/runs/run_record.h>

#include <algorithm>
#include <cstdio>

namespace semrel {

namespace {

std::vector<ClassResult> resultsOf(const std::vector<ClassAccuracy>& accuracies,
                                   const std::vector<std::string>& names)
{
    std::vector<ClassResult> out;
    for (const ClassAccuracy& a : accuracies)
        out.push_back({names.at(static_cast<std::size_t>(a.classIndex)), a.accuracy, a.samples});
    return out;
}

// The test numbers of a final model, from one evaluation (they supersede the last epoch's).
void addEvaluation(RunRecord& r, const RelationModel& model, const Dataset& data)
{
    const EvaluationResult e = evaluate(model, data);
    r.zslAccuracy = e.zslAccuracy;
    r.gzslUnseen = e.gzslUnseen;
    r.gzslSeen = e.gzslSeen;
    r.gzslH = e.gzslH;
    r.ausuc = e.seenUnseen.ausuc;
    r.calibrated = e.calibrated;
    r.seenUnseenCurve = e.seenUnseen.points;
    r.zslPerClass = resultsOf(classAccuracies(e.zslPredictions, e.unseenClasses), data.classNames);
    std::vector<std::int32_t> testClasses = e.seenClasses;
    testClasses.insert(testClasses.end(), e.unseenClasses.begin(), e.unseenClasses.end());
    std::sort(testClasses.begin(), testClasses.end());
    testClasses.erase(std::unique(testClasses.begin(), testClasses.end()), testClasses.end());
    r.gzslPerClass = resultsOf(classAccuracies(e.gzslPredictions, testClasses), data.classNames);
}

} // namespace

const char* runKindName(RunKind kind)
{
    switch (kind) {
    case RunKind::Training:
        return "training";
    case RunKind::TuningPoint:
        return "tuning point";
    case RunKind::LoadedModel:
        return "loaded model";
    case RunKind::Reproduction:
        return "reproduction";
    }
    return "training";
}

RunKind runKindFromName(const std::string& name)
{
    for (RunKind k :
         {RunKind::Training, RunKind::TuningPoint, RunKind::LoadedModel, RunKind::Reproduction})
        if (name == runKindName(k))
            return k;
    throw Error("unknown run kind '" + name + "'");
}

RunRecord recordOfModel(const ModelState& model, const Dataset* data, RunKind kind,
                        const std::string& source)
{
    RunRecord r;
    r.kind = kind;
    r.source = source;
    r.dataset = model.datasetName;
    r.splitsHash = model.splitsHash;
    r.config = model.config;
    r.epochs = static_cast<int>(model.history.size());
    r.calibration = model.calibration;
    r.history = model.history;
    char checksum[9];
    std::snprintf(checksum, sizeof checksum, "%08x", static_cast<unsigned>(modelChecksum(model)));
    r.modelChecksum = checksum;
    for (const EpochReport& e : model.history)
        r.seconds += e.seconds + e.evalSeconds;
    if (!model.history.empty()) {
        const EpochReport& last = model.history.back();
        r.validationAccuracy = last.validationAccuracy;
        r.zslAccuracy = last.zslAccuracy;
        r.gzslUnseen = last.gzslUnseen;
        r.gzslSeen = last.gzslSeen;
        r.gzslH = last.gzslH;
        r.ausuc = last.ausuc;
    }
    // A tuning run's model is judged on validation; only a final model is evaluated on test.
    if (data && model.config.trainSplit == Split::Trainval && !modelMisfit(model, *data))
        addEvaluation(r, RelationModel(model), *data);
    return r;
}

RunRecord recordOfTuningPoint(const TrainingConfig& base, const TuningPointResult& point,
                              const Dataset& data, const std::string& source)
{
    RunRecord r;
    r.kind = RunKind::TuningPoint;
    r.source = source;
    r.dataset = data.name;
    r.splitsHash = hashOfSplits(data);
    r.config = point.point.applyTo(base);
    r.config.trainSplit = Split::Train;
    r.config.checkpointPath.clear();
    r.epochs = isClosedForm(base.method) ? 1 : base.epochs;
    r.validationAccuracy = point.validationAccuracy;
    r.calibration = point.calibration;
    r.seconds = point.seconds;
    return r;
}

RunRecord recordOfReproduction(const ReproductionEntry& e)
{
    RunRecord r;
    r.kind = RunKind::Reproduction;
    r.source = "semrel reproduce";
    r.dataset = e.dataset;
    r.splitsHash = e.splitsHash;
    r.config = e.config;
    r.epochs = isClosedForm(e.config.method) ? 1 : e.config.epochs;
    r.zslAccuracy = e.zsl;
    r.gzslUnseen = e.ts;
    r.gzslSeen = e.tr;
    r.gzslH = e.h;
    r.ausuc = e.ausuc;
    r.calibration = e.calibration;
    r.calibrated = {e.calibration.gamma, e.calibratedTs, e.calibratedTr, e.calibratedH};
    r.seconds = e.seconds;
    return r;
}

} // namespace semrel
