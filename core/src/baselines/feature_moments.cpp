// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "baselines/feature_moments.h"

#include <semrel/errors.h>

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace semrel {

namespace {

// 2048 rows of d = 2048 in float64 are 32 MB: big enough for an efficient product, small
// beside the dataset.
constexpr std::int64_t kBlockRows = 2048;

} // namespace

FeatureMoments featureMoments(const Dataset& data, const std::vector<std::int64_t>& rows,
                              bool unitRows)
{
    const std::int64_t d = data.featureDim();
    const auto options = torch::TensorOptions().dtype(torch::kFloat64);
    FeatureMoments m;
    m.gram = torch::zeros({d, d}, options);
    m.classSums = torch::zeros({data.classCount(), d}, options);
    m.classCounts.assign(static_cast<std::size_t>(data.classCount()), 0);
    torch::Tensor block = torch::empty({kBlockRows, d}, options);
    double* sums = m.classSums.data_ptr<double>();
    for (std::size_t first = 0; first < rows.size(); first += kBlockRows) {
        const auto count =
            static_cast<std::int64_t>(std::min<std::size_t>(kBlockRows, rows.size() - first));
        double* out = block.data_ptr<double>();
        for (std::int64_t k = 0; k < count; ++k) {
            const std::int64_t row = rows[first + static_cast<std::size_t>(k)];
            const float* x = data.features.row(row);
            double norm = 0.0;
            for (std::int64_t c = 0; c < d; ++c)
                norm += static_cast<double>(x[c]) * x[c];
            const double scale = unitRows && norm > 0.0 ? 1.0 / std::sqrt(norm) : 1.0;
            const auto label = static_cast<std::size_t>(data.labels[static_cast<std::size_t>(row)]);
            ++m.classCounts[label];
            double* classSum = sums + static_cast<std::int64_t>(label) * d;
            for (std::int64_t c = 0; c < d; ++c) {
                out[k * d + c] = x[c] * scale;
                classSum[c] += out[k * d + c];
            }
        }
        const torch::Tensor part = block.narrow(0, 0, count);
        m.gram.addmm_(part.t(), part);
    }
    return m;
}

Eigen symmetricEigen(const at::Tensor& m)
{
    try {
        // Symmetric by construction; averaging with the transpose removes rounding asymmetry.
        const auto [values, vectors] = torch::linalg::eigh(0.5 * (m + m.t()), "L");
        return {values, vectors};
    } catch (const c10::Error& e) {
        throw ModelError(std::string("eigendecomposition failed: ") + e.what_without_backtrace());
    }
}

} // namespace semrel
