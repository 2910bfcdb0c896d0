// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/matrix.h>
#include <semrel/progress.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace semrel {

// Decoded pixels of an image of any size, as a ui gets them from its image decoder (for Qt:
// QImage::Format_Grayscale8, Format_RGB888 or Format_RGBA8888). Rows are `bytesPerLine` apart and
// hold `width * channels` bytes; channels is 1 (grey), 3 (RGB) or 4 (RGBA).
struct ImageView
{
    const std::uint8_t* pixels = nullptr;
    int width = 0;
    int height = 0;
    int channels = 0;
    int bytesPerLine = 0;
};

enum class ExtractorKind {
    DemoCnn,    // the small CNN trained for the Fashion-MNIST demo (a .h5 file of weights)
    TorchScript // a user's TorchScript module, e.g. ResNet-101 for xlsa17 datasets (a .pt file)
};

// What extract() takes: `channels` x `height` x `width` unsigned bytes, interleaved (HWC).
struct ExtractorInput
{
    int channels = 1;
    int height = 28;
    int width = 28;
    std::vector<float> mean; // per channel, of pixel / 255
    std::vector<float> std;  // per channel, > 0
    // Fashion-MNIST shows light objects on black; prepareImage() inverts light-background photos
    // for such an extractor.
    bool darkBackground = false;
};

// Turns images into feature vectors. Two kinds behind one interface: the demo CNN (weights in an
// HDF5 file; loading never runs code from the file) and a TorchScript module chosen by the user.
// Not thread-safe: use one extractor from one thread at a time.
class FeatureExtractor
{
public:
    // Loads a demo extractor .h5 file or a TorchScript .pt file (told apart by the file's first
    // bytes). A TorchScript module must take a [B, 3, 224, 224] float tensor normalised with the
    // ImageNet mean and std and return [B, d] or [B, d, 1, 1]; it is run once on load to learn d.
    // Throws DataError when the file is missing or malformed, ModelError when the module fails.
    static FeatureExtractor load(const std::string& path);

    FeatureExtractor(FeatureExtractor&&) noexcept;
    FeatureExtractor& operator=(FeatureExtractor&&) noexcept;
    ~FeatureExtractor();

    ExtractorKind kind() const;
    const ExtractorInput& input() const;
    std::int64_t featureDim() const;
    std::string description() const; // e.g. "demo CNN (28x28 grey -> 64)"

    // One image in the input layout (input().channels x height x width bytes, HWC).
    std::vector<float> extract(const std::uint8_t* pixels) const;
    // `count` images back to back, one feature row each. A feature may differ from extract()'s
    // for the same image by float rounding (the matrix kernels' blocking depends on the batch).
    FloatMatrix extractBatch(const std::uint8_t* pixels, std::int64_t count,
                             const ProgressCallback& progress = {}) const;

    // An image of any size turned into the input layout: converted to grey or RGB, fitted to the
    // input size (the demo CNN: cropped to the object, longest side to 28 pixels, centred, like
    // Fashion-MNIST; TorchScript: shorter side to 256, centre crop of 224, like torchvision), and
    // inverted when the extractor expects a dark background and the image's border is light.
    // Throws DataError for an empty image or an unsupported channel count.
    std::vector<std::uint8_t> prepareImage(const ImageView& image) const;
    // prepareImage() then extract(): the feature of a decoded image file.
    std::vector<float> extractImage(const ImageView& image) const;

    // Writes a demo CNN extractor (atomically: temporary file, then rename). Throws ModelError
    // for a TorchScript extractor (its file is the user's own), DataError when writing fails.
    void save(const std::string& path) const;

    struct Impl;
    explicit FeatureExtractor(std::unique_ptr<Impl> impl);

private:
    std::unique_ptr<Impl> m_impl;
};

// How the demo CNN is trained. Deterministic: the same images, spec and machine give the same
// weights (a seeded generator of its own, a fixed thread count, no nondeterministic kernels).
struct ExtractorTrainingSpec
{
    int epochs = 3;
    int batchSize = 64;
    double learningRate = 2e-3;
    int featureDim = 64;
    std::uint64_t seed = 1;
    int threads = 1; // restored afterwards; results are reproducible for a given count
    std::vector<std::string> classNames; // of labels 0 .. k-1, kept in the file; may be empty
};

struct ExtractorTrainingResult
{
    FeatureExtractor extractor;
    double finalLoss = 0.0;        // mean cross-entropy of the last epoch
    double trainingAccuracy = 0.0; // top-1 of the classifier head on the last epoch's batches
};

// Trains the demo CNN, with a linear classifier head that is dropped afterwards, on greyscale
// images of the classes that may be seen (labels 0 .. k-1, k >= 2). The normalisation (mean and
// std of pixel / 255) is measured on these images and stored with the extractor.
// Throws DataError for inconsistent input, TrainingError when the loss is not finite.
ExtractorTrainingResult trainDemoExtractor(const ImagePixels& images,
                                           const std::vector<std::int32_t>& labels,
                                           const ExtractorTrainingSpec& spec,
                                           const ProgressCallback& progress = {});

} // namespace semrel
