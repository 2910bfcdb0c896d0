// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/matrix.h>

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <vector>

namespace semrel {

// ESZSL (Romera-Paredes & Torr 2015, Eq. 9), as the widely used public implementation computes
// it (docs/REPRODUCTION.md, "Baselines"):
//   V = (XXᵀ + γI)⁻¹ X Y Sᵀ (SSᵀ + λI)⁻¹
// X [d, n]: the training features as stored; Y [n, z]: one-hot in {0, 1} over the z training
// classes; S [a, z]: their class embeddings as stored. A sample x scores class c by xᵀ V s_c.
// Both inverses come from eigendecompositions made once (XXᵀ = U Λ Uᵀ, SSᵀ = P M Pᵀ), so that
// V(γ, λ) = U [Uᵀ X Y Sᵀ P ⊘ ((Λ + γ)(M + λ)ᵀ)] Pᵀ costs one d×d×a product per grid point.
class EszslSolver
{
public:
    // `rows`: the training samples (their classes are the z training classes). Cost: one pass
    // over the rows, XXᵀ in float64 (2·n·d² flops), two eigendecompositions (d³, a³).
    // Throws DataError when there are no rows.
    EszslSolver(const Dataset& data, const std::vector<std::int64_t>& rows);

    // V [d, a] for γ, λ > 0 (else Error).
    FloatMatrix solve(double gamma, double lambda) const;

private:
    at::Tensor m_u;       // [d, d]
    at::Tensor m_lambdas; // [d]: eigenvalues of XXᵀ
    at::Tensor m_p;       // [a, a]
    at::Tensor m_mus;     // [a]: eigenvalues of SSᵀ
    at::Tensor m_rotated; // [d, a]: Uᵀ X Y Sᵀ P
};

} // namespace semrel
