// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "kernels/adam_kernel.h"

#include <cstdint>

namespace semrel {

// The weight gradient of a Linear layer fused with its Adam step. For a batch of `batchRows`
// rows, the layer's output gradient dZ [batchRows, outFeatures] and its input X
// [batchRows, inFeatures], the gradient of the weight [outFeatures, inFeatures] is dZᵀ·X. It is
// computed in small register tiles and applied at once, so that it never goes to memory: a
// separate GEMM would write all of it (after OpenBLAS zero-fills the output) and Adam would read
// it back, three extra passes over the 21 MB of weights per step at the Table 1 sizes.
//
// Updates weight rows [rowBegin, rowEnd); threads may update disjoint ranges concurrently. Each
// gradient element is the sum over the batch in row order, so the result does not depend on
// the split or on the instruction set the kernel runs with (of those with FMA: vector_isa.h).
void updateWeightRows(const float* outputGradient, const float* input, std::int64_t batchRows,
                      std::int64_t outFeatures, std::int64_t inFeatures, std::int64_t rowBegin,
                      std::int64_t rowEnd, const AdamTarget& weight);

// The bias gradient (column sums of dZ) and its Adam step.
void updateBias(const float* outputGradient, std::int64_t batchRows, std::int64_t outFeatures,
                const AdamTarget& bias);

} // namespace semrel
