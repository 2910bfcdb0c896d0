// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/model_file/model_state.h>

#include <optional>
#include <string>

namespace semrel {

// Does this model fit this dataset? The one rule that evaluation, the maps, the query, the
// command line and the window all apply. A model compares features with its own mapped classes
// by index, so the dataset must have the model's feature and embedding dimensions and the
// model's classes in the same order; and testing on a class the model was trained on would
// flatter the zero-shot numbers, so no class of test_unseen may be one the model saw.
//
// `origin` names the dataset in the message, usually its file ("awa2.h5"); when empty the
// dataset's name is used ("dataset 'AWA2'"). A reason reads
//   "awa2.h5: '/classes/embeddings' has 102 columns, the model expects 85".
// Cost O(C + N_test_unseen). Pure: any thread.

// The reason `model` cannot be used on `data`, or nothing when it can.
std::optional<std::string> modelMisfit(const ModelState& model, const Dataset& data,
                                       const std::string& origin = {});

// Throws DataError with modelMisfit()'s reason when the model does not fit.
void requireModelFits(const ModelState& model, const Dataset& data, const std::string& origin = {});

} // namespace semrel
