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
// point of a grid is trained on `train` and scored by its ZSL accuracy on `val` after the last
// epoch; the best point is then trained on `trainval`, as a final model is.

// The values tried: every combination of the lists. To search another axis, add its list here,
// its value to TuningPoint (and to TuningPoint::applyTo), and a loop to tuningPoints().
struct TuningGrid
{
    std::vector<double> taus{0.0, 0.2, 0.4}; // τ, in (-1, 1]
    std::vector<double> lambda1s{0.5, 1.0};  // λ1, weight of O2
    std::vector<double> lambda2s{0.5, 1.0};  // λ2, weight of O3
};

// One point of the grid, with the values the method actually uses (effectiveTau() etc.).
struct TuningPoint
{
    double tau = 0.0;
    double lambda1 = 1.0;
    double lambda2 = 1.0;

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
    double seconds = 0.0; // training and evaluation time of the point's epochs
    std::vector<std::string> warnings;
};

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
// λ2): points the method makes identical (B2 fixes τ and λ1, B3 fixes λ2) appear once.
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
