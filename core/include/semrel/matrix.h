// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

namespace semrel {

// A dense row-major float32 matrix: the plain currency between the core's parts and its users.
// Rows are samples (or classes); columns are feature or attribute dimensions.
struct FloatMatrix
{
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    std::vector<float> values; // rows * cols, row-major

    FloatMatrix() = default;
    FloatMatrix(std::int64_t rowCount, std::int64_t colCount)
        : rows(rowCount), cols(colCount), values(static_cast<std::size_t>(rowCount * colCount))
    {}

    float* row(std::int64_t r) { return values.data() + r * cols; }
    const float* row(std::int64_t r) const { return values.data() + r * cols; }
    float& at(std::int64_t r, std::int64_t c)
    {
        return values[static_cast<std::size_t>(r * cols + c)];
    }
    float at(std::int64_t r, std::int64_t c) const
    {
        return values[static_cast<std::size_t>(r * cols + c)];
    }
    bool empty() const { return rows == 0 || cols == 0; }

    friend bool operator==(const FloatMatrix& a, const FloatMatrix& b)
    {
        return a.rows == b.rows && a.cols == b.cols && a.values == b.values;
    }
};

} // namespace semrel
