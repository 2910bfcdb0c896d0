// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The data verbs: info, import, synth.
#include "commands.h"
#include "json_output.h"
#include "option_checks.h"
#include "progress_bar.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/dataset/dataset_summary.h>
#include <semrel/dataset/document.h>
#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/errors.h>
#include <semrel/reports/history_csv.h>
#include <semrel/xlsa17/xlsa17_import.h>

#include <cstdio>
#include <memory>
#include <string>

namespace semrel::cli {

namespace {

void printSummary(const DatasetSummary& s)
{
    // Name, source and warnings come from the file: printed as text, never as terminal codes.
    std::printf("dataset     %s\n", printable(s.name).c_str());
    std::printf("source      %s\n", printable(s.source).c_str());
    std::printf("samples     %lld (features of dimension %lld)\n",
                static_cast<long long>(s.samples), static_cast<long long>(s.featureDim));
    std::printf("classes     %lld: %lld seen (%lld of them validation), %lld unseen; embeddings of "
                "dimension %lld\n",
                static_cast<long long>(s.classes), static_cast<long long>(s.seenClasses),
                static_cast<long long>(s.valClasses), static_cast<long long>(s.unseenClasses),
                static_cast<long long>(s.embeddingDim));
    for (Split split : kAllSplits)
        std::printf("split       %-12s %lld samples\n", splitName(split),
                    static_cast<long long>(s.splitSizes[static_cast<int>(split)]));
    const TuningSplitCounts& t = s.tuningSplits;
    if (t.train != t.trainInTrainval || t.val != t.valInTrainval)
        std::printf("tuning      train %lld and val %lld samples, of which %lld and %lld are in "
                    "trainval: tuning uses those only (test_seen samples stay out of model "
                    "selection; --tuning-splits raw keeps them)\n",
                    static_cast<long long>(t.train), static_cast<long long>(t.val),
                    static_cast<long long>(t.trainInTrainval),
                    static_cast<long long>(t.valInTrainval));
    else
        std::printf("tuning      train and val are trainval samples only\n");
    std::printf("images      %s\n", s.hasImagePixels  ? "pixels stored in the file"
                                    : s.hasImagePaths ? "paths only"
                                                      : "none");
    for (const std::string& warning : s.warnings)
        std::printf("warning     %s\n", printable(warning).c_str());
}

} // namespace

void addInfoCommand(CLI::App& app)
{
    auto* cmd = app.add_subcommand("info", "Describe a dataset file, xlsa17 folder or model file");
    auto path = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    auto historyCsv = std::make_shared<std::string>();
    cmd->add_option("FILE", *path, "dataset or model .h5 file, or xlsa17 folder")->required();
    cmd->add_flag("--json", *json, "print the summary as JSON on stdout");
    cmd->add_option("--history-csv", *historyCsv,
                    "for a model file: also write its training history as CSV to this file");
    cmd->callback([path, json, historyCsv] {
        if (!historyCsv->empty() && documentKind(*path) != DocumentKind::ModelFile)
            throw Error("--history-csv: " + *path + " is a dataset; only a model has a history");
        std::unique_ptr<ProgressBar> bar;
        if (!*json)
            bar = std::make_unique<ProgressBar>("loading");
        const Document document = openDocument(*path, bar ? bar->callback() : ProgressCallback{});
        bar.reset();
        if (document.model) {
            if (!historyCsv->empty()) {
                writeHistoryCsv({{*path, document.model->history}}, *historyCsv);
                std::fprintf(stderr, "wrote %s\n", historyCsv->c_str());
            }
            describeModel(*document.model, *path, *json);
            return;
        }
        const DatasetSummary summary = summarizeDataset(*document.dataset);
        if (*json)
            printJson(toJson(summary));
        else
            printSummary(summary);
    });
}

void addImportCommand(CLI::App& app)
{
    auto* cmd = app.add_subcommand("import", "Import an xlsa17 dataset folder into a .h5 dataset");
    auto directory = std::make_shared<std::string>();
    auto output = std::make_shared<std::string>();
    cmd->add_option("--xlsa17", *directory, "folder with res101.mat and att_splits.mat")
        ->required();
    cmd->add_option("-o,--output", *output, "dataset file to write")->required();
    cmd->callback([directory, output] {
        checkOutput("-o", *output, datasetInputFiles(*directory));
        Dataset data;
        {
            ProgressBar bar("importing");
            data = importXlsa17(*directory, bar.callback());
        }
        {
            ProgressBar bar("writing");
            writeDatasetFile(data, *output, bar.callback());
        }
        for (const std::string& warning : data.warnings)
            std::fprintf(stderr, "warning: %s\n", printable(warning).c_str());
        std::fprintf(stderr, "wrote %s: %lld samples, %lld classes\n", printable(*output).c_str(),
                     static_cast<long long>(data.sampleCount()),
                     static_cast<long long>(data.classCount()));
    });
}

void addSynthCommand(CLI::App& app)
{
    auto* cmd = app.add_subcommand(
        "synth", "Write a generated zero-shot dataset (features a noisy linear map of attributes)");
    auto spec = std::make_shared<SyntheticSpec>();
    auto output = std::make_shared<std::string>();
    auto namesPath = std::make_shared<std::string>();
    auto* classes = cmd->add_option("--classes", spec->classCount,
                                    "number of classes (default: 20, or the "
                                    "number of names in --class-names)")
                        ->check(naturalNumber());
    cmd->add_option("--unseen", spec->unseenClassCount, "unseen classes (the last ones)")
        ->check(naturalNumber())
        ->capture_default_str();
    cmd->add_option("--val", spec->valClassCount, "validation classes among the seen")
        ->check(naturalNumber())
        ->capture_default_str();
    cmd->add_option("--samples", spec->samplesPerClass, "samples per class")
        ->check(naturalNumber())
        ->capture_default_str();
    cmd->add_option("--features", spec->featureDim, "feature dimension")
        ->check(naturalNumber())
        ->capture_default_str();
    cmd->add_option("--test-seen", spec->testSeenFraction,
                    "share of a seen class's samples kept for test_seen, in [0, 1)")
        ->check(realNumber())
        ->capture_default_str();
    cmd->add_option("--attributes", spec->embeddingDim, "attribute dimension")
        ->check(naturalNumber())
        ->capture_default_str();
    cmd->add_option("--noise", spec->noise, "feature noise (std)")
        ->check(realNumber())
        ->capture_default_str();
    cmd->add_option("--seed", spec->seed, "random seed")
        ->check(naturalNumber())
        ->capture_default_str();
    cmd->add_option("--class-names", *namesPath,
                    "text file with one class name per line, in order: training, validation, "
                    "then unseen classes");
    cmd->add_option("-o,--output", *output, "dataset file to write")->required();
    cmd->callback([spec, output, namesPath, classes] {
        if (!namesPath->empty()) {
            spec->classNames = readClassNamesFile(*namesPath);
            if (classes->count() == 0)
                spec->classCount = static_cast<int>(spec->classNames.size());
        }
        validateSyntheticSpec(*spec);
        std::vector<std::string> inputs;
        if (!namesPath->empty())
            inputs.push_back(*namesPath);
        checkOutput("-o", *output, inputs);
        const Dataset data = makeSyntheticDataset(*spec);
        {
            ProgressBar bar("writing");
            writeDatasetFile(data, *output, bar.callback());
        }
        std::fprintf(stderr, "wrote %s: %lld samples, %lld classes (%d unseen)\n",
                     printable(*output).c_str(), static_cast<long long>(data.sampleCount()),
                     static_cast<long long>(data.classCount()), spec->unseenClassCount);
    });
}

} // namespace semrel::cli
