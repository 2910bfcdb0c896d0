// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/layer_stack_pass.h"

#include "kernels/small_gemm_kernel.h"
#include "kernels/weight_update_kernel.h"

#include <ATen/ATen.h>

#include <algorithm>

namespace semrel {

namespace {

// Columns per item. Forward: a multiple of the small kernels' 4-column tiles and of the 32
// floats LibTorch's ELU loop takes at a time. Input gradients: a multiple of the small kernel's
// 64-column chunks. Updates take whole weight rows, streamed: an earlier version updated blocks
// of columns (so that one pass over the weights could also give the input gradient), and
// reading 512 bytes of every 8 KB row ran 1.4x slower than the product and the update apart.
constexpr std::int64_t kForwardColumns = 64;
constexpr std::int64_t kInputGradientColumns = 128;
constexpr std::int64_t kWeightsPerItem = std::int64_t{1} << 16;
// Below this many elements LibTorch runs an elementwise op on the calling thread
// (at::internal::GRAIN_SIZE); above it, it would start an OpenMP region of its own.
constexpr std::int64_t kSerialElements = 32768;

std::int64_t itemsOf(std::int64_t columns, std::int64_t perItem)
{
    return (columns + perItem - 1) / perItem;
}

// ReLU as LibTorch computes it (clamp_min(0): NaN and -0 pass through).
void relu(float* z, std::int64_t rows, std::int64_t stride, std::int64_t j0, std::int64_t j1)
{
    for (std::int64_t u = 0; u < rows; ++u)
        for (std::int64_t j = j0; j < j1; ++j) {
            float& v = z[u * stride + j];
            v = v < 0.0f ? 0.0f : v;
        }
}

// dZ = dH ⊙ act'(z) in place on columns [j0, j1), from the layer's output h: ReLU' = [h > 0];
// ELU (α = 1) has h = e^z - 1 for z <= 0, so its derivative there is h + 1.
void activationGradient(float* gradient, const float* output, std::int64_t rowBegin,
                        std::int64_t rowEnd, std::int64_t stride, std::int64_t j0, std::int64_t j1,
                        bool elu)
{
    for (std::int64_t u = rowBegin; u < rowEnd; ++u) {
        float* g = gradient + u * stride;
        const float* h = output + u * stride;
        if (elu) {
            for (std::int64_t j = j0; j < j1; ++j)
                g[j] *= h[j] > 0.0f ? 1.0f : h[j] + 1.0f;
        } else {
            for (std::int64_t j = j0; j < j1; ++j)
                g[j] = h[j] > 0.0f ? g[j] : 0.0f;
        }
    }
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

void LayerStackPass::beginForward(const at::Tensor& input)
{
    m_input = input;
    m_rows = input.size(0);
}

std::int64_t LayerStackPass::forwardItems(std::size_t k) const
{
    return itemsOf(m_layers[k].weight.size(0), kForwardColumns);
}

// z [:, j0:j1] = x · W[j0:j1]ᵀ + b[j0:j1], then the activation: the bias is put in z first and
// the product added to it (no zero-fill pass).
void LayerStackPass::forwardItem(std::size_t k, std::int64_t item)
{
    Layer& layer = m_layers[k];
    const std::int64_t out = layer.weight.size(0);
    const std::int64_t in = layer.weight.size(1);
    const std::int64_t j0 = item * kForwardColumns;
    const std::int64_t j1 = std::min(out, j0 + kForwardColumns);
    const float* b = layer.bias.data_ptr<float>();
    float* z = layer.output.data_ptr<float>();
    for (std::int64_t u = 0; u < m_rows; ++u)
        std::copy(b + j0, b + j1, z + u * out + j0);
    smallMultiplyTransposed(k == 0 ? m_input.data_ptr<float>() : layerInput(k), m_rows, in,
                            layer.weight.data_ptr<float>(), out, z, /*accumulate=*/true, j0, j1);
    if (!isLast(k))
        relu(z, m_rows, out, j0, j1);
    else if (!lastActivationIsWhole()) {
        at::Tensor block = layer.output.narrow(0, 0, m_rows).narrow(1, j0, j1 - j0);
        at::elu_(block);
    }
}

bool LayerStackPass::lastActivationIsWhole() const
{
    return m_layers.back().weight.size(0) % kForwardColumns != 0 ||
           m_rows * kForwardColumns >= kSerialElements;
}

void LayerStackPass::finishForward()
{
    if (lastActivationIsWhole()) {
        at::Tensor whole = output();
        at::elu_(whole);
    }
}

at::Tensor LayerStackPass::output() const
{
    return m_layers.back().output.narrow(0, 0, m_rows);
}

const float* LayerStackPass::layerInput(std::size_t k) const
{
    return k == 0 ? m_input.data_ptr<float>() : m_layers[k - 1].output.data_ptr<float>();
}

const float* LayerStackPass::layerOutputGradient(std::size_t k) const
{
    return isLast(k) ? m_outputGradient.data_ptr<float>()
                     : m_layers[k + 1].inputGradient.data_ptr<float>();
}

void LayerStackPass::beginBackward(const at::Tensor& outputGradient, AdamOptimizer& optimizer,
                                   bool wantInputGradient)
{
    m_outputGradient = outputGradient;
    m_wantInputGradient = wantInputGradient;
    for (Layer& layer : m_layers) {
        layer.weightTarget = optimizer.advance(layer.weightSlot);
        layer.biasTarget = optimizer.advance(layer.biasSlot);
    }
}

void LayerStackPass::outputActivationGradient(std::int64_t rowBegin, std::int64_t rowEnd,
                                              std::int64_t columnBegin, std::int64_t columnEnd)
{
    const Layer& last = m_layers.back();
    activationGradient(m_outputGradient.data_ptr<float>(), last.output.data_ptr<float>(), rowBegin,
                       rowEnd, last.weight.size(0), columnBegin, columnEnd,
                       /*elu=*/true);
}

// Without an input gradient of layer 0 the last two stages merge: both updates wait only for
// products that are done by then.
std::size_t LayerStackPass::backwardStages() const
{
    return m_wantInputGradient ? m_layers.size() + 1 : m_layers.size();
}

std::pair<std::int64_t, std::int64_t> LayerStackPass::stageLayers(std::size_t stage) const
{
    const auto layers = static_cast<std::int64_t>(m_layers.size());
    const std::int64_t product = layers - 1 - static_cast<std::int64_t>(stage);
    const std::int64_t update = layers - static_cast<std::int64_t>(stage);
    return {product >= 0 && hasInputGradient(static_cast<std::size_t>(product)) ? product : -1,
            update < layers ? update : -1};
}

std::int64_t LayerStackPass::inputGradientItems(std::size_t k) const
{
    return itemsOf(m_layers[k].weight.size(1), kInputGradientColumns);
}

// Whole tiles of 4 rows, at least ~64 K weights per item so that an item is worth handing out.
std::int64_t LayerStackPass::weightRowsPerItem(std::size_t k) const
{
    const std::int64_t in = m_layers[k].weight.size(1);
    const std::int64_t rows = std::max<std::int64_t>(1, kWeightsPerItem / in);
    return (rows + 3) / 4 * 4;
}

std::int64_t LayerStackPass::updateItems(std::size_t k) const
{
    return itemsOf(m_layers[k].weight.size(0), weightRowsPerItem(k)) + 1; // + the bias
}

std::int64_t LayerStackPass::backwardItems(std::size_t stage) const
{
    std::int64_t items = 0;
    const auto [product, update] = stageLayers(stage);
    if (product >= 0)
        items += inputGradientItems(static_cast<std::size_t>(product));
    if (update >= 0)
        items += updateItems(static_cast<std::size_t>(update));
    if (!m_wantInputGradient && stage + 1 == backwardStages())
        items += updateItems(0);
    return items;
}

// The stage's products and updates alternate, so that the members that share them each do
// some of both at once.
std::pair<std::int64_t, std::int64_t> LayerStackPass::backwardItem(std::size_t stage,
                                                                   std::int64_t item)
{
    const auto [product, update] = stageLayers(stage);
    const std::int64_t products =
        product >= 0 ? inputGradientItems(static_cast<std::size_t>(product)) : 0;
    const std::int64_t updates = update >= 0 ? updateItems(static_cast<std::size_t>(update)) : 0;
    const std::int64_t paired = 2 * std::min(products, updates);
    bool isProduct = false;
    std::int64_t index = item;
    if (item < paired) {
        isProduct = item % 2 == 0;
        index = item / 2;
    } else if (item - paired < products + updates - paired) {
        isProduct = products > updates;
        index = paired / 2 + (item - paired);
    } else {
        updateItem(0, item - products - updates); // the merged last stage
        return {0, 0};
    }
    if (!isProduct) {
        updateItem(static_cast<std::size_t>(update), index);
        return {0, 0};
    }
    const auto k = static_cast<std::size_t>(product);
    inputGradientItem(k, index);
    if (k > 0)
        return {0, 0};
    const std::int64_t begin = index * kInputGradientColumns;
    return {begin, std::min(m_layers[0].weight.size(1), begin + kInputGradientColumns)};
}

// dL/d input of layer k on input columns [j0, j1), from the weights before this step's update,
// then, below the top, ReLU' of layer k-1 on the same columns: layer k-1's dL/dz there.
void LayerStackPass::inputGradientItem(std::size_t k, std::int64_t item)
{
    Layer& layer = m_layers[k];
    const std::int64_t out = layer.weight.size(0);
    const std::int64_t in = layer.weight.size(1);
    const std::int64_t j0 = item * kInputGradientColumns;
    const std::int64_t j1 = std::min(in, j0 + kInputGradientColumns);
    float* dX = layer.inputGradient.data_ptr<float>();
    smallMultiply(layerOutputGradient(k), m_rows, out, layer.weight.data_ptr<float>(), in, dX, j0,
                  j1);
    if (k > 0)
        activationGradient(dX, m_layers[k - 1].output.data_ptr<float>(), 0, m_rows, in, j0, j1,
                           /*elu=*/false);
}

// Weight rows of layer k (dW fused with Adam), or, for the last item, its bias.
void LayerStackPass::updateItem(std::size_t k, std::int64_t item)
{
    Layer& layer = m_layers[k];
    const std::int64_t out = layer.weight.size(0);
    if (item + 1 == updateItems(k)) {
        updateBias(layerOutputGradient(k), m_rows, out, layer.biasTarget);
        return;
    }
    const std::int64_t rows = weightRowsPerItem(k);
    updateWeightRows(layerOutputGradient(k), layerInput(k), m_rows, out, layer.weight.size(1),
                     item * rows, std::min(out, (item + 1) * rows), layer.weightTarget);
}

at::Tensor LayerStackPass::inputGradient() const
{
    return m_wantInputGradient ? m_layers.front().inputGradient.narrow(0, 0, m_rows) : at::Tensor();
}

at::Tensor LayerStackPass::forward(const at::Tensor& input)
{
    beginForward(input);
    for (std::size_t k = 0; k < m_layers.size(); ++k)
        for (std::int64_t item = 0; item < forwardItems(k); ++item)
            forwardItem(k, item);
    finishForward();
    return output();
}

at::Tensor LayerStackPass::backwardAndUpdate(const at::Tensor& outputGradient,
                                             AdamOptimizer& optimizer, bool wantInputGradient)
{
    beginBackward(outputGradient, optimizer, wantInputGradient);
    outputActivationGradient(0, m_rows, 0, m_layers.back().weight.size(0));
    for (std::size_t stage = 0; stage < backwardStages(); ++stage)
        for (std::int64_t item = 0; item < backwardItems(stage); ++item)
            backwardItem(stage, item);
    return inputGradient();
}

} // namespace semrel
