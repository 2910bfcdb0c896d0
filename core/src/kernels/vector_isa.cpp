// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "kernels/vector_isa.h"

namespace semrel {

VectorIsa vectorIsa()
{
    static const VectorIsa isa = [] {
        __builtin_cpu_init();
        if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
            __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("fma"))
            return VectorIsa::Avx512;
        if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
            return VectorIsa::Avx2;
        return VectorIsa::Generic;
    }();
    return isa;
}

const char* vectorIsaName(VectorIsa isa)
{
    switch (isa) {
    case VectorIsa::Avx512:
        return "avx512";
    case VectorIsa::Avx2:
        return "avx2";
    case VectorIsa::Generic:
        break;
    }
    return "generic";
}

} // namespace semrel
