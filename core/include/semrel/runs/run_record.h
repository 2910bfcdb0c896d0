// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/evaluation/calibrated_stacking.h>
#include <semrel/method/training_config.h>
#include <semrel/model_file/model_state.h>
#include <semrel/reproduction/reproduction.h>
#include <semrel/training/tuning.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace semrel {

// Where a run came from: a training (window or `semrel train`), one point of a tuning grid, a
// model file that was opened or evaluated, a run of `semrel reproduce`.
enum class RunKind { Training, TuningPoint, LoadedModel, Reproduction };
// "training", "tuning point", "loaded model", "reproduction"; runKindFromName throws Error.
const char* runKindName(RunKind kind);
RunKind runKindFromName(const std::string& name);

// One class's accuracy in a run, by name, so that two runs compare class by class.
struct ClassResult
{
    std::string className;
    double accuracy = std::numeric_limits<double>::quiet_NaN(); // fraction in [0, 1]
    std::int64_t samples = 0;
};

// What the runs table keeps of a run (docs/FORMATS.md, "Run records"): its method and every
// hyper-parameter, what it measured, its curves and per-class accuracies, and the model file if
// one was saved. Plain data; accuracies are fractions in [0, 1], NaN where not measured.
struct RunRecord
{
    static constexpr double kNotMeasured = std::numeric_limits<double>::quiet_NaN();

    std::string id; // unique in its folder; set by RunStore::add when empty
    RunKind kind = RunKind::Training;
    std::string createdAt; // ISO 8601, UTC; set by RunStore::add when empty
    std::string source;    // what made it: "semrel-studio", "semrel train", ...
    std::string dataset;   // the dataset's name
    std::string splitsHash;
    TrainingConfig config;
    int epochs = 0; // completed (1 for a closed-form method)

    double validationAccuracy = kNotMeasured; // ZSL on val (tuning runs)
    double zslAccuracy = kNotMeasured;
    double gzslUnseen = kNotMeasured; // ts
    double gzslSeen = kNotMeasured;   // tr
    double gzslH = kNotMeasured;
    double ausuc = kNotMeasured;
    Calibration calibration; // γ chosen on validation, and what it gave there
    StackingPoint calibrated{kNotMeasured, kNotMeasured, kNotMeasured, kNotMeasured}; // test at γ
    double seconds = 0.0; // training (and evaluation) wall time

    std::string modelPath; // the model file, when saved or loaded; empty otherwise
    // A record of a model: the CRC-32 of the model's content (modelChecksum(), 8 hex digits), which
    // with modelPath tells one model file from another; empty otherwise.
    std::string modelChecksum;
    std::vector<EpochReport> history;
    std::vector<StackingPoint> seenUnseenCurve; // on the test splits, at most ~200 points
    std::vector<ClassResult> zslPerClass;       // unseen classes, ZSL
    std::vector<ClassResult> gzslPerClass;      // every test class, GZSL
};

// A record of a model (trained, or read from a file): its settings and history; when `data` is
// given and the model fits it, also its evaluation there (ZSL, GZSL, AUSUC, the numbers at its γ,
// per-class accuracies, the seen-unseen curve). Costs one evaluate() then. Any thread.
RunRecord recordOfModel(const ModelState& model, const Dataset* data, RunKind kind,
                        const std::string& source);

// A record of one finished point of a tuning grid: `base` with the point's values on the tuning
// rows, its validation accuracy, calibration and time (tuning.h). `data` names the dataset.
RunRecord recordOfTuningPoint(const TrainingConfig& base, const TuningPointResult& point,
                              const Dataset& data, const std::string& source);

// A record of one run of `semrel reproduce` (a final training of a chosen point and its test
// numbers; no per-class accuracies).
RunRecord recordOfReproduction(const ReproductionEntry& entry);

} // namespace semrel
