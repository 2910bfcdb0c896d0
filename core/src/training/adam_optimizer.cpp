// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/adam_optimizer.h"

#include "method/relation_network.h"

#include <semrel/errors.h>

#include <ATen/ATen.h>

#include <cmath>
#include <map>
#include <stdexcept>

namespace semrel {

AdamOptimizer::AdamOptimizer(std::vector<std::pair<std::string, at::Tensor>> parameters,
                             double learningRate, double weightDecay)
    : m_learningRate(learningRate), m_weightDecay(weightDecay)
{
    for (auto& [name, param] : parameters)
        m_slots.push_back({name, param, at::zeros_like(param), at::zeros_like(param), 0});
}

std::size_t AdamOptimizer::slotOf(const at::Tensor& param) const
{
    for (std::size_t i = 0; i < m_slots.size(); ++i)
        if (m_slots[i].param.is_same(param))
            return i;
    throw std::invalid_argument("AdamOptimizer: the tensor is not one of its parameters");
}

AdamTarget AdamOptimizer::advance(std::size_t slot)
{
    Slot& s = m_slots.at(slot);
    ++s.step;
    AdamTarget target;
    target.param = s.param.data_ptr<float>();
    target.expAvg = s.expAvg.data_ptr<float>();
    target.expAvgSq = s.expAvgSq.data_ptr<float>();
    target.size = s.param.numel();
    AdamCoefficients& c = target.coefficients;
    c.weightDecay = static_cast<float>(m_weightDecay);
    const double t = static_cast<double>(s.step);
    c.stepSize = static_cast<float>(m_learningRate / (1.0 - std::pow(0.9, t)));
    c.inverseSqrtCorrection2 = static_cast<float>(1.0 / std::sqrt(1.0 - std::pow(0.999, t)));
    return target;
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
