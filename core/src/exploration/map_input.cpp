// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/random.h"

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

} // namespace

MapInput unseenMapInput(const RelationModel& model, const Dataset& data, std::int64_t maxSamples,
                        std::uint64_t seed)
{
    requireModelFits(model.state(), data);
    MapInput input;
    input.samples = stratifiedSample(data, data.split(Split::TestUnseen), maxSamples, seed);
    FloatMatrix raw(static_cast<std::int64_t>(input.samples.size()), data.featureDim());
    input.labels.reserve(input.samples.size());
    for (std::size_t i = 0; i < input.samples.size(); ++i) {
        const std::int64_t s = input.samples[i];
        std::memcpy(raw.row(static_cast<std::int64_t>(i)), data.features.row(s),
                    static_cast<std::size_t>(raw.cols) * sizeof(float));
        input.labels.push_back(data.labels[static_cast<std::size_t>(s)]);
    }
    input.features = model.toScoringSpace(raw);

    input.classes = data.unseenClasses();
    const FloatMatrix& mapped = model.mappedClasses();
    input.classFeatures = FloatMatrix(static_cast<std::int64_t>(input.classes.size()), mapped.cols);
    for (std::size_t k = 0; k < input.classes.size(); ++k)
        std::memcpy(input.classFeatures.row(static_cast<std::int64_t>(k)),
                    mapped.row(input.classes[k]),
                    static_cast<std::size_t>(mapped.cols) * sizeof(float));
    return input;
}

} // namespace semrel
