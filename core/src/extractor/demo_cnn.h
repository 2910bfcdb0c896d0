// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "extractor/extractor_impl.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>
#include <vector>

namespace semrel {

// The demo's feature extractor: two convolutions with max-pooling and a fully connected layer
// whose ReLU output is the feature (so features are non-negative, like ResNet's pooled ones).
// 28x28 grey input only; the sizes are fixed so that a file holds weights, never architecture.
class DemoCnnImpl : public torch::nn::Module
{
public:
    static constexpr std::int64_t kSide = 28;
    static constexpr std::int64_t kConv1Channels = 16;
    static constexpr std::int64_t kConv2Channels = 32;
    static constexpr std::int64_t kPooledSide = kSide / 4; // two 2x2 poolings

    explicit DemoCnnImpl(std::int64_t featureDim);
    torch::Tensor forward(torch::Tensor x); // [B, 1, 28, 28] normalised -> [B, featureDim]

    torch::nn::Conv2d conv1{nullptr};
    torch::nn::Conv2d conv2{nullptr};
    torch::nn::Linear fc{nullptr};
};
TORCH_MODULE(DemoCnn);

struct DemoCnnExtractor : FeatureExtractor::Impl
{
    DemoCnnExtractor(DemoCnn network, float mean, float std);

    torch::Tensor forward(const torch::Tensor& batch) override;
    std::string description() const override;

    DemoCnn net;
    std::vector<std::string> trainedOn; // names of the classes of the training images, if known
};

// The extractor file (docs/DEMO.md): plain HDF5 arrays, readable with h5py. Writing is atomic.
void writeDemoCnnFile(const DemoCnnExtractor& extractor, const std::string& path);
// Throws DataError naming the file and the field when something is missing or has the wrong shape.
std::unique_ptr<DemoCnnExtractor> readDemoCnnFile(const std::string& path);

} // namespace semrel
