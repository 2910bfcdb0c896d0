// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The verbs that use a trained model: eval and relate, and `info` on a model file.
#include "commands.h"
#include "json_output.h"
#include "method_json.h"
#include "option_checks.h"
#include "protocol_options.h"
#include "training_run.h"

#include <semrel/dataset/dataset_summary.h>
#include <semrel/errors.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/inspector.h>
#include <semrel/evaluation/model_fit.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/kernels/threads.h>
#include <semrel/model_file/model_file.h>
#include <semrel/reports/similarity_csv.h>
#include <semrel/runs/run_record.h>
#include <semrel/training/tuning.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace semrel::cli {

namespace {

struct ModelAndData
{
    std::string modelPath;
    std::string dataPath;
    bool json = false;
    int threads = 0;
    std::string runsDir;
};

// "proposed, τ 0.2, λ1 1, λ2 0.5, attributes seen" or "eszsl, γ 0.1, λ 10": what the model is.
std::string settingsOf(const TrainingConfig& c)
{
    const TuningPoint p{effectiveTau(c), effectiveLambda1(c), effectiveLambda2(c), c.attributeStats,
                        c.eszslGamma,    c.eszslLambda,       c.saeLambda};
    std::string text = std::string(methodName(c.method)) + ", " + describePoint(p, c.method);
    if (c.method == Method::Sae)
        text += ", " + std::string(saeDirectionName(c.saeDirection));
    return text;
}

void addModelAndData(CLI::App* cmd, ModelAndData& o)
{
    cmd->add_option("MODEL", o.modelPath, "model .h5 file written by train or tune")->required();
    cmd->add_option("DATA", o.dataPath, "dataset .h5 file or xlsa17 folder")->required();
    cmd->add_flag("--json", o.json, "print the result as JSON on stdout");
    cmd->add_option("--threads", o.threads,
                    "threads (0: automatic, up to all cores; more than the cores: the cores)")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->add_option("--runs-dir", o.runsDir,
                    "also add the evaluated model to this runs folder (default: "
                    "$SEMREL_RUNS_DIR)");
}

// The files a verb on a model and a dataset reads: what an output may not be.
std::vector<std::string> inputFiles(const ModelAndData& o)
{
    std::vector<std::string> files = datasetInputFiles(o.dataPath);
    files.push_back(o.modelPath);
    return files;
}

// Checks the thread count, warns when it is above the cores, and sets it.
void useThreads(int requested)
{
    try {
        validateThreadCount(requested);
    } catch (const Error& e) {
        throw Error(std::string("--threads: ") + e.what());
    }
    warnAboutThreads(requested);
    configureThreads(requested);
}

// The model's numbers are only meaningful on the dataset it was trained on (or one with the same
// classes): say so when the splits differ, without refusing.
bool sameSplits(const ModelAndData& o, const ModelState& state, const Dataset& data)
{
    const bool same = state.splitsHash == hashOfSplits(data);
    if (!same)
        std::fprintf(stderr,
                     "warning: %s was trained on a dataset with other splits or labels than %s\n",
                     printable(o.modelPath).c_str(), printable(o.dataPath).c_str());
    return same;
}

// evaluate() and inspectFeature() name the dataset, not the file the user gave.
template <typename Fn> auto namingFile(const std::string& path, Fn&& fn)
{
    try {
        return fn();
    } catch (const DataError& e) {
        throw DataError(path + ": " + e.what());
    }
}

// readModelFile() names the file; RelationModel, which checks the weights against the network,
// does not know it.
RelationModel loadModel(const std::string& path)
{
    ModelState state = readModelFile(path);
    try {
        return RelationModel(std::move(state));
    } catch (const ModelError& e) {
        throw ModelError(path + ": " + e.what());
    }
}

std::string pct(double value)
{
    if (std::isnan(value))
        return "n/a";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", 100.0 * value);
    return text;
}

void printEvaluation(const EvaluationResult& r, const ModelState& s, const ModelAndData& o)
{
    std::printf("model       %s (%s; trained on %s)\n", printable(o.modelPath).c_str(),
                settingsOf(s.config).c_str(), printable(s.datasetName).c_str());
    std::printf("dataset     %s\n", printable(o.dataPath).c_str());
    std::printf("ZSL         %s  (mean per-class top-1 over %zu unseen classes, %zu samples)\n",
                pct(r.zslAccuracy).c_str(), r.unseenClasses.size(), r.zslPredictions.size());
    std::printf("GZSL        ts %s  tr %s  H %s\n", pct(r.gzslUnseen).c_str(),
                pct(r.gzslSeen).c_str(), pct(r.gzslH).c_str());
    std::printf("AUSUC       %s  (area under the seen-unseen curve of calibrated stacking)\n",
                pct(r.seenUnseen.ausuc).c_str());
    if (r.calibration.chosen())
        std::printf("calibrated  γ %.4g (chosen on validation): ts %s  tr %s  H %s\n",
                    r.calibration.gamma, pct(r.calibrated.unseenAccuracy).c_str(),
                    pct(r.calibrated.seenAccuracy).c_str(), pct(r.calibrated.harmonic).c_str());
    else
        std::printf("calibrated  no γ: the model was not tuned (semrel tune chooses it on "
                    "validation)\n");
    std::printf("per unseen class (ZSL)\n");
    for (std::size_t k = 0; k < r.unseenClasses.size(); ++k) {
        std::int64_t samples = 0;
        for (std::size_t p = 0; p < r.unseenClasses.size(); ++p)
            samples += r.zslConfusion.at(k, p);
        std::printf("  %-24s %7s  (%lld samples)\n",
                    s.classNames[static_cast<std::size_t>(r.unseenClasses[k])].c_str(),
                    pct(r.zslPerClass[k]).c_str(), static_cast<long long>(samples));
    }
}

std::string splitsOf(const Dataset& data, std::int64_t sample)
{
    std::string names;
    for (Split split : kAllSplits)
        for (std::int64_t i : data.split(split))
            if (i == sample) {
                names += (names.empty() ? "" : ", ") + std::string(splitName(split));
                break;
            }
    return names.empty() ? "none" : names;
}

} // namespace

void addEvalCommand(CLI::App& app)
{
    auto* cmd = app.add_subcommand("eval", "Evaluate a model: ZSL, GZSL ts, tr, H, per class");
    auto o = std::make_shared<ModelAndData>();
    addModelAndData(cmd, *o);
    cmd->callback([o] {
        useThreads(o->threads);
        const RelationModel model = loadModel(o->modelPath);
        const Dataset data = loadDatasetWithProgress(o->dataPath, o->json);
        requireModelFits(model.state(), data, o->dataPath);
        const bool same = sameSplits(*o, model.state(), data);
        const EvaluationResult result =
            namingFile(o->dataPath, [&] { return evaluate(model, data); });
        ProtocolOptions where;
        where.runsDir = o->runsDir;
        if (const std::string folder = runsFolder(where); !folder.empty()) {
            RunRecord record =
                recordOfModel(model.state(), &data, RunKind::LoadedModel, "semrel eval");
            // Absolute, so that the window finds it and a second eval of the file updates its run.
            std::error_code ec;
            const std::filesystem::path absolute = std::filesystem::absolute(o->modelPath, ec);
            record.modelPath = ec ? o->modelPath : absolute.lexically_normal().string();
            recordRun(folder, std::move(record));
        }
        if (!o->json) {
            printEvaluation(result, model.state(), *o);
            return;
        }
        nlohmann::json out = toJson(result, model.state().classNames);
        out["model"] = o->modelPath;
        out["dataset"] = o->dataPath;
        out["same_splits"] = same;
        out["config"] = toJson(model.state().config);
        printJson(out);
    });
}

void addRelateCommand(CLI::App& app)
{
    auto* cmd = app.add_subcommand(
        "relate", "How much one sample resembles every class (cosine with each mapped class)");
    auto o = std::make_shared<ModelAndData>();
    auto sample = std::make_shared<std::int64_t>(0);
    auto tau = std::make_shared<double>(0.0);
    auto csv = std::make_shared<std::string>();
    addModelAndData(cmd, *o);
    cmd->add_option("--sample", *sample, "sample index (0-based) in DATA")
        ->check(naturalNumber())
        ->required();
    auto* tauOpt = cmd->add_option("--tau", *tau, "threshold of 'similar' (default: the model's)")
                       ->check(realNumber());
    cmd->add_option("--csv", *csv, "also write the table as CSV to this file");
    cmd->callback([o, sample, tau, tauOpt, csv] {
        if (tauOpt->count() > 0)
            try {
                validateTau(*tau);
            } catch (const Error& e) {
                throw Error(std::string("--tau: ") + e.what());
            }
        if (!csv->empty())
            checkOutput("--csv", *csv, inputFiles(*o));
        useThreads(o->threads);
        const RelationModel model = loadModel(o->modelPath);
        const Dataset data = loadDatasetWithProgress(o->dataPath, o->json);
        requireModelFits(model.state(), data, o->dataPath);
        const bool same = sameSplits(*o, model.state(), data);
        try {
            requireSampleIndex(data, *sample, o->dataPath);
        } catch (const Error& e) {
            throw Error(std::string("--sample: ") + e.what());
        }
        InspectionOptions options;
        options.tau = tauOpt->count() > 0 ? *tau : effectiveTau(model.state().config);
        const float* row = data.features.row(*sample);
        const std::vector<float> feature(row, row + data.featureDim());
        const auto similarities =
            namingFile(o->dataPath, [&] { return inspectFeature(model, feature, options); });
        const std::int32_t truth = data.labels[static_cast<std::size_t>(*sample)];
        const std::string truthName = data.classNames[static_cast<std::size_t>(truth)];
        if (!csv->empty()) {
            writeSimilarityCsv(similarities, truth, options.tau, *csv);
            std::fprintf(stderr, "wrote %s\n", printable(*csv).c_str());
        }
        if (o->json) {
            printJson({{"model", o->modelPath},
                       {"dataset", o->dataPath},
                       {"same_splits", same},
                       {"sample", *sample},
                       {"splits", splitsOf(data, *sample)},
                       {"true_class", truthName},
                       {"tau", options.tau},
                       {"classes", toJson(similarities, truth)}});
            return;
        }
        std::printf("sample %lld of %s (%s), true class '%s'; similar when cosine >= %g\n",
                    static_cast<long long>(*sample), printable(o->dataPath).c_str(),
                    splitsOf(data, *sample).c_str(), truthName.c_str(), options.tau);
        int rank = 0;
        for (const ClassSimilarity& s : similarities)
            std::printf("%4d %c %-24s %+.3f  %-10s %s\n", ++rank, s.classIndex == truth ? '*' : ' ',
                        s.className.c_str(), s.similarity, relationName(s.relation),
                        s.seen ? "seen" : "unseen");
    });
}

void describeModel(const ModelState& s, const std::string& path, bool json)
{
    if (json) {
        nlohmann::json out = modelSummaryJson(s);
        out["path"] = path;
        printJson(out);
        return;
    }
    std::printf("model       %s\n", printable(path).c_str());
    std::printf("method      %s, seed %llu\n", settingsOf(s.config).c_str(),
                static_cast<unsigned long long>(s.config.seed));
    std::printf("protocol    %s; trained on %s",
                isClosedForm(s.config.method) ? "class embeddings as stored"
                : s.config.attributeStats == AttributeStats::All
                    ? "attribute statistics over all classes"
                    : "attribute statistics over the seen classes",
                splitName(s.config.trainSplit));
    if (s.config.trainSplit == Split::Train)
        std::printf(" (tuning splits %s, seen holdout %g)", tuningSplitsName(s.config.tuningSplits),
                    s.config.seenHoldout);
    std::printf("\n");
    if (s.calibration.chosen())
        std::printf("calibrated  γ %.4g chosen on validation (ts %s, tr %s, H %s there)\n",
                    s.calibration.gamma, pct(s.calibration.validationUnseen).c_str(),
                    pct(s.calibration.validationSeen).c_str(),
                    pct(s.calibration.validationHarmonic).c_str());
    std::printf("trained on  %s (splits %s), %zu seen and %zu unseen classes\n",
                printable(s.datasetName).c_str(), printable(s.splitsHash).c_str(),
                s.seenClasses.size(), s.unseenClasses.size());
    std::printf("dimensions  features %lld, embeddings %lld\n",
                static_cast<long long>(s.featureDim), static_cast<long long>(s.embeddingDim));
    std::int64_t parameters = 0;
    for (const NamedTensor& p : s.parameters)
        parameters += static_cast<std::int64_t>(p.values.size());
    std::printf("%s %lld parameters in %zu tensors\n",
                isClosedForm(s.config.method) ? "closed form" : "network    ",
                static_cast<long long>(parameters), s.parameters.size());
    for (const EpochReport& r : s.history)
        std::printf("history     %s\n",
                    epochLine(r, s.config.epochs, isClosedForm(s.config.method)).c_str());
    if (!s.optimizerState.empty())
        std::printf("checkpoint  optimiser state after epoch %d\n", s.completedEpochs);
}

} // namespace semrel::cli
