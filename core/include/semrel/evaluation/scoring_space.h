// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/matrix.h>
#include <semrel/method/normalizer.h>

#include <cstdint>

namespace semrel {

// How a score compares an image with a class: the cosine (the paper's Eq. 6, SAE) or the plain
// dot product (ESZSL's xᵀ V s_c, whose argmax is not the cosine's).
enum class Scoring { Cosine, Dot };
// The space the comparison happens in: the visual (feature) space, where the paper maps classes,
// or the semantic (class embedding) space, where SAE's visual-to-semantic direction maps images.
enum class ComparisonSpace { Visual, Semantic };

const char* scoringName(Scoring scoring);               // "cosine", "dot"
const char* comparisonSpaceName(ComparisonSpace space); // "visual", "semantic"

// Every method's inference in one shape (docs/ARCHITECTURE.md, "Methods and their scores"): a raw
// feature x is normalised, then projected when the method compares in another space, and scored
// against each class's point in that space. The paper's method: x normalised with the training
// statistics, no projection, the points f(y_c), cosine. ESZSL: x as stored, the points V s_c,
// dot product. SAE semantic-to-visual: x as stored, the points Wᵀ s_c, cosine. SAE
// visual-to-semantic: x projected by W, the points s_c, cosine. Plain data.
struct ScoringSpace
{
    Normalizer featureNormalizer;  // [d]: raw feature -> normalised feature
    FloatMatrix featureProjection; // [k, d] after normalising; empty: none (k = d)
    FloatMatrix classPoints;       // [C, k]: each class of the model in the comparison space
    Scoring scoring = Scoring::Cosine;
    ComparisonSpace space = ComparisonSpace::Visual;

    std::int64_t featureDim() const
    {
        return static_cast<std::int64_t>(featureNormalizer.mean.size());
    }
    std::int64_t dimension() const { return classPoints.cols; } // k
    // Raw features [N, d] into the comparison space [N, k]. Throws DataError on another d.
    FloatMatrix toSpace(const FloatMatrix& rawFeatures) const;
};

} // namespace semrel
