// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "untrained_model.h"

#include "method/relation_network.h"

#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/method/normalizer.h>

namespace semrel::test {

std::shared_ptr<const Dataset> scaleDataset(int classes)
{
    SyntheticSpec spec;
    spec.classCount = classes;
    spec.unseenClassCount = classes / 10;
    spec.valClassCount = classes / 10;
    spec.samplesPerClass = classes >= 1000 ? 2 : 3;
    spec.testSeenFraction = 0.5;
    spec.featureDim = 16;
    spec.embeddingDim = 102;
    spec.seed = 13;
    return std::make_shared<const Dataset>(makeSyntheticDataset(spec));
}

ModelState untrainedModelState(const Dataset& data)
{
    ModelState state;
    state.config.network.encoderHidden = {32};
    state.config.network.decoderHidden = {32};
    state.config.seed = 17;
    describeDataset(state, data);
    state.featureNormalizer = Normalizer::fit(data.features, data.split(Split::Trainval));
    std::vector<std::int64_t> seen;
    for (const std::int32_t c : data.seenClasses())
        seen.push_back(c);
    state.embeddingNormalizer = Normalizer::fit(data.classEmbeddings, seen);
    const RelationNetwork network(data.embeddingDim(), data.featureDim(), state.config.network,
                                  /*withDecoder=*/true, state.config.seed);
    state.parameters = network->exportParameters();
    return state;
}

} // namespace semrel::test
