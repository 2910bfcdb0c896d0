// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <cstring>

namespace semrel {

// 16 floats as a GCC vector: one AVX-512 register, two AVX2 ones, four SSE ones. The same code
// then does the same arithmetic per lane whatever set it is compiled for (vector_isa.h).
using Vec16 = float __attribute__((vector_size(64)));
constexpr std::int64_t kVec16Lanes = 16;

[[gnu::always_inline]] inline Vec16 loadVec16(const float* p)
{
    Vec16 v;
    std::memcpy(&v, p, sizeof v); // unaligned
    return v;
}

[[gnu::always_inline]] inline void storeVec16(float* p, Vec16 v)
{
    std::memcpy(p, &v, sizeof v);
}

} // namespace semrel
