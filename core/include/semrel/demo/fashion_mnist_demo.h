// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/extractor/feature_extractor.h>
#include <semrel/progress.h>

#include <string>
#include <vector>

namespace semrel {

// The built-in demo (docs/DEMO.md): Fashion-MNIST images, a hand-written attribute table, and a
// small CNN trained on the seen classes only as the feature extractor.

// The ten Fashion-MNIST classes in label order; the attribute table must list them so.
const std::vector<std::string>& fashionMnistClassNames();

// How much of Fashion-MNIST the demo uses. Images are taken in file order, the first ones of each
// class, so the same spec always picks the same images.
struct FashionMnistDemoSpec
{
    int cnnImagesPerClass = 2000;  // training images per seen class the CNN learns from
    int trainvalPerClass = 1000;   // of those, kept per seen class as trainval
    int testSeenPerClass = 500;    // test images per seen class, as test_seen
    int testUnseenPerClass = 1000; // test images per unseen class, as test_unseen
    ExtractorTrainingSpec cnn;
};

struct FashionMnistDemoResult
{
    std::string datasetPath;   // <outputDir>/fashion-mnist-demo.h5
    std::string extractorPath; // <outputDir>/fashion-mnist-extractor.h5
    std::int64_t samples = 0;
    double cnnTrainingAccuracy = 0; // the CNN's seen-class accuracy on its last training epoch
    std::vector<std::string> warnings;
};

constexpr const char* kDemoDatasetFile = "fashion-mnist-demo.h5";
constexpr const char* kDemoExtractorFile = "fashion-mnist-extractor.h5";

// Reads the four IDX files from `sourceDir` (train-images-idx3-ubyte.gz,
// train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) and the
// attribute table, trains the CNN, and writes the dataset (features, labels, attributes, splits,
// 28x28 pixels) and the extractor into `outputDir` (created if needed; each file written
// atomically). Deterministic for a given spec and machine. Throws DataError for bad input,
// TrainingError if training fails.
FashionMnistDemoResult buildFashionMnistDemo(const std::string& sourceDir,
                                             const std::string& attributesCsv,
                                             const std::string& outputDir,
                                             const FashionMnistDemoSpec& spec = {},
                                             const ProgressCallback& progress = {});

} // namespace semrel
