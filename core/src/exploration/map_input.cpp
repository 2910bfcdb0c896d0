// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/random.h"

#include <semrel/errors.h>
#include <semrel/evaluation/model_fit.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/exploration/embedding_map.h>

#include <algorithm>
#include <cstring>
#include <map>

namespace semrel {

namespace {

// Samples of each class drawn without replacement, then put back in dataset order so that the
// map's input (and its t-SNE result) does not depend on the draw's order.
std::vector<std::int64_t> stratifiedSample(const Dataset& data,
                                           const std::vector<std::int64_t>& rows,
                                           std::int64_t maxSamples, std::uint64_t seed)
{
    if (maxSamples <= 0 || static_cast<std::int64_t>(rows.size()) <= maxSamples)
        return rows;
    std::map<std::int32_t, std::vector<std::int64_t>> byClass;
    for (std::int64_t r : rows)
        byClass[data.labels[static_cast<std::size_t>(r)]].push_back(r);
    const double share = static_cast<double>(maxSamples) / static_cast<double>(rows.size());
    SplitMix random(seed);
    std::vector<std::int64_t> picked;
    for (auto& [label, members] : byClass) {
        const auto take = std::max<std::size_t>(
            1, static_cast<std::size_t>(share * static_cast<double>(members.size())));
        random.shuffle(members);
        picked.insert(picked.end(), members.begin(),
                      members.begin() +
                          static_cast<std::ptrdiff_t>(std::min(take, members.size())));
    }
    std::sort(picked.begin(), picked.end());
    return picked;
}

// The rows `samples` of the dataset's features in the model's scoring space (normalised as its
// training did; for SAE's visual-to-semantic direction, projected as well).
FloatMatrix normalisedRows(const RelationModel& model, const Dataset& data,
                           const std::vector<std::int64_t>& samples)
{
    FloatMatrix raw(static_cast<std::int64_t>(samples.size()), data.featureDim());
    for (std::size_t i = 0; i < samples.size(); ++i)
        std::memcpy(raw.row(static_cast<std::int64_t>(i)), data.features.row(samples[i]),
                    static_cast<std::size_t>(raw.cols) * sizeof(float));
    return model.toScoringSpace(raw);
}

} // namespace

MapInput unseenMapInput(const RelationModel& model, const Dataset& data, std::int64_t maxSamples,
                        std::uint64_t seed)
{
    requireModelFits(model.state(), data);
    MapInput input;
    input.samples = stratifiedSample(data, data.split(Split::TestUnseen), maxSamples, seed);
    input.labels.reserve(input.samples.size());
    for (const std::int64_t s : input.samples)
        input.labels.push_back(data.labels[static_cast<std::size_t>(s)]);
    input.features = normalisedRows(model, data, input.samples);

    input.classes = data.unseenClasses();
    const FloatMatrix& mapped = model.mappedClasses();
    input.classFeatures = FloatMatrix(static_cast<std::int64_t>(input.classes.size()), mapped.cols);
    for (std::size_t k = 0; k < input.classes.size(); ++k)
        std::memcpy(input.classFeatures.row(static_cast<std::int64_t>(k)),
                    mapped.row(input.classes[k]),
                    static_cast<std::size_t>(mapped.cols) * sizeof(float));
    return input;
}

MapInput withMapSample(const MapInput& input, const RelationModel& model, const Dataset& data,
                       std::int64_t sample)
{
    if (std::find(input.samples.begin(), input.samples.end(), sample) != input.samples.end())
        return input;
    const std::vector<std::int64_t>& unseen = data.split(Split::TestUnseen);
    if (std::find(unseen.begin(), unseen.end(), sample) == unseen.end())
        throw DataError("sample " + std::to_string(sample) +
                        " is not a test sample of an unseen class: the map shows only those");
    // A subsample is in dataset order (a whole split is never missing a sample).
    const auto at = std::lower_bound(input.samples.begin(), input.samples.end(), sample);
    const auto row = static_cast<std::int64_t>(at - input.samples.begin());
    MapInput out;
    out.samples = input.samples;
    out.samples.insert(out.samples.begin() + row, sample);
    out.labels = input.labels;
    out.labels.insert(out.labels.begin() + row, data.labels[static_cast<std::size_t>(sample)]);
    const FloatMatrix added = normalisedRows(model, data, {sample});
    out.features = FloatMatrix(input.features.rows + 1, input.features.cols);
    const auto rowBytes = static_cast<std::size_t>(out.features.cols) * sizeof(float);
    for (std::int64_t r = 0, from = 0; r < out.features.rows; ++r)
        std::memcpy(out.features.row(r), r == row ? added.row(0) : input.features.row(from++),
                    rowBytes);
    out.classes = input.classes;
    out.classFeatures = input.classFeatures;
    return out;
}

} // namespace semrel
