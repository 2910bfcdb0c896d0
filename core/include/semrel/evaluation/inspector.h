// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/method/semantic_relations.h>

#include <cstdint>
#include <string>
#include <vector>

namespace semrel {

class RelationModel;

// How much one image resembles each class (the paper's "approximate semantic inference",
// Sec. 4.5, Fig. 4): the cosine of its feature with every mapped class embedding. For another
// method, its own score (scoring_space.h): the cosine in its space, or ESZSL's dot product.
struct ClassSimilarity
{
    std::int32_t classIndex = 0;
    std::string className;
    float similarity = 0.0f;                  // cos(f(y_c), x), or the method's score
    Relation relation = Relation::Dissimilar; // Similar when similarity >= τ, else Dissimilar
    bool seen = false;
};

struct InspectionOptions
{
    double tau = 0.0;
    std::vector<std::int32_t> hiddenClasses; // left out, as if the model had no embedding for them
};

// Sorted by similarity, highest first. `rawFeature` has the dataset's feature dimension.
// Throws DataError when its length does not match the model.
std::vector<ClassSimilarity> inspectFeature(const RelationModel& model,
                                            const std::vector<float>& rawFeature,
                                            const InspectionOptions& options = {});

} // namespace semrel
