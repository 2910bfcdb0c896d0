// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/evaluation/prediction_stats.h>

#include <limits>
#include <unordered_map>

namespace semrel {

std::vector<ClassAccuracy> classAccuracies(const std::vector<Prediction>& predictions,
                                           const std::vector<std::int32_t>& classes)
{
    std::unordered_map<std::int32_t, std::size_t> position;
    std::vector<ClassAccuracy> result(classes.size());
    for (std::size_t i = 0; i < classes.size(); ++i) {
        result[i].classIndex = classes[i];
        position.emplace(classes[i], i);
    }
    for (const Prediction& p : predictions) {
        const auto it = position.find(p.trueClass);
        if (it == position.end())
            continue;
        ClassAccuracy& a = result[it->second];
        ++a.samples;
        a.correct += p.predictedClass == p.trueClass ? 1 : 0;
    }
    for (ClassAccuracy& a : result)
        a.accuracy = a.samples == 0
                         ? std::numeric_limits<double>::quiet_NaN()
                         : static_cast<double>(a.correct) / static_cast<double>(a.samples);
    return result;
}

ConfusionMatrix confusionOf(const std::vector<Prediction>& predictions,
                            const std::vector<std::int32_t>& classes)
{
    std::vector<std::int32_t> truth;
    std::vector<std::int32_t> predicted;
    truth.reserve(predictions.size());
    predicted.reserve(predictions.size());
    for (const Prediction& p : predictions) {
        truth.push_back(p.trueClass);
        predicted.push_back(p.predictedClass);
    }
    return confusionMatrix(truth, predicted, classes);
}

} // namespace semrel
