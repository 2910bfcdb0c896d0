// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/evaluation/evaluator.h>
#include <semrel/exploration/matrix_bins.h>

#include <cstdint>
#include <vector>

namespace semrel {

// How often each true class was predicted as each class, stored sparsely: one entry per pair
// that occurs, so memory follows the number of predictions (at most one entry each), never C².
// The dense ConfusionMatrix (evaluation/evaluator.h) stays for small class lists. Immutable:
// any thread may read it.
class ConfusionCounts
{
public:
    struct Entry
    {
        std::int32_t predictedClass = 0;
        std::int64_t count = 0;
    };

    ConfusionCounts() = default;
    // Throws DataError when a prediction's true or predicted class is outside [0, classCount).
    ConfusionCounts(const std::vector<Prediction>& predictions, std::int64_t classCount);

    std::int64_t classCount() const { return static_cast<std::int64_t>(m_samples.size()); }
    // Samples of class t predicted as p; 0 outside the classes.
    std::int64_t count(std::int32_t t, std::int32_t p) const;
    // Samples whose true class is t; 0 outside the classes.
    std::int64_t samplesOf(std::int32_t t) const;
    // The pairs stored: how many distinct (true, predicted) pairs occur.
    std::int64_t entryCount() const { return static_cast<std::int64_t>(m_entries.size()); }
    // The entries of true class t, by predicted class. t must be in [0, classCount()).
    const Entry* rowBegin(std::int32_t t) const;
    const Entry* rowEnd(std::int32_t t) const;

private:
    std::vector<std::int64_t> m_rowStart; // [C + 1] into m_entries
    std::vector<Entry> m_entries;
    std::vector<std::int64_t> m_samples; // [C]
};

// One cell of a confusion matrix: `count` samples of `trueClass` predicted as `predictedClass`,
// `share` of trueClass's samples.
struct ConfusedPair
{
    std::int32_t trueClass = 0;
    std::int32_t predictedClass = 0;
    std::int64_t count = 0;
    double share = 0.0;
};

// The k pairs of distinct classes with the most samples, most first; ties by share, then by true
// and predicted class. O(entries · log k).
std::vector<ConfusedPair> mostConfusedPairs(const ConfusionCounts& counts, std::size_t k);

// The confusion matrix as the Predictions view draws it: row position i is true class
// rowOrder[i], column position j predicted class columnOrder[j]. Each bin's value is the share
// of its rows' samples that were predicted as one of its columns' classes, in [0, 1] (a single
// cell: the share of its row; every row's bins add up to at most 1); NaN when its rows have no
// samples. Reads only the entries of the window's rows. Any thread. Throws DataError for a
// window outside the orders or an order entry that is not a class.
MatrixBins confusionBins(const ConfusionCounts& counts, const std::vector<std::int32_t>& rowOrder,
                         const std::vector<std::int32_t>& columnOrder, const AxisBins& rows,
                         const AxisBins& columns);

// The (up to) k largest non-empty cells of the block of positions [rows.begin, rows.end) x
// [columns.begin, columns.end) of the orders, largest first (ties as mostConfusedPairs()), the
// diagonal included: what a view reports of a bin too small to show its cells.
std::vector<ConfusedPair> largestCellsIn(const ConfusionCounts& counts,
                                         const std::vector<std::int32_t>& rowOrder,
                                         const std::vector<std::int32_t>& columnOrder,
                                         const AxisBins& rows, const AxisBins& columns,
                                         std::size_t k);

} // namespace semrel
