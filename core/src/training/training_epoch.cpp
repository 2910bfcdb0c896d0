// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_epoch.h"

#include <semrel/errors.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace semrel {

TrainingEpoch::TrainingEpoch(const TrainingConfig& config, const TrainingSetup& setup,
                             RelationNetwork& network, AdamOptimizer& optimizer, int maxThreads)
    : m_config(config), m_setup(setup), m_step(config, setup, network, optimizer),
      m_threads(maxThreads, /*adaptive=*/config.threads <= 0)
{}

bool TrainingEpoch::run(int epoch, WorkerTeam& team, const StopFlag& stop,
                        const Trainer::BatchCallback& onBatch, EpochReport& report)
{
    const auto start = std::chrono::steady_clock::now();
    SplitMix rng(mixSeed(m_config.seed, static_cast<std::uint64_t>(epoch)));
    std::vector<std::int64_t> order(static_cast<std::size_t>(m_setup.set.rowCount()));
    std::iota(order.begin(), order.end(), 0);
    rng.shuffle(order);

    const std::int64_t n = static_cast<std::int64_t>(order.size());
    const std::int64_t batchSize = m_config.batchSize;
    const std::int64_t batches = (n + batchSize - 1) / batchSize;
    double loss = 0.0, o1 = 0.0, o2 = 0.0, o3 = 0.0;
    for (std::int64_t b = 0; b < batches; ++b) {
        if (stop.isRequested())
            return false;
        const std::int64_t first = b * batchSize;
        const int threads = std::min(m_threads.next(), team.size());
        const auto stepStart = std::chrono::steady_clock::now();
        const ObjectiveValue value =
            m_step.run(order.data() + first, std::min(batchSize, n - first), rng, team, threads);
        m_threads.record(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - stepStart).count());
        if (!std::isfinite(value.total))
            throw TrainingError("training diverged: the loss became " +
                                std::string(std::isnan(value.total) ? "NaN" : "infinite") +
                                " at epoch " + std::to_string(epoch) + ", batch " +
                                std::to_string(b + 1) + " (try a smaller learning rate)");
        loss += value.total;
        o1 += value.o1;
        o2 += value.o2;
        o3 += value.o3;
        if (onBatch)
            onBatch(epoch, b + 1, batches);
    }
    report.epoch = epoch;
    report.loss = loss / static_cast<double>(batches);
    report.o1 = o1 / static_cast<double>(batches);
    report.o2 = o2 / static_cast<double>(batches);
    report.o3 = o3 / static_cast<double>(batches);
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return true;
}

} // namespace semrel
