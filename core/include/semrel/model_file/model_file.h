// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/model_file/model_state.h>

#include <string>

namespace semrel {

// The model file (docs/FORMATS.md): HDF5 with root attributes format="semrel-model", version,
// method, τ, λ1, λ2, seed, dataset name; /config, /normalization, /weights/<parameter>,
// /classes, /history, and /checkpoint for optimiser state. Plain arrays only: opening a model
// file never runs code from it.

// Writes atomically (temporary file, then rename). Throws ModelError.
void writeModelFile(const ModelState& state, const std::string& path);

// Reads and checks shapes and values. Throws ModelError naming the file and the field.
ModelState readModelFile(const std::string& path);

// True when `path` is an HDF5 file whose root attribute format is "semrel-model" (cheap: reads
// one attribute). False for anything else, including files that cannot be opened. The same
// decision as documentKind() (dataset/document.h), without the error.
bool isModelFile(const std::string& path);

} // namespace semrel
