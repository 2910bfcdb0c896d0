// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "kernels/adam_kernel.h"

namespace semrel {

void adamUpdate(float* __restrict param, const float* __restrict grad, float* __restrict expAvg,
                float* __restrict expAvgSq, std::int64_t n, const AdamCoefficients& c)
{
    const AdamCoefficients k = c; // a local copy: the compiler need not reload it per element
    for (std::int64_t i = 0; i < n; ++i)
        adamElement(param[i], grad[i], expAvg[i], expAvgSq[i], k);
}

} // namespace semrel
