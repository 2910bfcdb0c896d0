// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/exploration/embedding_map.h>

#include <torch/torch.h>

#include <cstdint>

namespace semrel {

// The samples then the class markers of `input` as one [n + k, d] tensor, each row scaled to unit
// length: Euclidean distances between such rows order pairs as the model's cosine does.
// Throws DataError when the dimensions disagree.
torch::Tensor unitRows(const MapInput& input);

// The first two principal axes of the first `sampleRows` rows, projected for all rows: [rows, 2].
// Signs are fixed (largest loading positive) so that a seed gives one picture.
torch::Tensor principalCoordinates(const torch::Tensor& points, std::int64_t sampleRows,
                                   std::uint64_t seed);

// Splits [n + k, 2] coordinates back into samples and class markers.
EmbeddingMap splitPoints(const torch::Tensor& coordinates, std::int64_t sampleRows);

} // namespace semrel
