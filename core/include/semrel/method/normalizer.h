// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/matrix.h>

#include <cstdint>
#include <vector>

namespace semrel {

// Per-column zero mean, unit standard deviation (Sec. 4.1). Fitted on the training rows only and
// stored with the model, so that test data is mapped with the statistics of the training data.
struct Normalizer
{
    std::vector<float> mean;   // [cols]
    std::vector<float> stddev; // [cols]; a constant column gets 1 so that it maps to 0

    // Fits on the given rows of `m` (all rows when `rows` is empty).
    static Normalizer fit(const FloatMatrix& m, const std::vector<std::int64_t>& rows = {});

    // (x - mean) / stddev, column-wise. Throws Error when the column count differs.
    FloatMatrix apply(const FloatMatrix& m) const;
    void applyInPlace(FloatMatrix& m) const;
    // The rows rows[0], ..., rows[count - 1] of `m`, normalised, written one after another to
    // `out` [count, cols]: a gather and the normalisation in one pass over the data, with the
    // same arithmetic as apply(). Throws Error on a column mismatch or a row outside `m`.
    void applyToRows(const FloatMatrix& m, const std::int64_t* rows, std::int64_t count,
                     float* out) const;

    bool empty() const { return mean.empty(); }
};

} // namespace semrel
