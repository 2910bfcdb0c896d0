// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "planted_evaluation.h"

#include <semrel/dataset/synthetic_dataset.h>

namespace semrel::test {

namespace {

float scoreOf(std::size_t i)
{
    static const float kScores[] = {0.5f, 0.1f, 0.0123f, 0.25f, 0.00042f, 0.9876f};
    return kScores[i % 6];
}

} // namespace

PlantedEvaluation plantedEvaluation(int classes, int unseenClasses)
{
    SyntheticSpec spec;
    spec.classCount = classes;
    spec.unseenClassCount = unseenClasses;
    spec.valClassCount = 2;
    spec.samplesPerClass = 2;
    spec.testSeenFraction = 0.5;
    spec.featureDim = 2;
    spec.embeddingDim = 102;
    spec.seed = 17;
    auto data = std::make_shared<const Dataset>(makeSyntheticDataset(spec));
    auto result = std::make_shared<EvaluationResult>();
    result->unseenClasses = data->unseenClasses();
    result->seenClasses = data->seenClasses();
    const auto& unseen = result->unseenClasses;
    const auto& seen = result->seenClasses;
    std::vector<std::int32_t> unseenIndex(static_cast<std::size_t>(classes), -1);
    for (std::size_t i = 0; i < unseen.size(); ++i)
        unseenIndex[static_cast<std::size_t>(unseen[i])] = static_cast<std::int32_t>(i);

    for (const std::int64_t row : data->split(Split::TestUnseen)) {
        const std::int32_t c = data->labels[static_cast<std::size_t>(row)];
        const std::int32_t i = unseenIndex[static_cast<std::size_t>(c)];
        const bool second = row % 2 == 1;
        std::int32_t zsl = c;
        if (i < 3)
            zsl = unseen[10];
        else if (i >= 14 && i % 7 == 0 && second)
            zsl = unseen[static_cast<std::size_t>(i + 1) % unseen.size()];
        std::int32_t gzsl = zsl;
        if (i % 5 == 1 && second)
            gzsl = seen[static_cast<std::size_t>(i) % seen.size()];
        const float score = scoreOf(result->zslPredictions.size());
        result->zslPredictions.push_back({row, c, zsl, score});
        result->gzslPredictions.push_back({row, c, gzsl, score});
    }
    for (const std::int64_t row : data->split(Split::TestSeen)) {
        const std::int32_t c = data->labels[static_cast<std::size_t>(row)];
        const std::int32_t predicted = c % 11 == 0 ? (c + 1) % classes : c;
        result->gzslPredictions.push_back({row, c, predicted, scoreOf(std::size_t(row))});
    }

    std::vector<std::int32_t> truth;
    std::vector<std::int32_t> zsl;
    std::vector<std::int32_t> ts;
    for (std::size_t k = 0; k < result->zslPredictions.size(); ++k) {
        truth.push_back(result->zslPredictions[k].trueClass);
        zsl.push_back(result->zslPredictions[k].predictedClass);
        ts.push_back(result->gzslPredictions[k].predictedClass);
    }
    std::vector<std::int32_t> seenTruth;
    std::vector<std::int32_t> tr;
    for (std::size_t k = result->zslPredictions.size(); k < result->gzslPredictions.size(); ++k) {
        seenTruth.push_back(result->gzslPredictions[k].trueClass);
        tr.push_back(result->gzslPredictions[k].predictedClass);
    }
    result->zslAccuracy = meanPerClassAccuracy(truth, zsl, unseen);
    result->gzslUnseen = meanPerClassAccuracy(truth, ts, unseen);
    result->gzslSeen = meanPerClassAccuracy(seenTruth, tr, seen);
    result->gzslH = harmonicMean(result->gzslUnseen, result->gzslSeen);
    return {data, result};
}

} // namespace semrel::test
