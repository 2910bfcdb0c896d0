// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/matrix.h>

#include <cstdint>
#include <vector>

namespace semrel {

struct Neighbour
{
    std::int64_t row = 0; // the candidate's row in the feature matrix
    float cosine = 0.0f;
};

// The `k` rows among `candidates` (rows of `features`) most similar by cosine to row `query`,
// highest first, the query itself left out; ties keep candidate order. Throws DataError when an
// index is out of range.
std::vector<Neighbour> nearestNeighbours(const FloatMatrix& features,
                                         const std::vector<std::int64_t>& candidates,
                                         std::int64_t query, int k);

} // namespace semrel
