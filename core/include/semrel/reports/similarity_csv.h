// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/evaluation/inspector.h>

#include <cstdint>
#include <string>
#include <vector>

namespace semrel {

// What one image resembles (inspectFeature()) as a table (docs/FORMATS.md), one row per class in
// the order given:
//   rank,class_index,class,cosine,relation,tau,seen,true_class
// `relation` is similar or dissimilar at the threshold `tau` (the same in every row); `seen` and
// `true_class` are 0 or 1. `trueClass` is -1 when the image has none (an image file).
std::string similarityCsv(const std::vector<ClassSimilarity>& similarities, std::int32_t trueClass,
                          double tau);

// Writes similarityCsv() to `path` atomically (never half a file). Throws DataError naming
// `path`.
void writeSimilarityCsv(const std::vector<ClassSimilarity>& similarities, std::int32_t trueClass,
                        double tau, const std::string& path);

} // namespace semrel
