// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "kernels/adam_kernel.h"

#include <semrel/model_file/model_state.h>

#include <ATen/core/Tensor.h>

#include <string>
#include <utility>
#include <vector>

namespace semrel {

// Adam (torch's defaults: β = (0.9, 0.999), ε = 1e-8, L2 weight decay on the gradient), as
// state and step counts per parameter that round-trip through NamedTensor so that a checkpoint
// resumes exactly. The update itself is done by whoever has the gradient (LayerStackPass fuses it
// with the gradient's computation): advance() hands out the memory and this step's coefficients.
class AdamOptimizer
{
public:
    AdamOptimizer(std::vector<std::pair<std::string, at::Tensor>> parameters, double learningRate,
                  double weightDecay);

    // The slot of a parameter given to the constructor (the same tensor). Throws
    // std::invalid_argument for another tensor.
    std::size_t slotOf(const at::Tensor& param) const;
    // Counts one more step for the slot and returns what its update needs. A parameter that gets
    // no gradient in a step (the decoder when λ2 = 0) is simply not advanced, as in torch.
    AdamTarget advance(std::size_t slot);

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
