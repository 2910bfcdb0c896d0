// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The demo verb: builds the Fashion-MNIST demo dataset and its feature extractor.
#include "commands.h"
#include "install/data_directory.h"
#include "option_checks.h"
#include "progress_bar.h"
#include "training_run.h"

#include <semrel/demo/fashion_mnist_demo.h>
#include <semrel/errors.h>
#include <semrel/method/training_config.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace semrel::cli {

namespace {

struct DemoOptions
{
    std::string source = "/usr/share/datasets/fashion-mnist";
    std::string attributes;
    std::string output;
    FashionMnistDemoSpec spec;
};

// The two files the demo writes may be none of its inputs; checked (and the folder made) before
// the CNN trains.
void checkDemoOutputs(const DemoOptions& o)
{
    validateThreadCount(o.spec.cnn.threads);
    warnAboutThreads(o.spec.cnn.threads);
    namespace fs = std::filesystem;
    std::error_code error;
    fs::create_directories(o.output, error);
    if (error)
        throw DataError("-o: " + o.output + ": cannot create the folder (" + error.message() + ")");
    std::vector<std::string> inputs = {o.attributes};
    for (const char* name : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                             "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"})
        inputs.push_back((fs::path(o.source) / name).string());
    for (const char* file : {kDemoDatasetFile, kDemoExtractorFile})
        checkOutput("-o", (fs::path(o.output) / file).string(), inputs);
}

} // namespace

void addDemoCommand(CLI::App& app)
{
    auto* cmd = app.add_subcommand(
        "demo", "Build the Fashion-MNIST demo: a CNN trained on the seen classes, its features, "
                "the attribute table and the images, in one dataset file");
    auto options = std::make_shared<DemoOptions>();
    FashionMnistDemoSpec& spec = options->spec;
    cmd->add_option("--source", options->source, "folder with Fashion-MNIST's four IDX .gz files")
        ->capture_default_str();
    cmd->add_option("--attributes", options->attributes,
                    "class-attribute table (default: the one installed with the program, "
                    "resources/fashion_mnist_attributes.csv in the source)");
    cmd->add_option("-o,--output", options->output,
                    std::string("folder to write ") + kDemoDatasetFile + " and " +
                        kDemoExtractorFile + " to")
        ->required();
    cmd->add_option("--cnn-images", spec.cnnImagesPerClass,
                    "training images per seen class for the CNN")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->add_option("--trainval", spec.trainvalPerClass, "trainval images per seen class")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->add_option("--test-seen", spec.testSeenPerClass, "test_seen images per seen class")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->add_option("--test-unseen", spec.testUnseenPerClass,
                    "test_unseen images per unseen class (at most 1000)")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->add_option("--epochs", spec.cnn.epochs, "CNN training epochs")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->add_option("--features", spec.cnn.featureDim, "feature dimension")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->add_option("--seed", spec.cnn.seed, "random seed of the CNN training")
        ->check(naturalNumber())
        ->capture_default_str();
    cmd->add_option("--threads", spec.cnn.threads,
                    "threads for the CNN training (the result is reproducible per count)")
        ->check(wholeNumber())
        ->capture_default_str();
    cmd->callback([options] {
        if (options->attributes.empty())
            options->attributes = app::demoAttributeTablePath().string();
        if (options->attributes.empty())
            throw DataError("demo: no --attributes given, and no fashion_mnist_attributes.csv in "
                            "the program's data directory (../share/semrel-studio)");
        checkDemoOutputs(*options);
        const auto start = std::chrono::steady_clock::now();
        FashionMnistDemoResult result;
        {
            ProgressBar bar("demo");
            result = buildFashionMnistDemo(options->source, options->attributes, options->output,
                                           options->spec, bar.callback());
        }
        for (const std::string& warning : result.warnings)
            std::fprintf(stderr, "warning: %s\n", printable(warning).c_str());
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr,
                     "wrote %s (%lld images) and %s in %.1f s; the CNN's training accuracy on the "
                     "seen classes: %.1f%%\n",
                     result.datasetPath.c_str(), static_cast<long long>(result.samples),
                     result.extractorPath.c_str(), seconds, 100.0 * result.cnnTrainingAccuracy);
    });
}

} // namespace semrel::cli
