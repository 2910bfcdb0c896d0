// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The training verbs: train and tune.
#include "commands.h"
#include "json_output.h"
#include "method_json.h"
#include "option_checks.h"
#include "protocol_options.h"
#include "training_run.h"

#include <semrel/dataset/dataset_summary.h>
#include <semrel/errors.h>
#include <semrel/method/training_config.h>
#include <semrel/model_file/model_file.h>
#include <semrel/runs/run_record.h>
#include <semrel/storage/output_file.h>
#include <semrel/training/tuning.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
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
    ProtocolOptions protocol;
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
    cmd->add_option("--method", o.method,
                    "proposed, b1, b2, b3, or the baselines eszsl and sae (closed form)")
        ->capture_default_str();
    cmd->add_option("--candidates", o.config.candidates, "p: candidates mined per side")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->add_flag("--bf16-mining", o.config.bf16Mining,
                  "score the mined candidates on a bfloat16 copy of the features (faster, not "
                  "exact; the winner's score recomputed in float)");
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
    applyProtocolOptions(o.protocol, config);
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

// The model's run in the runs folder, when there is one: evaluated on `data` for the table.
void recordModel(const CommonOptions& o, const ModelState& model, const Dataset& data,
                 const char* source)
{
    const std::string folder = runsFolder(o.protocol);
    if (folder.empty())
        return;
    RunRecord record = recordOfModel(model, &data, RunKind::Training, source);
    std::error_code ec;
    record.modelPath = std::filesystem::absolute(o.output, ec).string();
    recordRun(folder, std::move(record));
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

nlohmann::json pointJson(const TuningPointResult& p)
{
    return {{"tau", p.point.tau},
            {"lambda1", p.point.lambda1},
            {"lambda2", p.point.lambda2},
            {"attribute_stats", attributeStatsName(p.point.attributeStats)},
            {"eszsl_gamma", p.point.eszslGamma},
            {"eszsl_lambda", p.point.eszslLambda},
            {"sae_lambda", p.point.saeLambda},
            {"validation_accuracy", std::isnan(p.validationAccuracy)
                                        ? nlohmann::json(nullptr)
                                        : nlohmann::json(p.validationAccuracy)},
            {"calibration", toJson(p.calibration)},
            {"seconds", p.seconds}};
}

// ESZSL and SAE choose on validation what the command line did not fix: the grid of the missing
// values (the public implementation's), or nothing to search when every value is given.
std::optional<TuningGrid> closedFormSearch(const TrainingConfig& config, const CLI::App& cmd)
{
    TuningGrid grid;
    if (config.method == Method::Eszsl) {
        const bool gamma = cmd.count("--eszsl-gamma") > 0;
        const bool lambda = cmd.count("--eszsl-lambda") > 0;
        if (gamma && lambda)
            return std::nullopt;
        if (gamma)
            grid.eszslGammas = {config.eszslGamma};
        if (lambda)
            grid.eszslLambdas = {config.eszslLambda};
        return grid;
    }
    if (config.method == Method::Sae && cmd.count("--sae-lambda") == 0)
        return grid;
    return std::nullopt;
}

// The tuning service with the command line's chatter: a line per grid point and per epoch, then
// the final training as `train` shows it. Each grid point joins `runsFolder` when it is set.
// Ctrl-C stops it.
TuningResult runTuning(const TrainingConfig& base, const TuningGrid& grid, const Dataset& data,
                       const std::string& runsFolder)
{
    TrainingChatter chatter(base.epochs, Chatter::Epochs);
    chatter.setClosedForm(isClosedForm(base.method));
    TuningCallbacks callbacks;
    callbacks.onPointStarted = [&](const TuningPoint& p, int index, int count) {
        std::fprintf(stderr, "tune: point %d of %d: %s\n", index + 1, count,
                     describePoint(p, base.method).c_str());
    };
    callbacks.onPointFinished = [&](const TuningPointResult& r) {
        for (const std::string& warning : r.warnings)
            std::fprintf(stderr, "warning: %s\n", warning.c_str());
        if (isClosedForm(base.method))
            std::fprintf(stderr, "tune: validation %.1f%%\n", 100.0 * r.validationAccuracy);
        recordRun(runsFolder, recordOfTuningPoint(base, r, data, "semrel tune"));
    };
    callbacks.onRetrainStarted = [&](const TuningPointResult& chosen) {
        std::fprintf(stderr, "tune: chose %s (validation %.1f%%); training on trainval\n",
                     describePoint(chosen.point, base.method).c_str(),
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
    addProtocolOptions(cmd, o->protocol, /*fixedValues=*/true, /*allowBoth=*/false);
    // What defines the run cannot change half-way: only length, threads and checkpointing can.
    for (CLI::Option* fixed : {tau, l1, l2})
        resumeOpt->excludes(fixed);
    resumeOpt->excludes("--method")->excludes("--preset")->excludes("--candidates");
    resumeOpt->excludes("--batch")->excludes("--seed")->excludes("--bf16-mining");
    resumeOpt->excludes("--encoder-hidden")->excludes("--decoder-hidden");
    for (const char* choice :
         {"--attribute-stats", "--tuning-splits", "--seen-holdout", "--sae-direction",
          "--eszsl-gamma", "--eszsl-lambda", "--sae-lambda"})
        resumeOpt->excludes(choice);

    cmd->callback([o, resume, cmd] {
        checkOutputs(*o, *resume);
        if (resume->empty())
            validateConfig(o->config); // the numbers now; the network's shape once data is read
        else if (cmd->count("--threads") > 0)
            validateThreadCount(o->config.threads);
        // Trained on in place: after training, only the test rows are evaluated on it.
        Dataset data = loadDatasetWithProgress(o->data, o->json);
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
            const std::optional<TuningGrid> search = closedFormSearch(config, *cmd);
            result = search ? runTuning(config, *search, data, runsFolder(o->protocol)).final
                            : runTraining(config, data, nullptr, Chatter::Full);
        }
        requireTrained(result);
        writeModelFile(result.state, o->output);
        std::fprintf(stderr, "wrote %s\n", printable(o->output).c_str());
        recordModel(*o, result.state, data, "semrel train");
        if (o->json)
            printJson(modelSummaryJson(result.state));
    });
}

void addTuneCommand(CLI::App& app)
{
    auto* cmd = app.add_subcommand("tune", "Choose τ, λ1, λ2 (or ESZSL's and SAE's values) on the "
                                           "validation split, then train on trainval and write");
    auto o = std::make_shared<CommonOptions>();
    auto taus = std::make_shared<std::string>("0,0.2,0.4");
    auto lambda1s = std::make_shared<std::string>("0.5,1");
    auto lambda2s = std::make_shared<std::string>("0.5,1");
    o->config.epochs = 5; // the paper reaches ~80% of its best validation accuracy by then
    addCommonOptions(cmd, *o);
    cmd->add_option("--taus", *taus, "comma-separated τ values")->capture_default_str();
    cmd->add_option("--lambda1s", *lambda1s, "comma-separated λ1 values")->capture_default_str();
    cmd->add_option("--lambda2s", *lambda2s, "comma-separated λ2 values")->capture_default_str();
    auto closedForm = std::make_shared<std::array<std::string, 3>>();
    cmd->add_option("--eszsl-gammas", (*closedForm)[0],
                    "comma-separated ESZSL γ values (default 0.001 ... 1000, powers of ten)");
    cmd->add_option("--eszsl-lambdas", (*closedForm)[1],
                    "comma-separated ESZSL λ values (default 0.001 ... 1000, powers of ten)");
    cmd->add_option("--sae-lambdas", (*closedForm)[2],
                    "comma-separated SAE λ values (default 0.005 · 2^k, k = 0 ... 20)");
    cmd->add_option("--epochs", o->config.epochs, "epochs of every run")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->add_flag("--json", o->json, "print the grid, the choice and the final model as JSON");
    addProtocolOptions(cmd, o->protocol, /*fixedValues=*/false, /*allowBoth=*/true);

    cmd->callback([o, taus, lambda1s, lambda2s, closedForm] {
        checkOutput("-o", o->output, datasetInputFiles(o->data));
        // The numbers now; the grid's and the network's once the dataset is read.
        validateConfig(o->config);
        warnAboutThreads(o->config.threads);
        TuningGrid grid;
        grid.taus = parseList(*taus, "--taus");
        grid.lambda1s = parseList(*lambda1s, "--lambda1s");
        grid.lambda2s = parseList(*lambda2s, "--lambda2s");
        grid.attributeStats = statisticsToSearch(o->protocol);
        if (!(*closedForm)[0].empty())
            grid.eszslGammas = parseList((*closedForm)[0], "--eszsl-gammas");
        if (!(*closedForm)[1].empty())
            grid.eszslLambdas = parseList((*closedForm)[1], "--eszsl-lambdas");
        if (!(*closedForm)[2].empty())
            grid.saeLambdas = parseList((*closedForm)[2], "--sae-lambdas");
        const Dataset data = loadDatasetWithProgress(o->data, o->json);
        const TrainingConfig base = finishConfig(*o, data);
        const TuningResult tuning = runTuning(base, grid, data, runsFolder(o->protocol));
        requireTrained(tuning.final);
        writeModelFile(tuning.final.state, o->output);
        std::fprintf(stderr, "wrote %s\n", printable(o->output).c_str());
        recordModel(*o, tuning.final.state, data, "semrel tune");
        const auto best = static_cast<std::size_t>(tuning.chosen);
        if (o->json) {
            nlohmann::json points = nlohmann::json::array();
            for (const TuningPointResult& p : tuning.points)
                points.push_back(pointJson(p));
            printJson({{"grid", points},
                       {"chosen", pointJson(tuning.points[best])},
                       {"model", o->output},
                       {"final", modelSummaryJson(tuning.final.state)}});
        } else {
            for (const TuningPointResult& p : tuning.points)
                std::printf(
                    "%-44s validation %5.1f%%%s\n", describePoint(p.point, base.method).c_str(),
                    100.0 * p.validationAccuracy, &p == &tuning.points[best] ? "  <- chosen" : "");
            const Calibration& c = tuning.final.state.calibration;
            if (c.chosen())
                std::printf("calibrated stacking: γ %.4g chosen on validation (ts %.1f%%, tr "
                            "%.1f%%, H %.1f%% there)\n",
                            c.gamma, 100.0 * c.validationUnseen, 100.0 * c.validationSeen,
                            100.0 * c.validationHarmonic);
        }
    });
}

} // namespace semrel::cli
