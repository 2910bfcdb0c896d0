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
// on our small-row kernels split over the threads (parallel_gemm.h), and each layer's weight
// gradient is fused with its Adam step (weight_update_kernel.h).
class LayerStackPass
{
public:
    // `layers` are the network's own (RelationNetwork::encoderLayers()...): the pass updates
    // their weights and biases in place. `maxRows` bounds the rows of every input (the batch
    // size).
    LayerStackPass(const std::vector<torch::nn::Linear>& layers, const AdamOptimizer& optimizer,
                   std::int64_t maxRows);

    // input [U, in_0], contiguous, kept by reference for backward. Returns the stack's output
    // [U, out_last]: a view of a buffer of this pass, valid until the next forward.
    at::Tensor forward(const at::Tensor& input);

    // Back-propagates `outputGradient` [U, out_last] (overwritten), updating each layer's weight
    // and bias by Adam as soon as its gradient is known, last layer first. Each layer's input
    // gradient is taken before its weights change. Returns dL/d input [U, in_0] when asked for
    // (a buffer of this pass), otherwise an undefined tensor.
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
    };
    std::vector<Layer> m_layers;
    at::Tensor m_input; // the last forward's input
};

} // namespace semrel
