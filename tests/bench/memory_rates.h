// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once
// The two memory access patterns that bound a training step, timed on plain loops, so that a
// benchmark can state its traffic floor: Adam streaming weights and moments (three arrays read
// and written), and mining reading whole rows drawn at random. Bytes per second over `threads`
// threads, the best of a few runs.

#include "kernels/dot_product.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

namespace bench {

template <typename Work> double bestSeconds(int threads, int repeats, const Work& work)
{
    double best = 1e9;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        std::vector<std::thread> team;
        for (int t = 1; t < threads; ++t)
            team.emplace_back([&work, t] { work(t); });
        work(0);
        for (std::thread& member : team)
            member.join();
        best = std::min(
            best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

// Adam's pattern: weights, first and second moments, 24 bytes read and written per parameter
// (with as little arithmetic as keeps the loop memory-bound: this is the traffic's floor).
inline double adamStreamRate(int threads)
{
    constexpr std::size_t n = std::size_t{16} << 20; // 192 MB in all, far beyond the caches
    std::vector<float> w(n, 0.5f), m(n, 0.0f), v(n, 0.0f);
    const auto work = [&](int t) {
        const std::size_t begin =
            n * static_cast<std::size_t>(t) / static_cast<std::size_t>(threads);
        const std::size_t end =
            n * static_cast<std::size_t>(t + 1) / static_cast<std::size_t>(threads);
        for (std::size_t i = begin; i < end; ++i) {
            m[i] = 0.9f * m[i] + 0.1f * w[i];
            v[i] = 0.999f * v[i] + 0.001f * w[i];
            w[i] -= 1e-3f * m[i];
        }
    };
    return 24.0 * static_cast<double>(n) / bestSeconds(threads, 4, work);
}

// Mining's pattern: dot products of one row with rows of `dim` floats drawn at random from a
// matrix the size of AWA2's training features, by the miner's own kernel (dotProducts(), which
// keeps several rows' misses in flight: the best random-row rate found on this machine).
inline double randomRowRate(int threads, std::int64_t rows, std::int64_t dim)
{
    std::vector<float> matrix(static_cast<std::size_t>(rows * dim), 0.25f);
    std::vector<float> query(static_cast<std::size_t>(dim), 0.5f);
    constexpr std::int64_t draws = 40000, group = 100; // p = 50 candidates per side
    std::vector<float> sink(static_cast<std::size_t>(threads), 0.0f);
    const auto work = [&](int t) {
        std::uint64_t state = 0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(t + 1);
        std::vector<const float*> drawn(static_cast<std::size_t>(group));
        std::vector<float> out(static_cast<std::size_t>(group));
        float total = 0.0f;
        for (std::int64_t k = t * group; k < draws; k += threads * group) {
            for (const float*& row : drawn) {
                state = state * 6364136223846793005ULL + 1442695040888963407ULL;
                row = matrix.data() + static_cast<std::int64_t>(state >> 33) % rows * dim;
            }
            semrel::dotProducts(query.data(), drawn.data(), group, dim, out.data());
            total += out[0];
        }
        sink[static_cast<std::size_t>(t)] = total;
    };
    const double seconds = bestSeconds(threads, 4, work);
    return static_cast<double>(draws * dim) * 4.0 / seconds;
}

} // namespace bench
