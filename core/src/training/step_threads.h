// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

namespace semrel {

// How many threads each training step runs on. A fixed count, or, by default, a count chosen
// per step from the step times measured so far: a step gives the same bits on any number of
// threads, so the choice costs nothing but time. On an idle 2-core machine two threads are
// about 1.6x faster than one; beside a busy process or a second training job they were no
// faster (docs/BENCHMARKS.md), and on a desktop the load comes and goes. So the chooser runs
// the count it believes fastest and, every few dozen steps, one step on another count to keep
// its belief current.
class StepThreads
{
public:
    // `maximum` >= 1 threads (the team's size). `adaptive` false: always `maximum`.
    StepThreads(int maximum, bool adaptive);

    int maximum() const { return m_maximum; }
    // The count for the next step.
    int next();
    // The wall time of the step just run with next()'s count.
    void record(double seconds);
    // The count the chooser believes fastest now (for reports).
    int best() const { return m_best; }

private:
    // Steps on each count before the chooser trusts its estimates, and between two steps on
    // another count than the best: at most 1 step in kExplorePeriod is spent on a slower count
    // (measured cost when idle: 1/kExplorePeriod of the difference, about 2%).
    static constexpr int kFirstSamples = 2;
    static constexpr int kExplorePeriod = 24;
    // Weight of a new step time in a count's estimate (steps differ by batch: ±10%), and the
    // most one step time counts for, as a multiple of the estimate (see record()).
    static constexpr double kWeight = 0.25;
    static constexpr double kMaxRise = 1.5;

    void chooseBest();

    int m_maximum;
    bool m_adaptive;
    std::vector<double> m_estimate; // [count] seconds per step; < 0: not measured yet
    std::vector<int> m_samples;     // [count]
    int m_best;
    int m_current;
    int m_sinceExplore = 0;
    int m_nextExplored = 1;
};

} // namespace semrel
