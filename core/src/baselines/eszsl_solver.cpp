// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "baselines/eszsl_solver.h"

#include "baselines/feature_moments.h"
#include "method/relation_network.h"

#include <semrel/errors.h>

#include <torch/torch.h>

namespace semrel {

EszslSolver::EszslSolver(const Dataset& data, const std::vector<std::int64_t>& rows)
{
    if (rows.empty())
        throw DataError("dataset '" + data.name + "': ESZSL has no training samples");
    torch::NoGradGuard noGrad;
    const FeatureMoments moments = featureMoments(data, rows, /*unitRows=*/false);
    // S over the training classes only: Y has a column for each of them, none for the others.
    std::vector<std::int64_t> trained;
    for (std::size_t c = 0; c < moments.classCounts.size(); ++c)
        if (moments.classCounts[c] > 0)
            trained.push_back(static_cast<std::int64_t>(c));
    const torch::Tensor index = torch::tensor(trained, torch::kLong);
    const torch::Tensor s =
        fromFloatMatrix(data.classEmbeddings).index_select(0, index).to(torch::kFloat64); // [z, a]
    const torch::Tensor xy = moments.classSums.index_select(0, index);                    // [z, d]
    const Eigen features = symmetricEigen(moments.gram);
    const Eigen embeddings = symmetricEigen(s.t().mm(s)); // SSᵀ, [a, a]
    m_u = features.vectors;
    m_lambdas = features.values;
    m_p = embeddings.vectors;
    m_mus = embeddings.values;
    m_rotated = m_u.t().mm(xy.t().mm(s)).mm(m_p); // Uᵀ (X Y Sᵀ) P, [d, a]
}

FloatMatrix EszslSolver::solve(double gamma, double lambda) const
{
    if (!(gamma > 0.0) || !(lambda > 0.0))
        throw Error("ESZSL: gamma and lambda must be > 0, found " + std::to_string(gamma) +
                    " and " + std::to_string(lambda));
    torch::NoGradGuard noGrad;
    const torch::Tensor scale =
        (m_lambdas + gamma).unsqueeze(1) * (m_mus + lambda).unsqueeze(0); // [d, a]
    const torch::Tensor v = m_u.mm(m_rotated / scale).mm(m_p.t());
    return toFloatMatrix(v.to(torch::kFloat32));
}

} // namespace semrel
