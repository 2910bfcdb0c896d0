// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/evaluation/inspector.h>
#include <semrel/evaluation/relation_model.h>

#include <algorithm>
#include <string>

namespace semrel {

namespace {

float dotProduct(const float* a, const float* b, std::int64_t n)
{
    double sum = 0.0;
    for (std::int64_t i = 0; i < n; ++i)
        sum += static_cast<double>(a[i]) * b[i];
    return static_cast<float>(sum);
}

} // namespace

std::vector<ClassSimilarity> inspectFeature(const RelationModel& model,
                                            const std::vector<float>& rawFeature,
                                            const InspectionOptions& options)
{
    const ModelState& state = model.state();
    const auto featureDim = static_cast<std::int64_t>(rawFeature.size());
    if (featureDim != state.featureDim)
        throw DataError("inspect: the feature has " + std::to_string(featureDim) +
                        " values, the model expects " + std::to_string(state.featureDim));
    const auto classCount = static_cast<std::int64_t>(state.classNames.size());
    std::vector<char> hidden(static_cast<std::size_t>(classCount), 0);
    for (std::int32_t c : options.hiddenClasses) {
        if (c < 0 || c >= classCount)
            throw DataError("inspect: hidden class " + std::to_string(c) + " is not one of the " +
                            std::to_string(classCount) + " classes of the model");
        hidden[static_cast<std::size_t>(c)] = 1;
    }
    std::vector<char> seen(hidden.size(), 0);
    for (std::int32_t c : state.seenClasses)
        if (c >= 0 && c < classCount)
            seen[static_cast<std::size_t>(c)] = 1;

    FloatMatrix raw(1, featureDim);
    raw.values = rawFeature;
    // The model compares in its own space (normalised, perhaps projected), as evaluate() does,
    // by its own score.
    const FloatMatrix feature = model.toScoringSpace(raw);
    const FloatMatrix& mapped = model.mappedClasses();
    const bool dot = model.scoringSpace().scoring == Scoring::Dot;
    const std::int64_t dimension = feature.cols;

    std::vector<ClassSimilarity> result;
    result.reserve(static_cast<std::size_t>(classCount));
    for (std::int32_t c = 0; c < classCount; ++c) {
        const auto k = static_cast<std::size_t>(c);
        if (hidden[k])
            continue;
        ClassSimilarity s;
        s.classIndex = c;
        s.className = state.classNames[k];
        s.similarity = dot ? dotProduct(feature.row(0), mapped.row(c), dimension)
                           : cosineSimilarity(feature.row(0), mapped.row(c), dimension);
        s.relation = s.similarity >= options.tau ? Relation::Similar : Relation::Dissimilar;
        s.seen = seen[k] != 0;
        result.push_back(std::move(s));
    }
    // Stable: equal similarities keep class order, so the listing is reproducible.
    std::stable_sort(result.begin(), result.end(),
                     [](const ClassSimilarity& a, const ClassSimilarity& b) {
                         return a.similarity > b.similarity;
                     });
    return result;
}

} // namespace semrel
