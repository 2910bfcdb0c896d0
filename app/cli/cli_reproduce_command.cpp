// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// `semrel reproduce`: the paper's protocol on every xlsa17 folder under a directory, the report
// beside the paper's numbers (core: reproduction/reproduction.h).
#include "commands.h"
#include "install/version.h"
#include "protocol_options.h"
#include "training_run.h"

#include <semrel/errors.h>
#include <semrel/reproduction/reproduction.h>
#include <semrel/runs/run_record.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace semrel::cli {

namespace {

struct ReproduceOptions
{
    ReproductionOptions run;
    std::string methods = "proposed,b1,b2,b3,eszsl,sae";
    std::string taus = "0,0.2,0.4";
    std::string lambda1s = "0.5,1";
    std::string lambda2s = "0.5,1";
    std::string eszslGammas, eszslLambdas, saeLambdas;
    ProtocolOptions protocol;
    bool json = false;
};

std::vector<std::string> items(const std::string& text)
{
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty())
            out.push_back(item);
    return out;
}

std::vector<double> numbers(const std::string& text, const char* option)
{
    std::vector<double> out;
    for (const std::string& item : items(text)) {
        std::size_t used = 0;
        double value = 0.0;
        try {
            value = std::stod(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != item.size())
            throw Error(std::string(option) + ": '" + item + "' is not a number");
        out.push_back(value);
    }
    if (out.empty())
        throw Error(std::string(option) + ": no values");
    return out;
}

// The options as the core takes them; throws Error naming the option.
ReproductionOptions finish(const ReproduceOptions& o)
{
    ReproductionOptions r = o.run;
    r.methods.clear();
    for (const std::string& name : items(o.methods))
        r.methods.push_back(methodFromName(name));
    r.attributeStats =
        o.protocol.attributeStats == "both"
            ? std::vector<AttributeStats>{AttributeStats::Seen, AttributeStats::All}
            : std::vector<AttributeStats>{attributeStatsFromName(o.protocol.attributeStats)};
    applyProtocolOptions(o.protocol, r.base);
    r.grid.taus = numbers(o.taus, "--taus");
    r.grid.lambda1s = numbers(o.lambda1s, "--lambda1s");
    r.grid.lambda2s = numbers(o.lambda2s, "--lambda2s");
    if (!o.eszslGammas.empty())
        r.grid.eszslGammas = numbers(o.eszslGammas, "--eszsl-gammas");
    if (!o.eszslLambdas.empty())
        r.grid.eszslLambdas = numbers(o.eszslLambdas, "--eszsl-lambdas");
    if (!o.saeLambdas.empty())
        r.grid.saeLambdas = numbers(o.saeLambdas, "--sae-lambdas");
    r.programVersion = app::programVersion();
    validateConfig(r.base);
    return r;
}

void addOptions(CLI::App* cmd, ReproduceOptions& o)
{
    cmd->add_option("--xlsa17", o.run.xlsa17Dir,
                    "folder holding one xlsa17 folder per dataset (res101.mat, att_splits.mat)")
        ->required();
    cmd->add_option("-o,--output", o.run.reportDir,
                    "report folder: journal.json, report.md, report.csv, report.json")
        ->required();
    cmd->add_option("--seeds", o.run.seeds, "final trainings per network method")
        ->capture_default_str();
    cmd->add_option("--first-seed", o.run.firstSeed, "the first seed")->capture_default_str();
    cmd->add_option("--epochs", o.run.epochs, "epochs of every network training")
        ->capture_default_str();
    cmd->add_option("--methods", o.methods, "comma-separated methods")->capture_default_str();
    cmd->add_option("--taus", o.taus, "comma-separated τ values")->capture_default_str();
    cmd->add_option("--lambda1s", o.lambda1s, "comma-separated λ1 values")->capture_default_str();
    cmd->add_option("--lambda2s", o.lambda2s, "comma-separated λ2 values")->capture_default_str();
    cmd->add_option("--eszsl-gammas", o.eszslGammas, "ESZSL γ values (default 0.001 ... 1000)");
    cmd->add_option("--eszsl-lambdas", o.eszslLambdas, "ESZSL λ values (default 0.001 ... 1000)");
    cmd->add_option("--sae-lambdas", o.saeLambdas, "SAE λ values (default 0.005 · 2^k, k ≤ 20)");
    cmd->add_option("--batch", o.run.base.batchSize, "batch size")->capture_default_str();
    cmd->add_option("--candidates", o.run.base.candidates, "p: candidates mined per side")
        ->capture_default_str();
    cmd->add_option("--threads", o.run.base.threads, "threads (0: all cores but one)")
        ->capture_default_str();
    cmd->add_flag("--json", o.json, "print report.json on stdout at the end");
    o.protocol.attributeStats = "both";
    addProtocolOptions(cmd, o.protocol, /*fixedValues=*/false, /*allowBoth=*/true);
}

void printFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::fputs((std::stringstream() << in.rdbuf()).str().c_str(), stdout);
}

} // namespace

void addReproduceCommand(CLI::App& app)
{
    auto* cmd = app.add_subcommand(
        "reproduce", "Run the paper's protocol on every xlsa17 dataset folder, every method, "
                     "N seeds; write the tables beside the paper's numbers (resumable)");
    auto o = std::make_shared<ReproduceOptions>();
    addOptions(cmd, *o);
    cmd->callback([o] {
        const ReproductionOptions options = finish(*o);
        const std::string runs = runsFolder(o->protocol);
        TrainingChatter chatter(options.epochs, Chatter::Epochs);
        ReproductionCallbacks callbacks;
        callbacks.onStage = [&](const std::string& stage, Method method) {
            chatter.endBar();
            chatter.setClosedForm(isClosedForm(method));
            std::fprintf(stderr, "reproduce: %s\n", stage.c_str());
        };
        callbacks.onEntry = [&](const ReproductionEntry& entry) {
            if (entry.kind == ReproductionEntry::Kind::Run)
                recordRun(runs, recordOfReproduction(entry));
        };
        callbacks.onEpoch = chatter.epochCallback();
        callbacks.onBatch = chatter.batchCallback();
        printComputeSummary(options.base.threads);
        StopFlag stop;
        ReproductionResult result;
        {
            InterruptGuard guard(stop);
            result = reproduce(options, stop, callbacks);
        }
        chatter.endBar();
        const std::string report = options.reportDir + "/report.md";
        std::fprintf(stderr, "reproduce: %d units reused from the journal, %d run now; wrote %s\n",
                     result.reused, result.added, report.c_str());
        if (result.stopped)
            throw TrainingError("stopped; " + report +
                                " is a partial report: run the same command to finish it");
        if (o->json)
            printFile(options.reportDir + "/report.json");
    });
}

} // namespace semrel::cli
