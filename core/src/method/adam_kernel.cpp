// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Built with -fno-math-errno (core/CMakeLists.txt): otherwise sqrt must be able to set errno and
// GCC will not vectorise the loop.
#include "method/adam_kernel.h"

#include <cmath>

namespace semrel {

void adamUpdate(float* __restrict param, const float* __restrict grad, float* __restrict expAvg,
                float* __restrict expAvgSq, std::int64_t n, const AdamCoefficients& c)
{
    const float beta1 = c.beta1;
    const float beta2 = c.beta2;
    const float oneMinusBeta1 = 1.0f - beta1;
    const float oneMinusBeta2 = 1.0f - beta2;
    const float eps = c.eps;
    const float decay = c.weightDecay;
    const float stepSize = c.stepSize;
    const float correction = c.inverseSqrtCorrection2;
    for (std::int64_t i = 0; i < n; ++i) {
        const float g = grad[i] + decay * param[i];
        const float m = beta1 * expAvg[i] + oneMinusBeta1 * g;
        const float v = beta2 * expAvgSq[i] + oneMinusBeta2 * g * g;
        expAvg[i] = m;
        expAvgSq[i] = v;
        param[i] -= stepSize * m / (std::sqrt(v) * correction + eps);
    }
}

} // namespace semrel
