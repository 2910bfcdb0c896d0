// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/adam_optimizer.h"

#include "method/adam_kernel.h"
#include "method/relation_network.h"

#include <semrel/errors.h>

#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <cmath>
#include <map>

namespace semrel {

AdamOptimizer::AdamOptimizer(std::vector<std::pair<std::string, at::Tensor>> parameters,
                             double learningRate, double weightDecay)
    : m_learningRate(learningRate), m_weightDecay(weightDecay)
{
    for (auto& [name, param] : parameters)
        m_slots.push_back({name, param, at::zeros_like(param), at::zeros_like(param), 0});
}

void AdamOptimizer::clearGradients()
{
    for (Slot& s : m_slots)
        s.param.mutable_grad().reset();
}

void AdamOptimizer::step()
{
    for (Slot& s : m_slots) {
        const at::Tensor& grad = s.param.grad();
        if (!grad.defined())
            continue;
        const at::Tensor g = grad.contiguous();
        ++s.step;
        AdamCoefficients c;
        c.weightDecay = static_cast<float>(m_weightDecay);
        const double t = static_cast<double>(s.step);
        c.stepSize = static_cast<float>(m_learningRate / (1.0 - std::pow(0.9, t)));
        c.inverseSqrtCorrection2 = static_cast<float>(1.0 / std::sqrt(1.0 - std::pow(0.999, t)));
        float* p = s.param.data_ptr<float>();
        const float* gp = g.data_ptr<float>();
        float* m = s.expAvg.data_ptr<float>();
        float* v = s.expAvgSq.data_ptr<float>();
        at::parallel_for(0, s.param.numel(), 1 << 15, [&](std::int64_t begin, std::int64_t end) {
            adamUpdate(p + begin, gp + begin, m + begin, v + begin, end - begin, c);
        });
    }
}

std::vector<NamedTensor> AdamOptimizer::exportState() const
{
    std::vector<NamedTensor> out;
    for (const Slot& s : m_slots) {
        out.push_back(toNamedTensor(s.name + ".exp_avg", s.expAvg));
        out.push_back(toNamedTensor(s.name + ".exp_avg_sq", s.expAvgSq));
        out.push_back({s.name + ".step", {1}, {static_cast<float>(s.step)}});
    }
    return out;
}

void AdamOptimizer::importState(const std::vector<NamedTensor>& state)
{
    std::map<std::string, const NamedTensor*> byName;
    for (const NamedTensor& t : state)
        byName[t.name] = &t;
    auto find = [&](const std::string& name, std::int64_t numel) -> const NamedTensor& {
        auto it = byName.find(name);
        if (it == byName.end())
            throw ModelError("checkpoint: optimizer state '" + name + "' is missing");
        if (static_cast<std::int64_t>(it->second->values.size()) != numel)
            throw ModelError("checkpoint: optimizer state '" + name + "' has " +
                             std::to_string(it->second->values.size()) + " values, expected " +
                             std::to_string(numel));
        return *it->second;
    };
    for (Slot& s : m_slots) {
        const NamedTensor& m = find(s.name + ".exp_avg", s.expAvg.numel());
        const NamedTensor& v = find(s.name + ".exp_avg_sq", s.expAvgSq.numel());
        const NamedTensor& step = find(s.name + ".step", 1);
        std::copy(m.values.begin(), m.values.end(), s.expAvg.data_ptr<float>());
        std::copy(v.values.begin(), v.values.end(), s.expAvgSq.data_ptr<float>());
        s.step = static_cast<std::int64_t>(step.values[0]);
    }
}

} // namespace semrel
