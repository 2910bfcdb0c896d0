// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/evaluation/inspector.h>

#include <QString>

#include <vector>

namespace semrel::ui {

// Writes the similarities as CSV, one row per class in the order given: rank, class index, name,
// cosine, relation at the chosen τ, seen, and whether it is the true class. Atomic (QSaveFile).
// Returns an error message, empty on success.
QString writeSimilarityCsv(const std::vector<ClassSimilarity>& similarities, int trueClass,
                           double tau, const QString& path);

} // namespace semrel::ui
