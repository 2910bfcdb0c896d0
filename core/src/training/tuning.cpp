// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "baselines/closed_form_training.h"

#include <semrel/errors.h>
#include <semrel/training/tuning.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace semrel {

namespace {

void requireValues(const std::vector<double>& values, const char* name)
{
    if (values.empty())
        throw Error(std::string("tuning grid: no ") + name + " values");
}

// Progress over count + 1 trainings of `epochs` epochs each; `run` is the training's index.
class TuningProgress
{
public:
    TuningProgress(const ProgressCallback& report, int count, int epochs)
        : m_report(report), m_runs(count + 1), m_epochs(std::max(1, epochs))
    {}
    void startRun(int run, std::string stage)
    {
        m_run = run;
        m_stage = std::move(stage);
        report(0.0);
    }
    void batch(int epoch, std::int64_t batch, std::int64_t batches)
    {
        const double inEpoch = batches > 0 ? static_cast<double>(batch) / batches : 1.0;
        report((epoch - 1 + inEpoch) / m_epochs);
    }
    void finish() const
    {
        if (m_report)
            m_report(1.0, "done");
    }

private:
    void report(double withinRun) const
    {
        if (m_report)
            m_report((m_run + std::clamp(withinRun, 0.0, 1.0)) / m_runs, m_stage);
    }

    const ProgressCallback& m_report;
    int m_runs;
    int m_epochs;
    int m_run = 0;
    std::string m_stage;
};

TrainingResult train(const TrainingConfig& config, const Dataset& data, const StopFlag& stop,
                     const TuningCallbacks& callbacks, TuningProgress& progress)
{
    const Trainer::BatchCallback onBatch = [&](const BatchReport& report) {
        progress.batch(report.epoch, report.batch, report.batches);
        if (callbacks.onBatch)
            callbacks.onBatch(report);
    };
    return Trainer(config).run(data, stop, callbacks.onEpoch, onBatch);
}

TuningPointResult scorePoint(const TuningPoint& point, int index, int count,
                             const TrainingResult& run)
{
    TuningPointResult result;
    result.point = point;
    result.index = index;
    result.count = count;
    for (const EpochReport& r : run.state.history)
        result.seconds += r.seconds + r.evalSeconds;
    if (!run.state.history.empty())
        result.validationAccuracy = run.state.history.back().validationAccuracy;
    result.calibration = run.state.calibration;
    result.warnings = run.warnings;
    return result;
}

} // namespace

int bestPoint(const std::vector<TuningPointResult>& points)
{
    int best = points.empty() ? -1 : 0;
    for (int i = 1; i < static_cast<int>(points.size()); ++i) {
        const double current = points[static_cast<std::size_t>(best)].validationAccuracy;
        if (std::isnan(current) || points[static_cast<std::size_t>(i)].validationAccuracy > current)
            best = i;
    }
    return best;
}

std::vector<double> TuningGrid::powersOfTen(int lowest, int highest)
{
    std::vector<double> values;
    for (int e = lowest; e <= highest; ++e)
        values.push_back(std::pow(10.0, e));
    return values;
}

std::vector<double> TuningGrid::doublings(double first, int count)
{
    std::vector<double> values;
    for (int k = 0; k < count; ++k)
        values.push_back(std::ldexp(first, k));
    return values;
}

TrainingConfig TuningPoint::applyTo(TrainingConfig base) const
{
    base.tau = tau;
    base.lambda1 = lambda1;
    base.lambda2 = lambda2;
    base.attributeStats = attributeStats;
    base.eszslGamma = eszslGamma;
    base.eszslLambda = eszslLambda;
    base.saeLambda = saeLambda;
    return base;
}

bool TuningPoint::operator==(const TuningPoint& other) const
{
    return tau == other.tau && lambda1 == other.lambda1 && lambda2 == other.lambda2 &&
           attributeStats == other.attributeStats && eszslGamma == other.eszslGamma &&
           eszslLambda == other.eszslLambda && saeLambda == other.saeLambda;
}

std::string describePoint(const TuningPoint& p, Method method)
{
    char text[128];
    if (method == Method::Eszsl)
        std::snprintf(text, sizeof text, "γ %g, λ %g", p.eszslGamma, p.eszslLambda);
    else if (method == Method::Sae)
        std::snprintf(text, sizeof text, "λ %g", p.saeLambda);
    else
        std::snprintf(text, sizeof text, "τ %g, λ1 %g, λ2 %g, attributes %s", p.tau, p.lambda1,
                      p.lambda2, attributeStatsName(p.attributeStats));
    return text;
}

namespace {

// The point of `base` itself: what the grid does not vary keeps base's value.
TuningPoint basePoint(const TrainingConfig& base)
{
    return {effectiveTau(base), effectiveLambda1(base), effectiveLambda2(base), base.attributeStats,
            base.eszslGamma,    base.eszslLambda,       base.saeLambda};
}

void addDistinct(std::vector<TuningPoint>& points, const TrainingConfig& base, TuningPoint p)
{
    const TrainingConfig config = p.applyTo(base);
    validateConfig(config);
    p.tau = effectiveTau(config);
    p.lambda1 = effectiveLambda1(config);
    p.lambda2 = effectiveLambda2(config);
    if (std::find(points.begin(), points.end(), p) == points.end())
        points.push_back(p);
}

} // namespace

std::vector<TuningPoint> tuningPoints(const TrainingConfig& base, const TuningGrid& grid)
{
    std::vector<TuningPoint> points;
    TuningPoint p = basePoint(base);
    if (base.method == Method::Eszsl) {
        requireValues(grid.eszslGammas, "ESZSL γ");
        requireValues(grid.eszslLambdas, "ESZSL λ");
        for (double gamma : grid.eszslGammas)
            for (double lambda : grid.eszslLambdas) {
                p.eszslGamma = gamma;
                p.eszslLambda = lambda;
                addDistinct(points, base, p);
            }
        return points;
    }
    if (base.method == Method::Sae) {
        requireValues(grid.saeLambdas, "SAE λ");
        for (double lambda : grid.saeLambdas) {
            p.saeLambda = lambda;
            addDistinct(points, base, p);
        }
        return points;
    }
    requireValues(grid.taus, "τ");
    requireValues(grid.lambda1s, "λ1");
    requireValues(grid.lambda2s, "λ2");
    const std::vector<AttributeStats> statistics =
        grid.attributeStats.empty() ? std::vector<AttributeStats>{base.attributeStats}
                                    : grid.attributeStats;
    for (double tau : grid.taus)
        for (double lambda1 : grid.lambda1s)
            for (double lambda2 : grid.lambda2s)
                for (AttributeStats stats : statistics)
                    addDistinct(
                        points, base,
                        {tau, lambda1, lambda2, stats, p.eszslGamma, p.eszslLambda, p.saeLambda});
    return points;
}

TuningResult tune(const TrainingConfig& base, const TuningGrid& grid, const Dataset& data,
                  const StopFlag& stop, const TuningCallbacks& callbacks)
{
    if (data.split(Split::Val).empty())
        throw DataError("dataset '" + data.name +
                        "': '/splits/val' is empty; tuning needs a validation split");
    const std::vector<TuningPoint> points = tuningPoints(base, grid);
    const int count = static_cast<int>(points.size());
    const bool closedForm = isClosedForm(base.method);
    TuningProgress progress(callbacks.onProgress, count, closedForm ? 1 : base.epochs);
    // ESZSL and SAE: XXᵀ and its eigendecomposition once for the grid, then one solve a point.
    std::optional<ClosedFormTuning> solver;
    if (closedForm) {
        progress.startRun(0, "preparing " + std::string(methodName(base.method)));
        solver.emplace(base, data);
    }
    TuningResult result;
    for (int i = 0; i < count; ++i) {
        const TuningPoint& point = points[static_cast<std::size_t>(i)];
        TrainingConfig config = point.applyTo(base);
        config.trainSplit = Split::Train;
        config.evaluateEachEpoch = true; // the validation accuracy is the point's score
        config.checkpointPath.clear();
        if (callbacks.onPointStarted)
            callbacks.onPointStarted(point, i, count);
        progress.startRun(i, "point " + std::to_string(i + 1) + " of " + std::to_string(count) +
                                 ": " + describePoint(point, base.method));
        const bool stopped = stop.isRequested();
        const TrainingResult run = stopped  ? TrainingResult{}
                                   : solver ? solver->solve(config)
                                            : train(config, data, stop, callbacks, progress);
        if (stopped || run.stopped) {
            result.stopped = true;
            result.chosen = bestPoint(result.points);
            return result;
        }
        result.points.push_back(scorePoint(point, i, count, run));
        if (callbacks.onPointFinished)
            callbacks.onPointFinished(result.points.back());
    }
    result.chosen = bestPoint(result.points);
    const TuningPointResult& chosen = result.points[static_cast<std::size_t>(result.chosen)];
    TrainingConfig final = chosen.point.applyTo(base);
    final.trainSplit = Split::Trainval;
    if (callbacks.onRetrainStarted)
        callbacks.onRetrainStarted(chosen);
    progress.startRun(count, std::string(solver ? "solving " : "training ") +
                                 describePoint(chosen.point, base.method) + " on trainval");
    result.final = solver ? trainClosedForm(final, data, stop, callbacks.onEpoch)
                          : train(final, data, stop, callbacks, progress);
    result.final.state.calibration = chosen.calibration;
    result.retrained = true;
    result.stopped = result.final.stopped;
    if (!result.stopped)
        progress.finish();
    return result;
}

} // namespace semrel
