// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/evaluation/calibrated_stacking.h>
#include <semrel/evaluation/evaluator.h>

#include <cstdint>
#include <vector>

namespace semrel {

// Calibrated stacking's samples from a ClassScorer's answers for the seen and the unseen
// candidate sets of the same rows (one GEMM gives both). Throws Error on lengths that differ.
std::vector<StackingSample> stackingSamples(const std::vector<std::int32_t>& truth,
                                            const ClassScores& amongSeen,
                                            const ClassScores& amongUnseen);

} // namespace semrel
