// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "model_file/model_file_layout.h"

#include <semrel/evaluation/scoring_space.h>
#include <semrel/matrix.h>
#include <semrel/model_file/model_state.h>

namespace semrel {

// What an ESZSL or SAE model file stores, and how inference reads it (docs/FORMATS.md, "Model
// file"). One matrix each, as a /weights tensor: ESZSL's V [d, a], SAE's W [a, d]. The
// normalisers stored with them are identities (mean 0, std 1): both methods take features and
// class embeddings as the dataset stores them, as the public implementation they follow does.
constexpr const char* kEszslMatrix = model_layout::kEszslMatrix;
constexpr const char* kSaeMatrix = model_layout::kSaeMatrix;

// The scoring space of an ESZSL or SAE state (scoring_space.h). Throws ModelError when the
// matrix is missing or of another shape.
ScoringSpace closedFormScoringSpace(const ModelState& state);

// The class points of raw class embeddings [C, a] for that state: ESZSL V s_c, SAE
// semantic-to-visual Wᵀ s_c (rows of W and s_c made unit length first, then the result, as the
// public implementation does), SAE visual-to-semantic s_c itself.
FloatMatrix closedFormClassPoints(const ModelState& state, const FloatMatrix& rawEmbeddings);

// Rows scaled to unit length (a zero row stays zero).
FloatMatrix unitRows(const FloatMatrix& m);

} // namespace semrel
