// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/method/dataset_relations.h>
#include <semrel/method/normalizer.h>

#include <algorithm>
#include <numeric>

namespace semrel {

FloatMatrix normalizedClassEmbeddings(const Dataset& data)
{
    const std::vector<std::int32_t> seen = data.seenClasses();
    // With no seen class (a dataset under construction) fit on all rows rather than on none.
    const std::vector<std::int64_t> rows(seen.begin(), seen.end());
    return Normalizer::fit(data.classEmbeddings, rows).apply(data.classEmbeddings);
}

SemanticRelations datasetRelations(const Dataset& data, double tau)
{
    return SemanticRelations(normalizedClassEmbeddings(data), tau);
}

std::vector<std::int32_t> classesBySimilarity(const SemanticRelations& relations, std::int32_t r)
{
    std::vector<std::int32_t> order;
    order.reserve(static_cast<std::size_t>(relations.classCount()));
    for (std::int64_t m = 0; m < relations.classCount(); ++m) {
        if (m != r)
            order.push_back(static_cast<std::int32_t>(m));
    }
    std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
        return relations.delta(a, r) > relations.delta(b, r);
    });
    return order;
}

} // namespace semrel
