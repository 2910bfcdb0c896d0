// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/exploration/nearest_neighbours.h>
#include <semrel/method/semantic_relations.h>

#include <algorithm>
#include <string>

namespace semrel {

std::vector<Neighbour> nearestNeighbours(const FloatMatrix& features,
                                         const std::vector<std::int64_t>& candidates,
                                         std::int64_t query, int k)
{
    const auto outOfRange = [&](std::int64_t row) {
        return DataError("nearest neighbours: row " + std::to_string(row) + " is outside the " +
                         std::to_string(features.rows) + " feature rows");
    };
    if (query < 0 || query >= features.rows)
        throw outOfRange(query);
    std::vector<Neighbour> all;
    all.reserve(candidates.size());
    for (std::int64_t row : candidates) {
        if (row < 0 || row >= features.rows)
            throw outOfRange(row);
        if (row != query)
            all.push_back(
                {row, cosineSimilarity(features.row(query), features.row(row), features.cols)});
    }
    const auto keep = std::min(all.size(), static_cast<std::size_t>(std::max(k, 0)));
    // Stable on equal cosines (duplicates), so that the list is reproducible.
    std::stable_sort(all.begin(), all.end(),
                     [](const Neighbour& a, const Neighbour& b) { return a.cosine > b.cosine; });
    all.resize(keep);
    return all;
}

} // namespace semrel
