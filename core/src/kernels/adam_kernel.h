// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cmath>
#include <cstdint>

namespace semrel {

// One Adam step's scalars (Kingma & Ba; L2 weight decay added to the gradient, as torch's Adam).
struct AdamCoefficients
{
    float beta1 = 0.9f;
    float beta2 = 0.999f;
    float eps = 1e-8f;
    float weightDecay = 0.0f;
    float stepSize = 0.0f;               // lr / (1 - beta1^t)
    float inverseSqrtCorrection2 = 1.0f; // 1 / sqrt(1 - beta2^t)
};

// One parameter tensor and its Adam state as plain memory, with this step's coefficients.
struct AdamTarget
{
    float* param = nullptr;
    float* expAvg = nullptr;
    float* expAvgSq = nullptr;
    std::int64_t size = 0;
    AdamCoefficients coefficients;
};

// The Adam step of one element. Inline so that the loops calling it vectorise (their files are
// built with -fno-math-errno: otherwise sqrt must be able to set errno and GCC will not).
inline void adamElement(float& param, float grad, float& expAvg, float& expAvgSq,
                        const AdamCoefficients& c)
{
    const float g = grad + c.weightDecay * param;
    const float m = c.beta1 * expAvg + (1.0f - c.beta1) * g;
    const float v = c.beta2 * expAvgSq + (1.0f - c.beta2) * g * g;
    expAvg = m;
    expAvgSq = v;
    param -= c.stepSize * m / (std::sqrt(v) * c.inverseSqrtCorrection2 + c.eps);
}

// Updates n parameters in one pass over p, g, m and v: torch's Adam takes about ten passes
// (and temporaries) for the same step, and at 5.3 M parameters the step is memory-bound.
// Element-wise, so the result does not depend on how the range is split between threads.
void adamUpdate(float* param, const float* grad, float* expAvg, float* expAvgSq, std::int64_t n,
                const AdamCoefficients& c);

} // namespace semrel
