// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/matrix.h>

#include <cstdint>
#include <string>
#include <vector>

namespace semrel {

// Orders for the rows and columns of the matrices the views draw: an order is a list of indices
// (classes, attributes), position i showing item order[i].

// `items` (rows of `vectors`) in an order where rows pointing the same way sit together, so
// that groups of similar classes show as blocks along a matrix's diagonal: the rows are split
// recursively along the line through two far-apart rows (never in a part smaller than a quarter,
// at the widest gap there) and each part's line is turned to agree with its parent's, so that
// the parts' neighbouring ends are alike. Cosine is the measure (rows are scaled to unit length
// first). Deterministic; O(n·d·log n) time and O(n·d) memory for n items of d values, never
// n x n. Throws DataError when an item is not a row of `vectors`.
std::vector<std::int32_t> similarityOrder(const FloatMatrix& vectors,
                                          const std::vector<std::int32_t>& items);
// All rows of `vectors`.
std::vector<std::int32_t> similarityOrder(const FloatMatrix& vectors);

// The columns of `m` [n, k] in an order where correlated columns sit together: similarityOrder()
// of the columns, each standardised over the rows (zero mean), so that the cosine of two
// columns is their correlation. For the attributes of the class embedding heat map.
std::vector<std::int32_t> columnSimilarityOrder(const FloatMatrix& m);

// `items` by their names (indices into `names`) in natural order: case-insensitive, with runs
// of digits compared as numbers ("class 9" before "class 10"); ties by index. Throws DataError
// when an item has no name.
std::vector<std::int32_t> nameOrder(const std::vector<std::string>& names,
                                    const std::vector<std::int32_t>& items);

// Where each item sits in `order`: the inverse permutation, [itemCount], -1 for an item that is
// not in `order`. Throws DataError when an entry of `order` is outside [0, itemCount).
std::vector<std::int32_t> positionsIn(const std::vector<std::int32_t>& order,
                                      std::int64_t itemCount);

} // namespace semrel
