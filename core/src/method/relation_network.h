// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/method/training_config.h>
#include <semrel/model_file/model_state.h>

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace semrel {

// The paper's network (Sec. 4.1, Table 1): encoder f: a -> hidden... -> d and decoder
// g: d -> hidden... -> a, ReLU on hidden layers and ELU on each output. Parameters are named
// "encoder.<k>.weight", "encoder.<k>.bias", "decoder.<k>.weight", ... (k = layer index).
class RelationNetworkImpl : public torch::nn::Module
{
public:
    // withDecoder = false for B3 (encoder only). Weights are drawn from `seed` with the bounds
    // of torch's default Linear init, but from our own generator so that the result does not
    // depend on torch's global random state.
    RelationNetworkImpl(std::int64_t embeddingDim, std::int64_t featureDim,
                        const NetworkShape& shape, bool withDecoder, std::uint64_t seed);

    torch::Tensor encode(const torch::Tensor& embeddings); // [n, a] -> [n, d]
    torch::Tensor decode(const torch::Tensor& mapped);     // [n, d] -> [n, a]
    bool hasDecoder() const { return !m_decoder.empty(); }
    // The layers, for the training step's hand-written pass (LayerStackPass).
    const std::vector<torch::nn::Linear>& encoderLayers() const { return m_encoder; }
    const std::vector<torch::nn::Linear>& decoderLayers() const { return m_decoder; }

    std::vector<NamedTensor> exportParameters() const;
    // Throws ModelError when a parameter is missing, unknown or of another shape.
    void importParameters(const std::vector<NamedTensor>& parameters);

private:
    std::vector<torch::nn::Linear> m_encoder;
    std::vector<torch::nn::Linear> m_decoder;
};
TORCH_MODULE(RelationNetwork);

// Copies between torch tensors and plain row-major data (float32, contiguous).
NamedTensor toNamedTensor(const std::string& name, const torch::Tensor& tensor);
torch::Tensor fromFloatMatrix(const FloatMatrix& m);
FloatMatrix toFloatMatrix(const torch::Tensor& tensor);

} // namespace semrel
