// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "zoom/axis_labels.h"

#include <algorithm>
#include <cmath>

namespace semrel::ui {

std::int64_t labelStep(double pixelsPerPosition, double labelExtent)
{
    if (!(pixelsPerPosition > 0.0))
        return 0;
    const double needed = labelExtent / pixelsPerPosition;
    constexpr std::int64_t kLargest = std::int64_t(1) << 50;
    for (std::int64_t decade = 1; decade < kLargest; decade *= 10)
        for (const std::int64_t m : {1, 2, 5})
            if (static_cast<double>(m * decade) >= needed)
                return m * decade;
    return kLargest;
}

std::vector<std::int64_t> labelledPositions(const ZoomAxis& axis, double labelExtent)
{
    std::vector<std::int64_t> positions;
    const std::int64_t step = labelStep(axis.pixelsPerPosition(), labelExtent);
    if (step <= 0 || axis.length() == 0)
        return positions;
    const auto first = static_cast<std::int64_t>(std::floor(axis.first()));
    const std::int64_t end =
        std::min(axis.length(), static_cast<std::int64_t>(std::ceil(axis.last())));
    for (std::int64_t p = (first + step - 1) / step * step; p < end; p += step)
        positions.push_back(p);
    return positions;
}

} // namespace semrel::ui
