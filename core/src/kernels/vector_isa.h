// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

namespace semrel {

// The widest vector instruction set this CPU offers, for the few hand-vectorised kernels
// (weight_update_kernel, dot_product). They are compiled once per set with GCC's target
// attribute and pick one at run time, so the binary itself assumes only x86-64.
//
// Bits: GCC contracts `acc += a * b` into one fused multiply-add in the AVX-512 and AVX2 variants
// (both with FMA, one rounding), but cannot in the generic one, which rounds the product first.
// "The same order on every instruction set" in the kernels' comments holds for the two FMA
// variants; on a CPU without FMA (before 2013) results differ from them in the last bits, though
// still not with the thread count. There is no such CPU here to test on.
enum class VectorIsa {
    Avx512, // AVX-512 F/VL/DQ with FMA
    Avx2,   // AVX2 with FMA
    Generic,
};

VectorIsa vectorIsa();
const char* vectorIsaName(VectorIsa isa); // "avx512", "avx2", "generic"

// Compiles `body` (a call of an always_inline function) three times, one per instruction set,
// as static functions name##Avx512, name##Avx2 and name##Generic, and defines name##ForThisCpu():
// the variant for vectorIsa(), chosen once.
#define SEMREL_VECTOR_VARIANTS(returns, name, params, body)                                        \
    [[gnu::target("avx512f,avx512vl,avx512dq,avx2,fma")]] returns name##Avx512 params              \
    {                                                                                              \
        body;                                                                                      \
    }                                                                                              \
    [[gnu::target("avx2,fma")]] returns name##Avx2 params                                          \
    {                                                                                              \
        body;                                                                                      \
    }                                                                                              \
    returns name##Generic params                                                                   \
    {                                                                                              \
        body;                                                                                      \
    }                                                                                              \
    auto name##ForThisCpu()                                                                        \
    {                                                                                              \
        static const auto chosen = vectorIsa() == VectorIsa::Avx512 ? name##Avx512                 \
                                   : vectorIsa() == VectorIsa::Avx2 ? name##Avx2                   \
                                                                    : name##Generic;               \
        return chosen;                                                                             \
    }

} // namespace semrel
