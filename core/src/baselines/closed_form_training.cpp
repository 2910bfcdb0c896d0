// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "baselines/closed_form_training.h"

#include "baselines/closed_form_model.h"
#include "baselines/eszsl_solver.h"
#include "baselines/sae_solver.h"
#include "evaluation/class_scorer.h"
#include "training/training_rows.h"

#include <semrel/errors.h>
#include <semrel/evaluation/calibration.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/kernels/threads.h>

#include <chrono>
#include <optional>

namespace semrel {

// Whichever of the two methods `config` names, prepared once on `rows`.
class ClosedFormSolver
{
public:
    ClosedFormSolver(const TrainingConfig& config, const Dataset& data,
                     const std::vector<std::int64_t>& rows)
    {
        if (config.method == Method::Eszsl)
            m_eszsl.emplace(data, rows);
        else
            m_sae.emplace(data, rows);
    }

    NamedTensor solve(const TrainingConfig& config) const
    {
        if (m_eszsl) {
            FloatMatrix v = m_eszsl->solve(config.eszslGamma, config.eszslLambda);
            return {kEszslMatrix, {v.rows, v.cols}, std::move(v.values)};
        }
        FloatMatrix w = m_sae->solve(config.saeLambda);
        return {kSaeMatrix, {w.rows, w.cols}, std::move(w.values)};
    }

private:
    std::optional<EszslSolver> m_eszsl;
    std::optional<SaeSolver> m_sae;
};

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

Normalizer identity(std::int64_t columns)
{
    return {std::vector<float>(static_cast<std::size_t>(columns), 0.0f),
            std::vector<float>(static_cast<std::size_t>(columns), 1.0f)};
}

ModelState closedFormState(const TrainingConfig& config, const Dataset& data, NamedTensor matrix)
{
    ModelState state;
    state.config = config;
    describeDataset(state, data);
    state.featureNormalizer = identity(state.featureDim);
    state.embeddingNormalizer = identity(state.embeddingDim);
    state.parameters.push_back(std::move(matrix));
    state.completedEpochs = 1;
    return state;
}

// ZSL on `rows` among their own classes (a tuning run's val split).
double validationAccuracy(const RelationModel& model, const Dataset& data,
                          const std::vector<std::int64_t>& rows)
{
    const std::vector<std::int32_t> classes = classesOf(data, rows);
    if (classes.empty())
        return EpochReport::kNotMeasured;
    const ClassScorer scorer(model.scoringSpace(), classes);
    const ClassScores scores =
        scorer.score(data.features, rows, model.scoringSpace(), {classes}).front();
    std::vector<std::int32_t> truth;
    for (std::int64_t i : rows)
        truth.push_back(data.labels[static_cast<std::size_t>(i)]);
    return meanPerClassAccuracy(truth, scores.predicted, classes);
}

EpochReport measure(const RelationModel& model, const Dataset& data, const TrainingRows& rows)
{
    const TrainingConfig& config = model.state().config;
    EpochReport report;
    report.epoch = 1;
    if (config.trainSplit == Split::Train) {
        report.validationAccuracy = validationAccuracy(model, data, rows.tuning.validation);
    } else if (config.evaluateEachEpoch) {
        const EvaluationResult e = evaluate(model, data);
        report.zslAccuracy = e.zslAccuracy;
        report.gzslUnseen = e.gzslUnseen;
        report.gzslSeen = e.gzslSeen;
        report.gzslH = e.gzslH;
        report.ausuc = e.seenUnseen.ausuc;
    }
    return report;
}

// The solved model with its one report (and, for a tuning run, its calibration).
TrainingResult finish(const TrainingConfig& config, const Dataset& data, const TrainingRows& rows,
                      NamedTensor matrix, double solveSeconds)
{
    TrainingResult result;
    result.state = closedFormState(config, data, std::move(matrix));
    const RelationModel model(result.state);
    const Clock::time_point start = Clock::now();
    EpochReport report = measure(model, data, rows);
    if (config.trainSplit == Split::Train)
        result.state.calibration = calibrateOnValidation(model, data);
    report.seconds = solveSeconds;
    report.evalSeconds = secondsSince(start);
    result.state.history = {report};
    if (config.attributeStats == AttributeStats::All)
        result.warnings.push_back(std::string(methodName(config.method)) +
                                  " uses the class embeddings as stored: the attribute "
                                  "statistics setting does not apply to it");
    return result;
}

void prepare(const TrainingConfig& config, const Dataset& data)
{
    validateConfig(config);
    if (!isClosedForm(config.method))
        throw Error(std::string("method '") + methodName(config.method) +
                    "' is not solved in closed form");
    validateDataset(data, data.name.empty() ? std::string("dataset") : data.name);
    configureThreads(config.threads);
}

} // namespace

TrainingResult trainClosedForm(const TrainingConfig& config, const Dataset& data,
                               const StopFlag& stop, const Trainer::EpochCallback& onEpoch)
{
    prepare(config, data);
    TrainingResult result;
    if (stop.isRequested()) {
        result.stopped = true;
        return result;
    }
    const TrainingRows rows = trainingRows(data, config);
    const Clock::time_point start = Clock::now();
    const ClosedFormSolver solver(config, data, rows.train);
    NamedTensor matrix = solver.solve(config);
    result = finish(config, data, rows, std::move(matrix), secondsSince(start));
    if (onEpoch)
        onEpoch(result.state.history.back());
    return result;
}

ClosedFormTuning::ClosedFormTuning(const TrainingConfig& base, const Dataset& data) : m_data(data)
{
    prepare(base, data);
    TrainingConfig tuning = base;
    tuning.trainSplit = Split::Train;
    m_rows = trainingRows(data, tuning);
    m_solver = std::make_unique<const ClosedFormSolver>(tuning, data, m_rows.train);
}

ClosedFormTuning::~ClosedFormTuning() = default;

TrainingResult ClosedFormTuning::solve(const TrainingConfig& point) const
{
    const Clock::time_point start = Clock::now();
    NamedTensor matrix = m_solver->solve(point);
    return finish(point, m_data, m_rows, std::move(matrix), secondsSince(start));
}

} // namespace semrel
