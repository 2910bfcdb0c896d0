// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/method/semantic_relations.h>

#include <cstdint>
#include <vector>

namespace semrel {

// A dataset's class embeddings as the method sees them: normalised to zero mean, unit std with
// the statistics of the seen classes (like the model's embedding normaliser; all classes when
// none is seen yet). [C, a].
FloatMatrix normalizedClassEmbeddings(const Dataset& data);

// The semantic relations between all of a dataset's classes as the method sees them: δ and τ as
// in SemanticRelations over normalizedClassEmbeddings(). Builds the C x C matrix: for the
// training's classes and small sets; the views use ClassSimilarity (exploration/). Throws Error
// for τ outside (-1, 1].
SemanticRelations datasetRelations(const Dataset& data, double tau);

// All classes but r, ordered by δ(m, r): most similar first, ties by class index.
std::vector<std::int32_t> classesBySimilarity(const SemanticRelations& relations, std::int32_t r);

} // namespace semrel
