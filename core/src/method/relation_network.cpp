// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/relation_network.h"

#include "method/random.h"

#include <semrel/errors.h>

#include <cmath>
#include <map>
#include <string>

namespace semrel {

namespace {

std::vector<torch::nn::Linear> makeLayers(torch::nn::Module& owner, const std::string& prefix,
                                          std::int64_t in, const std::vector<int>& hidden,
                                          std::int64_t out)
{
    std::vector<std::int64_t> widths{in};
    widths.insert(widths.end(), hidden.begin(), hidden.end());
    widths.push_back(out);
    // A ModuleList named `prefix` gives the parameters their "encoder.0.weight" names.
    torch::nn::ModuleList list;
    std::vector<torch::nn::Linear> layers;
    for (std::size_t k = 0; k + 1 < widths.size(); ++k) {
        layers.emplace_back(torch::nn::LinearOptions(widths[k], widths[k + 1]));
        list->push_back(layers.back());
    }
    owner.register_module(prefix, list);
    return layers;
}

// torch's default for Linear (kaiming_uniform with a = sqrt(5)) reduces to U(-1/sqrt(fan_in),
// 1/sqrt(fan_in)) for both weight and bias.
void initLayer(torch::nn::Linear& layer, SplitMix& rng)
{
    torch::NoGradGuard noGrad;
    const double bound = 1.0 / std::sqrt(static_cast<double>(layer->weight.size(1)));
    for (torch::Tensor* t : {&layer->weight, &layer->bias}) {
        float* p = t->data_ptr<float>();
        for (std::int64_t i = 0; i < t->numel(); ++i)
            p[i] = static_cast<float>((2.0 * rng.uniform() - 1.0) * bound);
    }
}

torch::Tensor runLayers(std::vector<torch::nn::Linear>& layers, torch::Tensor x)
{
    for (std::size_t k = 0; k < layers.size(); ++k) {
        x = layers[k]->forward(x);
        x = k + 1 < layers.size() ? torch::relu(x) : torch::elu(x);
    }
    return x;
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

} // namespace

RelationNetworkImpl::RelationNetworkImpl(std::int64_t embeddingDim, std::int64_t featureDim,
                                         const NetworkShape& shape, bool withDecoder,
                                         std::uint64_t seed)
{
    m_encoder = makeLayers(*this, "encoder", embeddingDim, shape.encoderHidden, featureDim);
    if (withDecoder)
        m_decoder = makeLayers(*this, "decoder", featureDim, shape.decoderHidden, embeddingDim);
    SplitMix rng(mixSeed(seed, kInitStream));
    for (auto& layer : m_encoder)
        initLayer(layer, rng);
    for (auto& layer : m_decoder)
        initLayer(layer, rng);
}

torch::Tensor RelationNetworkImpl::encode(const torch::Tensor& embeddings)
{
    return runLayers(m_encoder, embeddings);
}

torch::Tensor RelationNetworkImpl::decode(const torch::Tensor& mapped)
{
    return runLayers(m_decoder, mapped);
}

std::vector<NamedTensor> RelationNetworkImpl::exportParameters() const
{
    std::vector<NamedTensor> out;
    for (const auto& item : named_parameters(/*recurse=*/true))
        out.push_back(toNamedTensor(item.key(), item.value()));
    return out;
}

void RelationNetworkImpl::importParameters(const std::vector<NamedTensor>& parameters)
{
    std::map<std::string, const NamedTensor*> byName;
    for (const NamedTensor& p : parameters)
        byName[p.name] = &p;
    torch::NoGradGuard noGrad;
    auto own = named_parameters(/*recurse=*/true);
    for (auto& item : own) {
        auto found = byName.find(item.key());
        if (found == byName.end())
            throw ModelError("model parameters: '" + item.key() + "' is missing");
        const NamedTensor& p = *found->second;
        const std::vector<std::int64_t> expected = item.value().sizes().vec();
        if (p.shape != expected ||
            static_cast<std::int64_t>(p.values.size()) != item.value().numel())
            throw ModelError("model parameters: '" + p.name + "' has shape " + shapeText(p.shape) +
                             ", the network expects " + shapeText(expected));
        std::copy(p.values.begin(), p.values.end(), item.value().data_ptr<float>());
        byName.erase(found);
    }
    if (!byName.empty())
        throw ModelError("model parameters: '" + byName.begin()->first +
                         "' does not belong to the configured network");
}

NamedTensor toNamedTensor(const std::string& name, const torch::Tensor& tensor)
{
    const torch::Tensor t = tensor.detach().to(torch::kFloat32).contiguous();
    NamedTensor out{name, t.sizes().vec(), {}};
    out.values.assign(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
    return out;
}

torch::Tensor fromFloatMatrix(const FloatMatrix& m)
{
    return torch::from_blob(const_cast<float*>(m.values.data()), {m.rows, m.cols}, torch::kFloat32)
        .clone();
}

FloatMatrix toFloatMatrix(const torch::Tensor& tensor)
{
    const torch::Tensor t = tensor.detach().to(torch::kFloat32).contiguous();
    FloatMatrix out(t.size(0), t.size(1));
    std::copy(t.data_ptr<float>(), t.data_ptr<float>() + t.numel(), out.values.begin());
    return out;
}

} // namespace semrel
