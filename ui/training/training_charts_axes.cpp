// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_charts_axes.h"

#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace semrel::ui {

namespace {

// The smallest of 1, 2, 5 × 10^k that is at least `raw`.
double roundStep(double raw)
{
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * power >= raw * (1.0 - 1e-9))
            return m * power;
    return 10.0 * power;
}

} // namespace

RoundTicks roundTicks(double low, double high, int maxTicks, double floor, double ceiling)
{
    if (!std::isfinite(low) || !std::isfinite(high) || low > high) {
        low = floor;
        high = std::min(ceiling, floor + 1.0);
    }
    double span = high - low;
    if (span <= 0.0) { // one value: a little room around it
        const double room = std::max(std::abs(low) * 0.1, 1e-3);
        low -= room;
        high += room;
        span = high - low;
    }
    // A value a hair below zero (O1 of a converged run, -0.004 beside 100) would pull the axis
    // a whole step below zero: the axis starts at zero.
    if (low < 0.0 && high > 0.0 && -low < 0.01 * span)
        low = 0.0;
    RoundTicks ticks;
    ticks.step = roundStep(span / std::max(1, maxTicks));
    ticks.low = std::max(floor, std::floor(low / ticks.step + 1e-9) * ticks.step);
    ticks.high = std::min(ceiling, std::ceil(high / ticks.step - 1e-9) * ticks.step);
    if (ticks.high <= ticks.low)
        ticks.high = ticks.low + ticks.step;
    ticks.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(ticks.step) + 1e-9)));
    return ticks;
}

void applyRoundTicks(QValueAxis* axis, const RoundTicks& ticks)
{
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(std::round(ticks.low / ticks.step) * ticks.step);
    // Change the coarser of range and interval first: a wide range at a fine interval would
    // make the axis create thousands of tick items on the way.
    if (ticks.step >= axis->tickInterval()) {
        axis->setTickInterval(ticks.step);
        axis->setRange(ticks.low, ticks.high);
    } else {
        axis->setRange(ticks.low, ticks.high);
        axis->setTickInterval(ticks.step);
    }
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(ticks.decimals));
}

void retickWithin(QValueAxis* axis, int maxTicks)
{
    const double low = axis->min();
    const double high = axis->max();
    RoundTicks ticks = roundTicks(low, high, maxTicks, low, high);
    ticks.low = low;
    ticks.high = high;
    applyRoundTicks(axis, ticks);
}

void applyLogRange(QLogValueAxis* axis, double low, double high)
{
    const double from = std::pow(10.0, std::floor(std::log10(low)));
    double to = std::pow(10.0, std::ceil(std::log10(high)));
    if (to <= from)
        to = from * 10.0;
    axis->setRange(from, to);
    axis->setMinorTickCount(8); // 2, 3, ..., 9 between the powers of ten
    axis->setLabelFormat(QStringLiteral("%g"));
}

} // namespace semrel::ui
