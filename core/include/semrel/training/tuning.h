// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/method/training_config.h>
#include <semrel/progress.h>
#include <semrel/training/trainer.h>

#include <functional>
#include <string>
#include <vector>

namespace semrel {

// Choosing hyper-parameters on the validation split (the paper's protocol, Sec. 4.1): every
// point of a grid is trained on the tuning rows (dataset/tuning_splits.h: train, restricted to
// trainval samples by default, minus a seen holdout) and scored by its ZSL accuracy on val after
// the last epoch; the best point is then trained on `trainval`, as a final model is. The chosen
// point's calibrated-stacking γ (chosen on val and the seen holdout) goes with the final model.
// ESZSL and SAE search their own parameters the same way, in closed form (docs/REPRODUCTION.md).

// The values tried: every combination of the lists that the method uses. To search another
// axis, add its list here, its value to TuningPoint (and to TuningPoint::applyTo), and a loop to
// tuningPoints().
struct TuningGrid
{
    std::vector<double> taus{0.0, 0.2, 0.4}; // τ, in (-1, 1]
    std::vector<double> lambda1s{0.5, 1.0};  // λ1, weight of O2
    std::vector<double> lambda2s{0.5, 1.0};  // λ2, weight of O3
    // The class-embedding normaliser's statistics; both values let validation choose. Empty: the
    // base configuration's, not searched.
    std::vector<AttributeStats> attributeStats;
    // ESZSL's γ and λ: 10^-3 ... 10^3, as the public implementation searches them.
    std::vector<double> eszslGammas = powersOfTen(-3, 3);
    std::vector<double> eszslLambdas = powersOfTen(-3, 3);
    // SAE's λ: 0.005 · 2^k, k = 0 ... 20 (up to 5243), a doubling grid that covers every range
    // the public implementation searches on the five datasets (0.005 ... 5000).
    std::vector<double> saeLambdas = doublings(0.005, 21);

    static std::vector<double> powersOfTen(int lowest, int highest);
    static std::vector<double> doublings(double first, int count);
};

// One point of the grid, with the values the method actually uses (effectiveTau() etc.).
struct TuningPoint
{
    double tau = 0.0;
    double lambda1 = 1.0;
    double lambda2 = 1.0;
    AttributeStats attributeStats = AttributeStats::Seen;
    double eszslGamma = 1.0;
    double eszslLambda = 1.0;
    double saeLambda = 1.0;

    // `base` with this point's values.
    TrainingConfig applyTo(TrainingConfig base) const;
    bool operator==(const TuningPoint& other) const;
};

// What one grid point gave.
struct TuningPointResult
{
    TuningPoint point;
    int index = 0; // 0-based, in grid order
    int count = 0; // points in the grid
    // ZSL accuracy on val among the val classes after the last epoch, in [0, 1]; NaN when not
    // measured (no epoch completed).
    double validationAccuracy = EpochReport::kNotMeasured;
    double seconds = 0.0;    // training and evaluation time of the point's epochs
    Calibration calibration; // γ chosen on val and the seen holdout, and what it gave there
    std::vector<std::string> warnings;
};

// The index of the first point of the highest validation accuracy (a NaN never wins over a
// number), or -1 for none: the one rule every method's tuning chooses by.
int bestPoint(const std::vector<TuningPointResult>& points);

// "τ 0.2, λ1 1, λ2 0.5, attributes seen", "γ 0.001, λ 10", "λ 0.32": the values that vary for
// `method`, for progress texts and labels.
std::string describePoint(const TuningPoint& point, Method method);

struct TuningResult
{
    std::vector<TuningPointResult> points; // in grid order; fewer than the grid when stopped
    int chosen = -1;        // index into `points` of the best validation accuracy (the first of
                            // equals); -1 when no point finished
    bool retrained = false; // the chosen point's training on trainval ran (perhaps stopped)
    TrainingResult final;   // that training's result; empty unless `retrained`
    bool stopped = false;   // the stop flag ended tuning early (in the grid or in `final`)
};

// Called on the tuning thread; each may be empty. Cheap, must not throw.
struct TuningCallbacks
{
    // Before a grid point's training starts.
    std::function<void(const TuningPoint& point, int index, int count)> onPointStarted;
    // After a grid point's training ends, with its validation accuracy and time.
    std::function<void(const TuningPointResult& result)> onPointFinished;
    // Before the chosen point's training on trainval starts.
    std::function<void(const TuningPointResult& chosen)> onRetrainStarted;
    // Inside every training (grid points and the final one), as Trainer reports them.
    Trainer::EpochCallback onEpoch;
    Trainer::BatchCallback onBatch;
    // The whole tuning's progress: fraction in [0, 1] over the grid points and the final
    // training (one share each), and a stage text such as "point 2 of 12: τ 0.2, λ1 1, λ2 1".
    ProgressCallback onProgress;
};

// The distinct points of `grid` for `base`'s method, in grid order (τ outermost, then λ1, then
// λ2, then the attribute statistics; ESZSL γ then λ; SAE λ): points the method makes identical
// (B2 fixes τ and λ1, B3 fixes λ2) appear once.
// Throws Error when a list is empty or a value is out of range (validateConfig()).
std::vector<TuningPoint> tuningPoints(const TrainingConfig& base, const TuningGrid& grid);

// Runs the grid search and trains the chosen point on trainval, with `base` for everything the
// grid does not set (its trainSplit and checkpointPath are ignored for grid points; the final
// training writes checkpoints to base.checkpointPath when set). Runs on the calling thread (call
// it off a GUI thread; it takes the grid's size + 1 trainings). `stop` is checked every batch: a
// stop returns at once with what finished (`stopped` set).
// Throws DataError when `data` has no val split or cannot be trained on, TrainingError when a
// training fails (e.g. NaN loss), Error for an invalid grid or configuration.
TuningResult tune(const TrainingConfig& base, const TuningGrid& grid, const Dataset& data,
                  const StopFlag& stop, const TuningCallbacks& callbacks = {});

} // namespace semrel
