// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/matrix.h>

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

namespace semrel {

// SAE (Kodirov et al. 2017, Eq. 6-9), as the widely used public implementation computes it
// (docs/REPRODUCTION.md, "Baselines"): the encoder W [a, d] solves the Sylvester equation
//   SSᵀ W + W (λ XXᵀ) = (1 + λ) S Xᵀ
// with X [d, n] the training features scaled to unit length and S [a, n] each sample's class
// embedding as stored. With SSᵀ = P M Pᵀ and XXᵀ = U N Uᵀ (made once) the solution is
//   W = P [(1 + λ) Pᵀ S Xᵀ U ⊘ (M ⊕ λN)] Uᵀ
// one a×d×d product per λ. Where M_i + λN_j vanishes (SSᵀ has rank at most z < a; XXᵀ has rank
// at most n) the equation does not fix W there and the entry is 0: the minimum-norm solution.
class SaeSolver
{
public:
    // `rows`: the training samples. Throws DataError when there are none.
    SaeSolver(const Dataset& data, const std::vector<std::int64_t>& rows);

    // W [a, d] for λ > 0 (else Error).
    FloatMatrix solve(double lambda) const;

private:
    at::Tensor m_u;       // [d, d]
    at::Tensor m_nus;     // [d]: eigenvalues of XXᵀ
    at::Tensor m_p;       // [a, a]
    at::Tensor m_mus;     // [a]: eigenvalues of SSᵀ
    at::Tensor m_rotated; // [a, d]: Pᵀ S Xᵀ U
};

} // namespace semrel
