// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "exploration/window_check.h"

#include <semrel/errors.h>
#include <semrel/exploration/class_accuracy_bars.h>
#include <semrel/exploration/matrix_order.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <unordered_set>

namespace semrel {

std::vector<ClassBar> classBars(const ConfusionCounts& counts,
                                const std::vector<std::int32_t>& classes,
                                const std::vector<std::int32_t>& unseenClasses)
{
    const std::unordered_set<std::int32_t> unseen(unseenClasses.begin(), unseenClasses.end());
    std::vector<ClassBar> bars;
    bars.reserve(classes.size());
    for (std::int32_t c : classes) {
        if (c < 0 || c >= counts.classCount())
            throw DataError("class accuracy: class " + std::to_string(c) + " is outside the " +
                            std::to_string(counts.classCount()) + " classes");
        ClassBar bar;
        bar.classIndex = c;
        bar.samples = counts.samplesOf(c);
        bar.accuracy = bar.samples == 0 ? std::numeric_limits<double>::quiet_NaN()
                                        : static_cast<double>(counts.count(c, c)) /
                                              static_cast<double>(bar.samples);
        bar.unseen = unseen.count(c) > 0;
        bars.push_back(bar);
    }
    return bars;
}

std::vector<std::int32_t> barOrder(const std::vector<ClassBar>& bars, BarOrder order,
                                   const std::vector<std::string>& names)
{
    std::vector<std::int32_t> indices(bars.size());
    std::iota(indices.begin(), indices.end(), 0);
    const auto bar = [&](std::int32_t i) -> const ClassBar& {
        return bars[static_cast<std::size_t>(i)];
    };
    const auto byClass = [&](std::int32_t a, std::int32_t b) {
        return bar(a).classIndex < bar(b).classIndex;
    };
    switch (order) {
    case BarOrder::AccuracyHighFirst:
    case BarOrder::AccuracyLowFirst: {
        const bool high = order == BarOrder::AccuracyHighFirst;
        std::sort(indices.begin(), indices.end(), [&](std::int32_t a, std::int32_t b) {
            const double x = bar(a).accuracy;
            const double y = bar(b).accuracy;
            if (std::isnan(x) != std::isnan(y))
                return std::isnan(y); // classes without samples last
            if (!std::isnan(x) && x != y)
                return high ? x > y : x < y;
            return byClass(a, b);
        });
        return indices;
    }
    case BarOrder::Samples:
        std::sort(indices.begin(), indices.end(), [&](std::int32_t a, std::int32_t b) {
            return bar(a).samples != bar(b).samples ? bar(a).samples > bar(b).samples
                                                    : byClass(a, b);
        });
        return indices;
    case BarOrder::Name: {
        std::vector<std::int32_t> classes(bars.size());
        for (std::size_t i = 0; i < bars.size(); ++i)
            classes[i] = bars[i].classIndex;
        // nameOrder() orders classes; map them back to their bars.
        const std::vector<std::int32_t> byName = nameOrder(names, classes);
        std::vector<std::int32_t> barOf(names.size(), -1);
        for (std::size_t i = 0; i < bars.size(); ++i)
            barOf[static_cast<std::size_t>(bars[i].classIndex)] = static_cast<std::int32_t>(i);
        for (std::size_t i = 0; i < byName.size(); ++i)
            indices[i] = barOf[static_cast<std::size_t>(byName[i])];
        return indices;
    }
    }
    return indices;
}

BarBins barBins(const std::vector<ClassBar>& bars, const std::vector<std::int32_t>& order,
                const AxisBins& window)
{
    requireWindow(window, order.size(), "class accuracy bars");
    const auto count = static_cast<std::size_t>(window.count());
    const float nan = std::numeric_limits<float>::quiet_NaN();
    BarBins out;
    out.bins = window;
    out.mean.assign(count, nan);
    out.low.assign(count, nan);
    out.high.assign(count, nan);
    out.unseenShare.assign(count, 0.0f);
    for (std::size_t b = 0; b < count; ++b) {
        double sum = 0.0;
        int measured = 0;
        int unseen = 0;
        const std::int64_t begin = window.binBegin(static_cast<std::int64_t>(b));
        const std::int64_t end = window.binEnd(static_cast<std::int64_t>(b));
        for (std::int64_t p = begin; p < end; ++p) {
            const std::int32_t i = order[static_cast<std::size_t>(p)];
            if (i < 0 || static_cast<std::size_t>(i) >= bars.size())
                throw DataError("class accuracy bars: position " + std::to_string(p) +
                                " shows bar " + std::to_string(i) + " of " +
                                std::to_string(bars.size()));
            const ClassBar& bar = bars[static_cast<std::size_t>(i)];
            unseen += bar.unseen ? 1 : 0;
            if (std::isnan(bar.accuracy))
                continue;
            const auto a = static_cast<float>(bar.accuracy);
            out.low[b] = measured == 0 ? a : std::min(out.low[b], a);
            out.high[b] = measured == 0 ? a : std::max(out.high[b], a);
            sum += bar.accuracy;
            ++measured;
        }
        if (measured > 0)
            out.mean[b] = static_cast<float>(sum / measured);
        out.unseenShare[b] = static_cast<float>(unseen) / static_cast<float>(end - begin);
    }
    return out;
}

} // namespace semrel
