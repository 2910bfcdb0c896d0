// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/extractor/feature_extractor.h>

#include <torch/torch.h>

#include <string>

namespace semrel {

// The torch side of a FeatureExtractor; one subclass per kind.
struct FeatureExtractor::Impl
{
    ExtractorKind kind = ExtractorKind::DemoCnn;
    ExtractorInput input;
    std::int64_t featureDim = 0;

    virtual ~Impl() = default;
    // A normalised [B, C, H, W] float batch to its [B, featureDim] features, without gradients.
    virtual torch::Tensor forward(const torch::Tensor& batch) = 0;
    virtual std::string description() const = 0;
};

} // namespace semrel
