// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/exploration/confusion_counts.h>
#include <semrel/exploration/matrix_bins.h>

#include <cstdint>
#include <string>
#include <vector>

namespace semrel {

// One bar of the per-class accuracy chart.
struct ClassBar
{
    std::int32_t classIndex = 0;
    double accuracy = 0.0; // top-1, in [0, 1]; NaN when the class has no test sample
    std::int64_t samples = 0;
    bool unseen = false;
};

// One bar per class of `classes`, in that order, from the counts of a setting's predictions:
// accuracy = count(c, c) / samplesOf(c). `unseenClasses` marks the zero-shot classes. Throws
// DataError for a class outside the counts.
std::vector<ClassBar> classBars(const ConfusionCounts& counts,
                                const std::vector<std::int32_t>& classes,
                                const std::vector<std::int32_t>& unseenClasses);

enum class BarOrder { AccuracyHighFirst, AccuracyLowFirst, Name, Samples };

// The bars' indices in the order asked for: by accuracy (classes without samples last), by class
// name (natural order, nameOrder() in matrix_order.h), or by samples (most first); ties by class
// index. `names` holds every class's name.
std::vector<std::int32_t> barOrder(const std::vector<ClassBar>& bars, BarOrder order,
                                   const std::vector<std::string>& names);

// What the chart draws for bins of bars too narrow to draw one by one: per bin, the mean, lowest
// and highest accuracy of its bars with samples (NaN when none has) and the share of its bars
// that are unseen classes. Position i is bars[order[i]].
struct BarBins
{
    AxisBins bins;
    std::vector<float> mean;
    std::vector<float> low;
    std::vector<float> high;
    std::vector<float> unseenShare;
};

// Throws DataError for a window outside `order` or an entry outside `bars`.
BarBins barBins(const std::vector<ClassBar>& bars, const std::vector<std::int32_t>& order,
                const AxisBins& window);

} // namespace semrel
