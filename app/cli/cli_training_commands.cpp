// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The training verbs: train and tune.
#include "commands.h"
#include "json_output.h"
#include "method_json.h"
#include "option_checks.h"
#include "training_run.h"

#include <semrel/dataset/dataset_summary.h>
#include <semrel/errors.h>
#include <semrel/method/training_config.h>
#include <semrel/model_file/model_file.h>
#include <semrel/storage/output_file.h>
#include <semrel/training/tuning.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace semrel::cli {

namespace {

// The options train and tune share; `method`/`preset` stay strings until the action runs so
// that a wrong name is reported with the valid ones.
struct CommonOptions
{
    std::string data;
    std::string output;
    std::string method = "proposed";
    std::string preset;
    std::string encoderHidden;
    std::string decoderHidden;
    TrainingConfig config;
    bool json = false;
};

void addCommonOptions(CLI::App* cmd, CommonOptions& o)
{
    cmd->add_option("DATA", o.data, "dataset .h5 file or xlsa17 folder")->required();
    cmd->add_option("-o,--output", o.output, "model file to write")->required();
    cmd->add_option("--preset", o.preset,
                    "network shape of Table 1: sun, awa2, cub, apy (default: the dataset's name "
                    "when it is one of these, else awa2)");
    cmd->add_option("--encoder-hidden", o.encoderHidden,
                    "hidden widths of the encoder, e.g. 512,1024 (overrides the preset)");
    cmd->add_option("--decoder-hidden", o.decoderHidden,
                    "hidden widths of the decoder, e.g. 1024,512 (overrides the preset)");
    cmd->add_option("--method", o.method, "proposed, b1, b2 or b3")->capture_default_str();
    cmd->add_option("--candidates", o.config.candidates, "p: candidates mined per side")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->add_option("--batch", o.config.batchSize, "batch size")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->add_option("--seed", o.config.seed, "random seed")
        ->check(naturalNumber())
        ->capture_default_str();
    cmd->add_option("--threads", o.config.threads,
                    "threads (0: automatic, up to all cores; more than the cores: the cores)")
        ->check(wholeNumber())
        ->capture_default_str();
}

std::vector<int> parseWidths(const std::string& text, const char* option)
{
    std::vector<int> widths;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, end - start);
        std::size_t used = 0;
        int width = 0;
        try {
            width = std::stoi(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != item.size() || width < 1)
            throw Error(std::string(option) + ": '" + item + "' is not a layer width");
        widths.push_back(width);
        start = end + 1;
    }
    return widths;
}

// Turns the option strings into the config; throws Error naming the bad value.
TrainingConfig finishConfig(const CommonOptions& o, const Dataset& data)
{
    TrainingConfig config = o.config;
    config.method = methodFromName(o.method);
    const std::string preset = o.preset.empty() ? data.name : o.preset;
    if (auto shape = networkPreset(preset)) {
        config.network = *shape;
    } else if (!o.preset.empty()) {
        std::string known;
        for (const std::string& name : networkPresetNames())
            known += (known.empty() ? "" : ", ") + name;
        throw Error("--preset: unknown preset '" + o.preset + "' (known: " + known + ")");
    }
    if (!o.encoderHidden.empty())
        config.network.encoderHidden = parseWidths(o.encoderHidden, "--encoder-hidden");
    if (!o.decoderHidden.empty())
        config.network.decoderHidden = parseWidths(o.decoderHidden, "--decoder-hidden");
    return config;
}

// Where the run will write, checked before the dataset is loaded or an epoch trained: -o may be
// none of the inputs (the dataset's files, the checkpoint resumed); --checkpoint none of the
// dataset's files, but it may be the checkpoint resumed (read whole before the first write), so
// that `--resume ck.h5 --checkpoint ck.h5` goes on where it stopped. -o and --checkpoint are
// different files: the model would replace the checkpoint.
void checkOutputs(const CommonOptions& o, const std::string& resume)
{
    const std::vector<std::string> data = datasetInputFiles(o.data);
    std::vector<std::string> inputs = data;
    if (!resume.empty())
        inputs.push_back(resume);
    checkOutput("-o", o.output, inputs);
    const std::string& checkpoint = o.config.checkpointPath;
    if (checkpoint.empty())
        return;
    checkOutput("--checkpoint", checkpoint, data);
    namespace fs = std::filesystem;
    std::error_code error;
    if (isSameFile(checkpoint, o.output) ||
        fs::weakly_canonical(fs::absolute(checkpoint, error), error) ==
            fs::weakly_canonical(fs::absolute(o.output, error), error))
        throw Error("--checkpoint: " + checkpoint +
                    " is also the model file (-o); the model "
                    "would replace the checkpoint: give two files");
}

// The resume check of the trainer, first, so that its message names the checkpoint.
void requireResumable(const std::string& path, const TrainingConfig& config,
                      const ModelState& checkpoint, const Dataset& data)
{
    try {
        validateConfig(config);
        checkResumable(config, checkpoint, data);
    } catch (const Error& e) {
        throw TrainingError(path + ": " + e.what());
    }
}

void requireTrained(const TrainingResult& result)
{
    if (result.stopped && result.state.history.empty())
        throw TrainingError("stopped before the first epoch ended; no model written");
    if (result.stopped)
        std::fprintf(stderr, "stopped after epoch %d; writing the model of that epoch\n",
                     result.state.history.back().epoch);
}

} // namespace

void addTrainCommand(CLI::App& app)
{
    auto* cmd = app.add_subcommand("train", "Train a model on a dataset and write it");
    auto o = std::make_shared<CommonOptions>();
    auto resume = std::make_shared<std::string>();
    addCommonOptions(cmd, *o);
    auto* tau = cmd->add_option("--tau", o->config.tau, "similarity threshold τ")
                    ->check(realNumber())
                    ->capture_default_str();
    auto* l1 = cmd->add_option("--lambda1", o->config.lambda1, "weight λ1 of O2")
                   ->check(realNumber())
                   ->capture_default_str();
    auto* l2 = cmd->add_option("--lambda2", o->config.lambda2, "weight λ2 of O3")
                   ->check(realNumber())
                   ->capture_default_str();
    cmd->add_option("--epochs", o->config.epochs, "epochs (in total, when resuming)")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->add_option("--checkpoint", o->config.checkpointPath,
                    "write a checkpoint here after every epoch");
    auto* resumeOpt =
        cmd->add_option("--resume", *resume, "continue from this checkpoint (same dataset)");
    cmd->add_flag("--json", o->json, "print the model summary and history as JSON on stdout");
    // What defines the run cannot change half-way: only length, threads and checkpointing can.
    for (CLI::Option* fixed : {tau, l1, l2})
        resumeOpt->excludes(fixed);
    resumeOpt->excludes("--method")->excludes("--preset")->excludes("--candidates");
    resumeOpt->excludes("--batch")->excludes("--seed");
    resumeOpt->excludes("--encoder-hidden")->excludes("--decoder-hidden");

    cmd->callback([o, resume, cmd] {
        checkOutputs(*o, *resume);
        if (resume->empty())
            validateConfig(o->config); // the numbers now; the network's shape once data is read
        else if (cmd->count("--threads") > 0)
            validateThreadCount(o->config.threads);
        const Dataset data = loadDatasetWithProgress(o->data, o->json);
        TrainingResult result;
        if (!resume->empty()) {
            const ModelState checkpoint = readModelFile(*resume);
            TrainingConfig config = checkpoint.config;
            if (cmd->count("--epochs") > 0)
                config.epochs = o->config.epochs;
            if (cmd->count("--threads") > 0)
                config.threads = o->config.threads;
            config.checkpointPath = o->config.checkpointPath;
            if (checkpoint.splitsHash != hashOfSplits(data))
                throw DataError(o->data + ": not the dataset the checkpoint " + *resume +
                                " was trained on (its splits, labels or class names differ)");
            requireResumable(*resume, config, checkpoint, data);
            std::fprintf(stderr, "resuming %s after epoch %d of %d\n", printable(*resume).c_str(),
                         checkpoint.completedEpochs, config.epochs);
            result = runTraining(config, data, &checkpoint, Chatter::Full);
        } else {
            const TrainingConfig config = finishConfig(*o, data);
            validateConfig(config);
            result = runTraining(config, data, nullptr, Chatter::Full);
        }
        requireTrained(result);
        writeModelFile(result.state, o->output);
        std::fprintf(stderr, "wrote %s\n", printable(o->output).c_str());
        if (o->json)
            printJson(modelSummaryJson(result.state));
    });
}

namespace {

std::vector<double> parseList(const std::string& text, const char* option)
{
    std::vector<double> values;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, end - start);
        std::size_t used = 0;
        double value = 0.0;
        try {
            value = std::stod(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != item.size() || !std::isfinite(value))
            throw Error(std::string(option) + ": '" + item + "' is not a number");
        values.push_back(value);
        start = end + 1;
    }
    return values;
}

nlohmann::json toJson(const TuningPointResult& p)
{
    return {{"tau", p.point.tau},
            {"lambda1", p.point.lambda1},
            {"lambda2", p.point.lambda2},
            {"validation_accuracy", std::isnan(p.validationAccuracy)
                                        ? nlohmann::json(nullptr)
                                        : nlohmann::json(p.validationAccuracy)},
            {"seconds", p.seconds}};
}

// The tuning service with the command line's chatter: a line per grid point and per epoch, then
// the final training as `train` shows it. Ctrl-C stops it.
TuningResult runTuning(const TrainingConfig& base, const TuningGrid& grid, const Dataset& data)
{
    TrainingChatter chatter(base.epochs, Chatter::Epochs);
    TuningCallbacks callbacks;
    callbacks.onPointStarted = [](const TuningPoint& p, int, int) {
        std::fprintf(stderr, "tune: tau %g, lambda1 %g, lambda2 %g\n", p.tau, p.lambda1, p.lambda2);
    };
    callbacks.onPointFinished = [](const TuningPointResult& r) {
        for (const std::string& warning : r.warnings)
            std::fprintf(stderr, "warning: %s\n", warning.c_str());
    };
    callbacks.onRetrainStarted = [&](const TuningPointResult& chosen) {
        std::fprintf(stderr,
                     "tune: chose tau %g, lambda1 %g, lambda2 %g (validation %.1f%%); "
                     "training on trainval\n",
                     chosen.point.tau, chosen.point.lambda1, chosen.point.lambda2,
                     100.0 * chosen.validationAccuracy);
        printComputeSummary(base.threads);
        chatter.setChatter(Chatter::Full);
    };
    callbacks.onEpoch = chatter.epochCallback();
    callbacks.onBatch = chatter.batchCallback();
    StopFlag stop;
    InterruptGuard guard(stop);
    TuningResult result = tune(base, grid, data, stop, callbacks);
    chatter.endBar();
    if (!result.retrained)
        throw TrainingError("tuning stopped; no model written");
    for (const std::string& warning : result.final.warnings)
        std::fprintf(stderr, "warning: %s\n", warning.c_str());
    return result;
}

} // namespace

void addTuneCommand(CLI::App& app)
{
    auto* cmd = app.add_subcommand(
        "tune", "Choose τ, λ1, λ2 on the validation split, then train on trainval and write");
    auto o = std::make_shared<CommonOptions>();
    auto taus = std::make_shared<std::string>("0,0.2,0.4");
    auto lambda1s = std::make_shared<std::string>("0.5,1");
    auto lambda2s = std::make_shared<std::string>("0.5,1");
    o->config.epochs = 5; // the paper reaches ~80% of its best validation accuracy by then
    addCommonOptions(cmd, *o);
    cmd->add_option("--taus", *taus, "comma-separated τ values")->capture_default_str();
    cmd->add_option("--lambda1s", *lambda1s, "comma-separated λ1 values")->capture_default_str();
    cmd->add_option("--lambda2s", *lambda2s, "comma-separated λ2 values")->capture_default_str();
    cmd->add_option("--epochs", o->config.epochs, "epochs of every run")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->add_flag("--json", o->json, "print the grid, the choice and the final model as JSON");

    cmd->callback([o, taus, lambda1s, lambda2s] {
        checkOutput("-o", o->output, datasetInputFiles(o->data));
        // The numbers now; the grid's and the network's once the dataset is read.
        validateConfig(o->config);
        warnAboutThreads(o->config.threads);
        const std::vector<double> tauList = parseList(*taus, "--taus");
        const std::vector<double> lambda1List = parseList(*lambda1s, "--lambda1s");
        const std::vector<double> lambda2List = parseList(*lambda2s, "--lambda2s");
        const Dataset data = loadDatasetWithProgress(o->data, o->json);
        TuningGrid grid;
        grid.taus = tauList;
        grid.lambda1s = lambda1List;
        grid.lambda2s = lambda2List;
        const TuningResult tuning = runTuning(finishConfig(*o, data), grid, data);
        requireTrained(tuning.final);
        writeModelFile(tuning.final.state, o->output);
        std::fprintf(stderr, "wrote %s\n", printable(o->output).c_str());
        const auto best = static_cast<std::size_t>(tuning.chosen);
        if (o->json) {
            nlohmann::json points = nlohmann::json::array();
            for (const TuningPointResult& p : tuning.points)
                points.push_back(toJson(p));
            printJson({{"grid", points},
                       {"chosen", toJson(tuning.points[best])},
                       {"model", o->output},
                       {"final", modelSummaryJson(tuning.final.state)}});
        } else {
            for (const TuningPointResult& p : tuning.points)
                std::printf("tau %-6g lambda1 %-6g lambda2 %-6g validation %5.1f%%%s\n",
                            p.point.tau, p.point.lambda1, p.point.lambda2,
                            100.0 * p.validationAccuracy,
                            &p == &tuning.points[best] ? "  <- chosen" : "");
        }
    });
}

} // namespace semrel::cli
