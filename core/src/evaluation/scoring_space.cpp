// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/evaluation/scoring_space.h>

#include <string>

namespace semrel {

const char* scoringName(Scoring scoring)
{
    return scoring == Scoring::Dot ? "dot" : "cosine";
}

const char* comparisonSpaceName(ComparisonSpace space)
{
    return space == ComparisonSpace::Semantic ? "semantic" : "visual";
}

FloatMatrix ScoringSpace::toSpace(const FloatMatrix& rawFeatures) const
{
    if (rawFeatures.cols != featureDim())
        throw DataError("features have " + std::to_string(rawFeatures.cols) +
                        " dimensions, the model expects " + std::to_string(featureDim()));
    FloatMatrix normalized = featureNormalizer.apply(rawFeatures);
    if (featureProjection.empty())
        return normalized;
    // Small (a query, a map's few thousand rows): a plain loop in double keeps it exact enough
    // and free of threads.
    FloatMatrix projected(normalized.rows, featureProjection.rows);
    for (std::int64_t r = 0; r < normalized.rows; ++r)
        for (std::int64_t k = 0; k < featureProjection.rows; ++k) {
            double sum = 0.0;
            for (std::int64_t c = 0; c < normalized.cols; ++c)
                sum += static_cast<double>(featureProjection.at(k, c)) * normalized.at(r, c);
            projected.at(r, k) = static_cast<float>(sum);
        }
    return projected;
}

} // namespace semrel
