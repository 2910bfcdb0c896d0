// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace semrel {

// The training's own random numbers. Defined here bit for bit (SplitMix64, Lemire's bounded
// integers, Fisher-Yates) rather than with <random>'s distributions, whose output the standard
// leaves to the library: a seed then gives the same run with every compiler. Each epoch gets a
// generator derived from (seed, epoch), so a resumed run can rebuild it without saved state.
// GCC and Clang extension; spelled so that -Wpedantic accepts it.
__extension__ using Uint128 = unsigned __int128;

class SplitMix
{
public:
    explicit SplitMix(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    // Uniform integer in [0, n), n >= 1, without modulo bias (Lemire 2019).
    std::uint64_t below(std::uint64_t n)
    {
        for (;;) {
            const Uint128 product = static_cast<Uint128>(next()) * n;
            const auto low = static_cast<std::uint64_t>(product);
            if (low >= n || low >= (0 - n) % n)
                return static_cast<std::uint64_t>(product >> 64);
        }
    }

    template <typename T> void shuffle(std::vector<T>& values)
    {
        for (std::size_t i = values.size(); i > 1; --i)
            std::swap(values[i - 1], values[below(i)]);
    }

private:
    std::uint64_t m_state;
};

// Independent streams of one seed: the weight init, and one per epoch (stream = epoch number).
constexpr std::uint64_t kInitStream = 0xffffffffULL;

inline std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream)
{
    SplitMix mix(seed ^ (stream * 0xd1b54a32d192ed03ULL));
    mix.next();
    return mix.next();
}

} // namespace semrel
