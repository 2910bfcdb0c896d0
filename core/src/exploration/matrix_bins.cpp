// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "exploration/window_check.h"

#include <semrel/errors.h>
#include <semrel/exploration/matrix_bins.h>

#include <cmath>
#include <string>

namespace semrel {

AxisBins axisBinsFor(std::int64_t length, double first, double last, double pixels)
{
    AxisBins bins;
    if (length <= 0 || !(last > first) || !(pixels > 0.0))
        return bins;
    first = std::clamp(first, 0.0, static_cast<double>(length));
    last = std::clamp(last, 0.0, static_cast<double>(length));
    const double positionsPerPixel = (last - first) / pixels;
    while (static_cast<double>(bins.stride) < positionsPerPixel)
        bins.stride *= 2;
    bins.begin = static_cast<std::int64_t>(std::floor(first)) / bins.stride * bins.stride;
    bins.end = std::min(length, static_cast<std::int64_t>(std::ceil(last)));
    if (bins.end <= bins.begin)
        bins.end = std::min(length, bins.begin + 1);
    return bins;
}

void requireWindow(const AxisBins& bins, std::size_t orderSize, const char* what)
{
    if (bins.begin < 0 || bins.end < bins.begin || bins.stride < 1 ||
        bins.end > static_cast<std::int64_t>(orderSize))
        throw DataError(std::string(what) + ": positions [" + std::to_string(bins.begin) + ", " +
                        std::to_string(bins.end) + ") in steps of " + std::to_string(bins.stride) +
                        " do not fit an order of " + std::to_string(orderSize));
}

} // namespace semrel
