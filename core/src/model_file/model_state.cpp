// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "model_file/model_file_layout.h"

#include <semrel/errors.h>
#include <semrel/model_file/model_state.h>

#include <cmath>
#include <cstdio>
#include <map>

namespace semrel {

namespace {

// FNV-1a, 64 bit: stable across platforms and runs (std::hash is not), and plenty to tell
// datasets apart; it is no protection against a deliberate collision.
class Fnv1a
{
public:
    void bytes(const void* data, std::size_t size)
    {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            m_hash ^= p[i];
            m_hash *= 0x100000001b3ULL;
        }
    }
    // Fixed-width little-endian, so the digest does not depend on the host's integer layout.
    void integer(std::int64_t value)
    {
        unsigned char le[8];
        for (int i = 0; i < 8; ++i)
            le[i] = static_cast<unsigned char>(static_cast<std::uint64_t>(value) >> (8 * i));
        bytes(le, sizeof le);
    }
    // Length first, so that ("ab", "c") and ("a", "bc") differ.
    void text(const std::string& s)
    {
        integer(static_cast<std::int64_t>(s.size()));
        bytes(s.data(), s.size());
    }
    std::uint64_t value() const { return m_hash; }

private:
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

void addLayers(std::vector<ParameterShape>& out, const std::string& prefix, std::int64_t in,
               const std::vector<int>& hidden, std::int64_t last)
{
    std::vector<std::int64_t> widths{in};
    widths.insert(widths.end(), hidden.begin(), hidden.end());
    widths.push_back(last);
    for (std::size_t k = 0; k + 1 < widths.size(); ++k) {
        const std::string layer = prefix + "." + std::to_string(k);
        out.push_back({layer + ".weight", {widths[k + 1], widths[k]}});
        out.push_back({layer + ".bias", {widths[k + 1]}});
    }
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

using TensorsByName = std::map<std::string, const NamedTensor*>;

TensorsByName byName(const std::vector<NamedTensor>& tensors)
{
    TensorsByName out;
    for (const NamedTensor& t : tensors)
        out[t.name] = &t;
    return out;
}

// Removes and returns the tensor `name` of `group`, which must have `shape`.
const NamedTensor& take(TensorsByName& tensors, const std::string& group, const std::string& name,
                        const std::vector<std::int64_t>& shape, const std::string& origin)
{
    const auto found = tensors.find(name);
    if (found == tensors.end())
        throw ModelError(origin + ": '" + group + name +
                         "' is missing: the network /config describes has it");
    const NamedTensor& t = *found->second;
    if (t.shape != shape)
        throw ModelError(origin + ": '" + group + name + "' has shape " + shapeText(t.shape) +
                         ", the network /config describes expects " + shapeText(shape));
    tensors.erase(found);
    return t;
}

void requireNoneLeft(const TensorsByName& tensors, const std::string& group,
                     const std::string& origin)
{
    if (!tensors.empty())
        throw ModelError(origin + ": '" + group + tensors.begin()->first +
                         "' does not belong to the network /config describes");
}

// Adam's state per parameter: exp_avg, exp_avg_sq (>= 0: a mean of squares) and the step count
// (the bias correction divides by 1 - 0.9^step, so 0 or a fraction would divide by nothing).
void validateOptimizerState(const ModelState& s, const std::vector<ParameterShape>& parameters,
                            const std::string& origin)
{
    const std::string group = "/checkpoint/optimizer/";
    TensorsByName state = byName(s.optimizerState);
    for (const ParameterShape& p : parameters) {
        take(state, group, p.name + ".exp_avg", p.shape, origin);
        const NamedTensor& second = take(state, group, p.name + ".exp_avg_sq", p.shape, origin);
        for (std::size_t i = 0; i < second.values.size(); ++i)
            if (!(second.values[i] >= 0.0f))
                throw ModelError(origin + ": '" + group + second.name + "' has " +
                                 std::to_string(second.values[i]) + " at element " +
                                 std::to_string(i) +
                                 ", but Adam's second moments are never negative");
        const float step = take(state, group, p.name + ".step", {1}, origin).values.at(0);
        if (!(step >= 1.0f && step <= 16777216.0f && std::floor(step) == step))
            throw ModelError(origin + ": '" + group + p.name + ".step' is " + std::to_string(step) +
                             ", expected a whole step count from 1 to 2^24");
    }
    requireNoneLeft(state, group, origin);
}

} // namespace

void validateModelState(const ModelState& s, const std::string& origin)
{
    try {
        validateClassNames(s.classNames, origin);
    } catch (const DataError& e) {
        throw ModelError(e.what());
    }
    const std::vector<ParameterShape> expected =
        expectedParameterShapes(s.config, s.featureDim, s.embeddingDim);
    TensorsByName weights = byName(s.parameters);
    for (const ParameterShape& p : expected)
        take(weights, "/weights/", p.name, p.shape, origin);
    requireNoneLeft(weights, "/weights/", origin);
    if (!s.optimizerState.empty())
        validateOptimizerState(s, expected, origin);
}

std::vector<ParameterShape> expectedParameterShapes(const TrainingConfig& config,
                                                    std::int64_t featureDim,
                                                    std::int64_t embeddingDim)
{
    if (config.method == Method::Eszsl)
        return {{model_layout::kEszslMatrix, {featureDim, embeddingDim}}};
    if (config.method == Method::Sae)
        return {{model_layout::kSaeMatrix, {embeddingDim, featureDim}}};
    std::vector<ParameterShape> shapes;
    addLayers(shapes, "encoder", embeddingDim, config.network.encoderHidden, featureDim);
    if (config.method != Method::B3)
        addLayers(shapes, "decoder", featureDim, config.network.decoderHidden, embeddingDim);
    return shapes;
}

std::string hashOfSplits(const Dataset& data)
{
    Fnv1a h;
    h.integer(static_cast<std::int64_t>(data.classNames.size()));
    for (const std::string& name : data.classNames)
        h.text(name);
    h.integer(static_cast<std::int64_t>(data.labels.size()));
    for (std::int32_t label : data.labels)
        h.integer(label);
    for (Split s : kAllSplits) {
        const auto& indices = data.split(s);
        h.integer(static_cast<std::int64_t>(indices.size()));
        for (std::int64_t i : indices)
            h.integer(i);
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h.value()));
    return hex;
}

void describeDataset(ModelState& state, const Dataset& data)
{
    state.featureDim = data.featureDim();
    state.embeddingDim = data.embeddingDim();
    state.classNames = data.classNames;
    state.classEmbeddings = data.classEmbeddings;
    state.seenClasses = data.seenClasses();
    state.unseenClasses = data.unseenClasses();
    state.datasetName = data.name;
    state.splitsHash = hashOfSplits(data);
}

} // namespace semrel
