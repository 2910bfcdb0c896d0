// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

class QLogValueAxis;
class QValueAxis;

namespace semrel::ui {

// An axis range that ends on round ticks: multiples of 1, 2 or 5 × 10^k (24.83 and 19.49 become
// 20, 25, 30). `decimals` is what the tick labels need to tell the ticks apart.
struct RoundTicks
{
    double low = 0.0;
    double high = 1.0;
    double step = 0.2;
    int decimals = 1;
};

// The round ticks (at most about `maxTicks` intervals) of a range that holds [low, high]. An
// empty or one-value range gets a small span around the value; `floor` and `ceiling` bound the
// result (0 and 100 for percentages).
RoundTicks roundTicks(double low, double high, int maxTicks, double floor, double ceiling);

// Applies the ticks: range, dynamic ticks anchored at a multiple of the step, label format.
void applyRoundTicks(QValueAxis* axis, const RoundTicks& ticks);

// Round ticks inside the axis's present range (after a zoom), the range left as it is.
void retickWithin(QValueAxis* axis, int maxTicks);

// A log axis over [low, high] (both > 0) from a power of ten to a power of ten.
void applyLogRange(QLogValueAxis* axis, double low, double high);

} // namespace semrel::ui
