// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/model_state.h>

#include <ATen/core/Tensor.h>

#include <string>
#include <utility>
#include <vector>

namespace semrel {

// Adam (torch's defaults: β = (0.9, 0.999), ε = 1e-8, L2 weight decay on the gradient) with a
// fused, multi-threaded update, and a state that round-trips through NamedTensor so that a
// checkpoint resumes exactly.
class AdamOptimizer
{
public:
    AdamOptimizer(std::vector<std::pair<std::string, at::Tensor>> parameters, double learningRate,
                  double weightDecay);

    // Drops the gradients, so that backward() hands over fresh tensors instead of adding to
    // old ones (one pass less over 21 MB per step).
    void clearGradients();
    // Parameters without a gradient are left alone.
    void step();

    // "<parameter>.exp_avg", "<parameter>.exp_avg_sq" and "<parameter>.step" ([1], the count).
    std::vector<NamedTensor> exportState() const;
    // Throws ModelError when an entry is missing or has another shape.
    void importState(const std::vector<NamedTensor>& state);

private:
    struct Slot
    {
        std::string name;
        at::Tensor param;
        at::Tensor expAvg;
        at::Tensor expAvgSq;
        std::int64_t step = 0;
    };
    std::vector<Slot> m_slots;
    double m_learningRate;
    double m_weightDecay;
};

} // namespace semrel
