// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/layer_stack_pass.h"

#include "kernels/parallel_gemm.h"
#include "kernels/weight_update_kernel.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <algorithm>

namespace semrel {

namespace {

// z [rows, out] = x [rows, in] · Wᵀ + b, W [out, in] row-major: the bias is put in z first and
// the product added to it (no zero-fill pass).
void linearForward(const float* x, std::int64_t rows, const at::Tensor& weight,
                   const at::Tensor& bias, float* z)
{
    const std::int64_t out = weight.size(0);
    const float* b = bias.data_ptr<float>();
    for (std::int64_t u = 0; u < rows; ++u)
        std::copy(b, b + out, z + u * out);
    multiplyTransposed(x, rows, weight.size(1), weight.data_ptr<float>(), out, z,
                       /*accumulate=*/true);
}

// dZ = dH ⊙ act'(z), from the layer's output h: ReLU' = [h > 0]; ELU (α = 1) has h = e^z - 1 for
// z <= 0, so its derivative there is h + 1.
void activationGradient(float* gradient, const float* output, std::int64_t n, bool elu)
{
    if (elu) {
        for (std::int64_t i = 0; i < n; ++i)
            gradient[i] *= output[i] > 0.0f ? 1.0f : output[i] + 1.0f;
    } else {
        for (std::int64_t i = 0; i < n; ++i)
            gradient[i] = output[i] > 0.0f ? gradient[i] : 0.0f;
    }
}

// Rows of the weight gradient are spread over the threads in groups of four (the kernel's tile
// height), at least ~64 K weights per task so that waking a thread pays off.
void updateWeight(const at::Tensor& dZ, const at::Tensor& input, const AdamTarget& target,
                  std::int64_t out, std::int64_t in)
{
    constexpr std::int64_t kGroup = 4;
    const std::int64_t groups = (out + kGroup - 1) / kGroup;
    const std::int64_t grain = std::max<std::int64_t>(1, (std::int64_t{1} << 16) / (kGroup * in));
    const float* dz = dZ.data_ptr<float>();
    const float* x = input.data_ptr<float>();
    const std::int64_t rows = dZ.size(0);
    at::parallel_for(0, groups, grain, [&](std::int64_t begin, std::int64_t end) {
        updateWeightRows(dz, x, rows, out, in, begin * kGroup, std::min(end * kGroup, out), target);
    });
}

} // namespace

LayerStackPass::LayerStackPass(const std::vector<torch::nn::Linear>& layers,
                               const AdamOptimizer& optimizer, std::int64_t maxRows)
{
    for (const torch::nn::Linear& linear : layers) {
        Layer layer;
        layer.weight = linear->weight;
        layer.bias = linear->bias;
        layer.weightSlot = optimizer.slotOf(layer.weight);
        layer.biasSlot = optimizer.slotOf(layer.bias);
        layer.output = at::empty({maxRows, layer.weight.size(0)}, at::kFloat);
        layer.inputGradient = at::empty({maxRows, layer.weight.size(1)}, at::kFloat);
        m_layers.push_back(std::move(layer));
    }
}

at::Tensor LayerStackPass::forward(const at::Tensor& input)
{
    m_input = input;
    const std::int64_t rows = input.size(0);
    at::Tensor x = input;
    for (std::size_t k = 0; k < m_layers.size(); ++k) {
        Layer& layer = m_layers[k];
        at::Tensor z = layer.output.narrow(0, 0, rows);
        linearForward(x.data_ptr<float>(), rows, layer.weight, layer.bias, z.data_ptr<float>());
        if (k + 1 < m_layers.size())
            at::relu_(z);
        else
            at::elu_(z);
        x = z;
    }
    return x;
}

at::Tensor LayerStackPass::backwardAndUpdate(const at::Tensor& outputGradient,
                                             AdamOptimizer& optimizer, bool wantInputGradient)
{
    const std::int64_t rows = outputGradient.size(0);
    at::Tensor gradient = outputGradient;
    for (std::size_t k = m_layers.size(); k-- > 0;) {
        Layer& layer = m_layers[k];
        const std::int64_t out = layer.weight.size(0);
        const std::int64_t in = layer.weight.size(1);
        const at::Tensor output = layer.output.narrow(0, 0, rows);
        const at::Tensor input = k == 0 ? m_input : m_layers[k - 1].output.narrow(0, 0, rows);
        activationGradient(gradient.data_ptr<float>(), output.data_ptr<float>(), rows * out,
                           /*elu=*/k + 1 == m_layers.size());
        at::Tensor inputGradient;
        if (k > 0 || wantInputGradient) {
            inputGradient = layer.inputGradient.narrow(0, 0, rows);
            // Before the weights change.
            multiply(gradient.data_ptr<float>(), rows, out, layer.weight.data_ptr<float>(), in,
                     inputGradient.data_ptr<float>());
        }
        updateWeight(gradient, input, optimizer.advance(layer.weightSlot), out, in);
        updateBias(gradient.data_ptr<float>(), rows, out, optimizer.advance(layer.biasSlot));
        gradient = inputGradient;
    }
    return gradient;
}

} // namespace semrel
