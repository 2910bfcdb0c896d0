// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_rows.h"

#include <algorithm>
#include <numeric>

namespace semrel {

TrainingRows trainingRows(const Dataset& data, const TrainingConfig& config)
{
    TrainingRows rows;
    if (config.trainSplit != Split::Train) {
        rows.train = data.split(config.trainSplit);
        return rows;
    }
    rows.tuning = tuningRows(data, config.tuningSplits, config.seenHoldout, config.seed);
    rows.train = rows.tuning.fit;
    return rows;
}

std::vector<std::int32_t> classesOf(const Dataset& data, const std::vector<std::int64_t>& rows)
{
    std::vector<char> present(static_cast<std::size_t>(data.classCount()), 0);
    for (std::int64_t i : rows)
        present[static_cast<std::size_t>(data.labels[static_cast<std::size_t>(i)])] = 1;
    std::vector<std::int32_t> classes;
    for (std::size_t c = 0; c < present.size(); ++c)
        if (present[c])
            classes.push_back(static_cast<std::int32_t>(c));
    return classes;
}

std::vector<std::int64_t> embeddingStatisticsRows(const Dataset& data,
                                                  const std::vector<std::int64_t>& trainRows,
                                                  AttributeStats stats)
{
    if (stats == AttributeStats::All) {
        std::vector<std::int64_t> all(static_cast<std::size_t>(data.classCount()));
        std::iota(all.begin(), all.end(), 0);
        return all;
    }
    const std::vector<std::int32_t> classes = classesOf(data, trainRows);
    return {classes.begin(), classes.end()};
}

} // namespace semrel
