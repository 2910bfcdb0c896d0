// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "baselines/sae_solver.h"

#include "baselines/feature_moments.h"
#include "method/relation_network.h"

#include <semrel/errors.h>

#include <torch/torch.h>

namespace semrel {

SaeSolver::SaeSolver(const Dataset& data, const std::vector<std::int64_t>& rows)
{
    if (rows.empty())
        throw DataError("dataset '" + data.name + "': SAE has no training samples");
    torch::NoGradGuard noGrad;
    const FeatureMoments moments = featureMoments(data, rows, /*unitRows=*/true);
    const torch::Tensor s = fromFloatMatrix(data.classEmbeddings).to(torch::kFloat64); // [C, a]
    std::vector<double> counts(moments.classCounts.begin(), moments.classCounts.end());
    const torch::Tensor n = torch::tensor(counts, torch::kFloat64).unsqueeze(1); // [C, 1]
    // Each sample repeats its class's embedding: SSᵀ = Σ_c n_c s_c s_cᵀ, S Xᵀ = Σ_c s_c (Σ x)ᵀ.
    const torch::Tensor sst = s.t().mm(s * n);             // [a, a]
    const torch::Tensor sxt = s.t().mm(moments.classSums); // [a, d]
    const Eigen features = symmetricEigen(moments.gram);
    const Eigen embeddings = symmetricEigen(sst);
    m_u = features.vectors;
    m_nus = features.values;
    m_p = embeddings.vectors;
    m_mus = embeddings.values;
    m_rotated = m_p.t().mm(sxt).mm(m_u);
}

FloatMatrix SaeSolver::solve(double lambda) const
{
    if (!(lambda > 0.0))
        throw Error("SAE: lambda must be > 0, found " + std::to_string(lambda));
    torch::NoGradGuard noGrad;
    const torch::Tensor denominator = m_mus.unsqueeze(1) + lambda * m_nus.unsqueeze(0); // [a, d]
    // Below this the entry is rounding noise of a zero eigenvalue on both sides.
    const double tiny = 1e-12 * denominator.abs().max().item<double>();
    const torch::Tensor solved =
        torch::where(denominator.abs() > tiny, (1.0 + lambda) * m_rotated / denominator,
                     torch::zeros_like(m_rotated));
    const torch::Tensor w = m_p.mm(solved).mm(m_u.t());
    return toFloatMatrix(w.to(torch::kFloat32));
}

} // namespace semrel
