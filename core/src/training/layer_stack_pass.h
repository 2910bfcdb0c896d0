// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "training/adam_optimizer.h"

#include <torch/nn/modules/linear.h>

#include <cstdint>
#include <vector>

namespace semrel {

// The training step's forward and backward pass through one stack of Linear layers (ReLU after
// hidden layers, ELU after the last: the encoder or the decoder of RelationNetwork), written out
// by hand instead of through autograd. At batch 64 with about 32 distinct classes a step is
// small, and autograd's graph, allocations and separate gradient and Adam passes cost more than
// the matrix products (docs/BENCHMARKS.md). Here every buffer is allocated once, the products run
// on our small-row kernels, and each layer's backward pass (input gradient, weight gradient and
// Adam) is one pass over its weights (weight_update_kernel.h).
//
// The work comes as items, blocks of a layer's output columns (forward) or input columns
// (backward), for the members of a WorkerTeam to share: all items of a layer must be done
// before any of the next layer's start (a barrier between layers), items of one layer may run
// in any order on any thread, and the result is the same bits whatever the split.
class LayerStackPass
{
public:
    // `layers` are the network's own (RelationNetwork::encoderLayers()...): the pass updates
    // their weights and biases in place. `maxRows` bounds the rows of every input (the batch
    // size).
    LayerStackPass(const std::vector<torch::nn::Linear>& layers, const AdamOptimizer& optimizer,
                   std::int64_t maxRows);

    std::size_t layerCount() const { return m_layers.size(); }

    // --- Forward, as items. beginForward() first (one thread), then for each layer k in order
    // all its forwardItem()s; then, when lastActivationIsWhole(), finishForward() (one thread).
    // input [rows, in_0], contiguous, kept by reference for the backward pass.
    void beginForward(const at::Tensor& input);
    std::int64_t forwardItems(std::size_t k) const;
    void forwardItem(std::size_t k, std::int64_t item);
    // The ELU after the last layer is applied per item when the items cover whole vectors of
    // LibTorch's ELU kernel, else to the whole output at once: LibTorch computes a tensor's last
    // few elements with scalar code that can round differently, and evaluation applies it to
    // whole tensors.
    bool lastActivationIsWhole() const;
    void finishForward();
    // The stack's output [rows, out_last]: a view of a buffer of this pass, valid until the next
    // forward.
    at::Tensor output() const;

    // --- Backward, as stages of items. beginBackward() first (one thread): it counts the Adam
    // step of every parameter. `outputGradient` [rows, out_last] is dL/d output;
    // outputActivationGradient() turns it (in place) into dL/dz of the last layer, all of it or
    // some columns. Then the stages in order, all items of one before any of the next. Stage s
    // holds the input-gradient product of layer L-1-s (blocks of its input columns, each also
    // turned into layer L-2-s's dL/dz by ReLU') beside the Adam updates of layer L-s (blocks of
    // its weight rows, and its bias): a compute-bound product beside a memory-bound update, on
    // the weights before and after the update respectively, with one barrier per layer.
    void beginBackward(const at::Tensor& outputGradient, AdamOptimizer& optimizer,
                       bool wantInputGradient);
    void outputActivationGradient(std::int64_t rowBegin, std::int64_t rowEnd,
                                  std::int64_t columnBegin, std::int64_t columnEnd);
    std::size_t backwardStages() const;
    std::int64_t backwardItems(std::size_t stage) const;
    // Runs one item. When it computed columns of dL/d input (layer 0's input gradient), returns
    // them as [first, second); otherwise an empty range.
    std::pair<std::int64_t, std::int64_t> backwardItem(std::size_t stage, std::int64_t item);
    // dL/d input [rows, in_0] once the last stage is done (a buffer of this pass), when asked
    // for.
    at::Tensor inputGradient() const;

    // --- The whole pass on the calling thread (tests, small callers).
    at::Tensor forward(const at::Tensor& input);
    at::Tensor backwardAndUpdate(const at::Tensor& outputGradient, AdamOptimizer& optimizer,
                                 bool wantInputGradient);

private:
    struct Layer
    {
        at::Tensor weight;
        at::Tensor bias;
        std::size_t weightSlot = 0;
        std::size_t biasSlot = 0;
        at::Tensor output;        // [maxRows, out] the activation, reused every step
        at::Tensor inputGradient; // [maxRows, in] dL/d input, reused every step
        AdamTarget weightTarget;  // this step's, from beginBackward()
        AdamTarget biasTarget;
    };
    const float* layerInput(std::size_t k) const;
    const float* layerOutputGradient(std::size_t k) const;
    bool hasInputGradient(std::size_t k) const { return k > 0 || m_wantInputGradient; }
    std::int64_t inputGradientItems(std::size_t k) const;
    std::int64_t updateItems(std::size_t k) const;
    std::int64_t weightRowsPerItem(std::size_t k) const;
    void inputGradientItem(std::size_t k, std::int64_t item);
    void updateItem(std::size_t k, std::int64_t item);
    // The layers whose input gradient (first) and update (second) stage `stage` holds; -1: none.
    std::pair<std::int64_t, std::int64_t> stageLayers(std::size_t stage) const;
    bool isLast(std::size_t k) const { return k + 1 == m_layers.size(); }

    std::vector<Layer> m_layers;
    at::Tensor m_input; // the last forward's input
    std::int64_t m_rows = 0;
    at::Tensor m_outputGradient;
    bool m_wantInputGradient = false;
};

} // namespace semrel
