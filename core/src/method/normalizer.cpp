// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/normalizer.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace semrel {

Normalizer Normalizer::fit(const FloatMatrix& m, const std::vector<std::int64_t>& rows)
{
    const std::int64_t count = rows.empty() ? m.rows : static_cast<std::int64_t>(rows.size());
    if (count == 0 || m.cols == 0)
        throw DataError("normalizer: no rows to fit on");
    // Accumulate in double: 20k rows of float32 lose digits of the mean otherwise.
    std::vector<double> sum(static_cast<std::size_t>(m.cols), 0.0);
    std::vector<double> sumSq(sum.size(), 0.0);
    for (std::int64_t k = 0; k < count; ++k) {
        const std::int64_t r = rows.empty() ? k : rows[static_cast<std::size_t>(k)];
        if (r < 0 || r >= m.rows)
            throw DataError("normalizer: row " + std::to_string(r) + " is outside the " +
                            std::to_string(m.rows) + " rows of the matrix");
        const float* values = m.row(r);
        for (std::int64_t c = 0; c < m.cols; ++c) {
            sum[static_cast<std::size_t>(c)] += values[c];
            sumSq[static_cast<std::size_t>(c)] += static_cast<double>(values[c]) * values[c];
        }
    }
    Normalizer n;
    n.mean.resize(sum.size());
    n.stddev.resize(sum.size());
    for (std::size_t c = 0; c < sum.size(); ++c) {
        const double mean = sum[c] / static_cast<double>(count);
        const double variance = std::max(0.0, sumSq[c] / static_cast<double>(count) - mean * mean);
        const double sd = std::sqrt(variance);
        n.mean[c] = static_cast<float>(mean);
        // A (nearly) constant column carries no information; 1 maps it to 0 instead of to Inf.
        n.stddev[c] = sd > 1e-6 * std::max(1.0, std::abs(mean)) ? static_cast<float>(sd) : 1.0f;
    }
    return n;
}

FloatMatrix Normalizer::apply(const FloatMatrix& m) const
{
    FloatMatrix out = m;
    applyInPlace(out);
    return out;
}

void Normalizer::applyInPlace(FloatMatrix& m) const
{
    if (m.cols != static_cast<std::int64_t>(mean.size()))
        throw DataError("normalizer: the data has " + std::to_string(m.cols) +
                        " columns, the normalizer was fitted on " + std::to_string(mean.size()));
    std::vector<float> inverse(stddev.size());
    for (std::size_t c = 0; c < stddev.size(); ++c)
        inverse[c] = 1.0f / stddev[c];
    for (std::int64_t r = 0; r < m.rows; ++r) {
        float* values = m.row(r);
        for (std::int64_t c = 0; c < m.cols; ++c)
            values[c] = (values[c] - mean[static_cast<std::size_t>(c)]) *
                        inverse[static_cast<std::size_t>(c)];
    }
}

} // namespace semrel
