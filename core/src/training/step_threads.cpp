// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/step_threads.h"

#include <algorithm>

namespace semrel {

StepThreads::StepThreads(int maximum, bool adaptive)
    : m_maximum(std::max(1, maximum)), m_adaptive(adaptive && m_maximum > 1),
      m_estimate(static_cast<std::size_t>(m_maximum) + 1, -1.0),
      m_samples(static_cast<std::size_t>(m_maximum) + 1, 0), m_best(m_maximum), m_current(m_maximum)
{}

int StepThreads::next()
{
    if (!m_adaptive)
        return m_current = m_maximum;
    // First every count a few times, taking turns (the load may change meanwhile).
    int fewest = m_maximum;
    for (int c = m_maximum; c >= 1; --c)
        if (m_samples[static_cast<std::size_t>(c)] < m_samples[static_cast<std::size_t>(fewest)])
            fewest = c;
    if (m_samples[static_cast<std::size_t>(fewest)] < kFirstSamples)
        return m_current = fewest;
    if (++m_sinceExplore < kExplorePeriod)
        return m_current = m_best;
    m_sinceExplore = 0;
    do
        m_nextExplored = m_nextExplored % m_maximum + 1;
    while (m_nextExplored == m_best);
    return m_current = m_nextExplored;
}

void StepThreads::record(double seconds)
{
    if (!m_adaptive)
        return;
    const auto c = static_cast<std::size_t>(m_current);
    const int n = ++m_samples[c];
    double& estimate = m_estimate[c];
    // Noise only ever slows a step (the run's first step touches its buffers for the first time,
    // another process takes the core for a moment), so the first samples give their minimum, and
    // later a sample raises the moving average by at most kMaxRise: a single slow step no longer
    // hands 1 thread a hundred steps of a 2-thread epoch (measured idle: the default was 10-38%
    // slower than 2 threads), while a lasting load still moves the estimate within a few steps.
    if (n == 1)
        estimate = seconds;
    else if (n <= kFirstSamples)
        estimate = std::min(estimate, seconds);
    else
        estimate = (1.0 - kWeight) * estimate + kWeight * std::min(seconds, kMaxRise * estimate);
    chooseBest();
}

// The count with the lowest estimate, kept unless another is clearly (3%) faster, so that
// counts of equal speed do not take turns on noise.
void StepThreads::chooseBest()
{
    const double current = m_estimate[static_cast<std::size_t>(m_best)];
    for (int c = 1; c <= m_maximum; ++c) {
        const double e = m_estimate[static_cast<std::size_t>(c)];
        if (e >= 0.0 && (current < 0.0 || e < 0.97 * current) &&
            e < m_estimate[static_cast<std::size_t>(m_best)])
            m_best = c;
    }
}

} // namespace semrel
