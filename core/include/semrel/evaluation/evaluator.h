// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/evaluation/calibrated_stacking.h>
#include <semrel/matrix.h>
#include <semrel/model_file/model_state.h>
#include <semrel/progress.h>

#include <cstdint>
#include <vector>

namespace semrel {

class RelationModel;

// Scores and predictions of samples against a set of candidate classes (Eq. 6).
struct ClassScores
{
    std::vector<std::int32_t> predicted; // [N] class index (into the full class list)
    std::vector<float> score;            // [N] score of the predicted class (cosine, or dot)
};

// c* = argmax over `candidates` of cos(f(y_c), x) for each row of `features` (normalised) against
// `mapped` [C, d] (all classes; only the candidate rows are used). One GEMM per block of rows.
ClassScores predictAmong(const FloatMatrix& features, const FloatMatrix& mapped,
                         const std::vector<std::int32_t>& candidates);

// Average per-class top-1 accuracy over `classes`: the mean over those classes of the fraction
// of their samples predicted right. Classes without samples are left out of the mean.
// Returns NaN when no class has samples.
double meanPerClassAccuracy(const std::vector<std::int32_t>& truth,
                            const std::vector<std::int32_t>& predicted,
                            const std::vector<std::int32_t>& classes);

// Harmonic mean 2·ts·tr / (ts + tr); 0 when both are 0.
double harmonicMean(double unseen, double seen);

// One test sample's outcome, for the prediction browser.
struct Prediction
{
    std::int64_t sample = 0; // index into the dataset
    std::int32_t trueClass = 0;
    std::int32_t predictedClass = 0;
    float score = 0.0f; // the model's score of the predicted class (cosine, or dot for ESZSL)
};

// Square confusion matrix over a list of classes: counts[t * k + p] for true class classes[t]
// predicted as classes[p], k = classes.size(). Predictions outside the list are not counted.
struct ConfusionMatrix
{
    std::vector<std::int32_t> classes;
    std::vector<std::int64_t> counts;

    std::int64_t at(std::size_t trueIndex, std::size_t predictedIndex) const
    {
        return counts[trueIndex * classes.size() + predictedIndex];
    }
};

ConfusionMatrix confusionMatrix(const std::vector<std::int32_t>& truth,
                                const std::vector<std::int32_t>& predicted,
                                const std::vector<std::int32_t>& classes);

// ZSL and GZSL results of a model on a dataset (Xian et al. protocol).
struct EvaluationResult
{
    double zslAccuracy = 0.0; // test_unseen among unseen classes
    double gzslUnseen = 0.0;  // ts
    double gzslSeen = 0.0;    // tr
    double gzslH = 0.0;
    std::vector<std::int32_t> unseenClasses;
    std::vector<std::int32_t> seenClasses;
    std::vector<double> zslPerClass;         // per unseen class, same order as unseenClasses
    std::vector<Prediction> zslPredictions;  // test_unseen, among unseen classes
    std::vector<Prediction> gzslPredictions; // test_unseen then test_seen, among all classes
    ConfusionMatrix zslConfusion;            // over unseen classes
    // Calibrated stacking (calibrated_stacking.h) on the test splits: the seen-unseen curve and
    // AUSUC; the γ the model chose on validation and ts, tr, H at it (NaN when it chose none).
    SeenUnseenCurve seenUnseen;
    Calibration calibration;
    StackingPoint calibrated{Calibration::kNone, Calibration::kNone, Calibration::kNone,
                             Calibration::kNone};
};

// Throws DataError when the model does not fit the dataset (requireModelFits(), model_fit.h).
// Any thread. Runs evaluateZsl() then evaluateGzsl().
EvaluationResult evaluate(const RelationModel& model, const Dataset& data);

// evaluate() in two steps, for a window that shows the ZSL part at once: GZSL scores every test
// sample against every class: tens of times ZSL's work when a tenth of the classes are unseen.
// evaluateZsl() fills the class lists and the ZSL fields; the GZSL numbers are NaN, its
// predictions and the stacking curve empty. Throws as evaluate().
EvaluationResult evaluateZsl(const RelationModel& model, const Dataset& data);
// Completes `zsl` (evaluateZsl() of the same model and dataset) with the GZSL fields and the
// stacking curve. `progress` (may be empty) hears the fraction of the test samples scored after
// each block of rows; it may throw (Cancelled) to end the work early, which reaches the caller.
// Throws as evaluate(), and Error when `zsl` does not match the dataset's unseen test split.
EvaluationResult evaluateGzsl(const RelationModel& model, const Dataset& data, EvaluationResult zsl,
                              const ProgressCallback& progress = {});

} // namespace semrel
