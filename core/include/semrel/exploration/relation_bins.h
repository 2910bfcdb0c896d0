// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/exploration/class_deltas.h>
#include <semrel/exploration/matrix_bins.h>

#include <cstdint>
#include <vector>

namespace semrel {

// The relation matrix at τ as the Dataset view draws it: row position i is the reference class
// rowOrder[i], column position j the class columnOrder[j]. Each bin's value is the share of its
// pairs of distinct classes that are similar at τ (isSimilar(), method/semantic_relations.h), in
// [0, 1]; NaN when the bin holds no such pair (a class against itself on the diagonal).
//
// Exact when the window holds at most `budget` cells. Beyond that each bin is estimated from an
// evenly spaced grid of its cells, as many as the budget allows (at least one per bin), and the
// result says so (MatrixBins::sampled). δ comes from one matrix product of the picked classes'
// unit rows: at most `budget` values are computed and held, never the C x C matrix. Any thread.
// Throws Error for τ outside (-1, 1], DataError for a window outside the orders or an order entry
// that is not a class.
MatrixBins relationBins(const ClassDeltas& classDeltas, const std::vector<std::int32_t>& rowOrder,
                        const std::vector<std::int32_t>& columnOrder, const AxisBins& rows,
                        const AxisBins& columns, double tau,
                        std::int64_t budget = kDefaultCellBudget);

} // namespace semrel
