// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/method/normalizer.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace semrel {

namespace {

void requireColumns(const FloatMatrix& m, std::size_t columns)
{
    if (m.cols != static_cast<std::int64_t>(columns))
        throw DataError("normalizer: the data has " + std::to_string(m.cols) +
                        " columns, the normalizer was fitted on " + std::to_string(columns));
}

std::vector<float> inverseOf(const std::vector<float>& stddev)
{
    std::vector<float> inverse(stddev.size());
    for (std::size_t c = 0; c < stddev.size(); ++c)
        inverse[c] = 1.0f / stddev[c];
    return inverse;
}

// The one formula every path uses, so that normalised values agree to the bit.
void normalizeRow(const float* in, float* out, const std::vector<float>& mean,
                  const std::vector<float>& inverse)
{
    for (std::size_t c = 0; c < inverse.size(); ++c)
        out[c] = (in[c] - mean[c]) * inverse[c];
}

} // namespace

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
    requireColumns(m, mean.size());
    const std::vector<float> inverse = inverseOf(stddev);
    for (std::int64_t r = 0; r < m.rows; ++r)
        normalizeRow(m.row(r), m.row(r), mean, inverse);
}

void Normalizer::applyToRows(const FloatMatrix& m, const std::int64_t* rows, std::int64_t count,
                             float* out) const
{
    requireColumns(m, mean.size());
    const std::vector<float> inverse = inverseOf(stddev);
    for (std::int64_t k = 0; k < count; ++k) {
        if (rows[k] < 0 || rows[k] >= m.rows)
            throw DataError("normalizer: row " + std::to_string(rows[k]) + " is outside the " +
                            std::to_string(m.rows) + " rows of the matrix");
        normalizeRow(m.row(rows[k]), out + k * m.cols, mean, inverse);
    }
}

} // namespace semrel
