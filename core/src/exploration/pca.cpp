// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "exploration/map_points.h"
#include "method/random.h"
#include "method/relation_network.h"

#include <semrel/errors.h>

#include <algorithm>
#include <string>

namespace semrel {

namespace {

// Power iterations of the subspace: 6 separate the leading pair well enough for a picture.
constexpr int kSubspaceIterations = 6;
constexpr std::int64_t kSubspaceWidth = 10; // 2 axes plus oversampling

torch::Tensor randomBasis(std::int64_t rows, std::int64_t cols, std::uint64_t seed)
{
    // Our own generator, not torch's global one: the trainer may be drawing from that right now.
    SplitMix random(seed);
    torch::Tensor basis = torch::empty({rows, cols}, torch::kFloat32);
    float* values = basis.data_ptr<float>();
    for (std::int64_t i = 0; i < rows * cols; ++i)
        values[i] = static_cast<float>(2.0 * random.uniform() - 1.0);
    return basis;
}

} // namespace

torch::Tensor unitRows(const MapInput& input)
{
    if (input.features.cols != input.classFeatures.cols && input.classFeatures.rows > 0)
        throw DataError("map: the features have " + std::to_string(input.features.cols) +
                        " dimensions, the class markers " +
                        std::to_string(input.classFeatures.cols));
    if (static_cast<std::int64_t>(input.labels.size()) != input.features.rows)
        throw DataError("map: " + std::to_string(input.labels.size()) + " labels for " +
                        std::to_string(input.features.rows) + " feature rows");
    torch::Tensor points = fromFloatMatrix(input.features);
    if (input.classFeatures.rows > 0)
        points = torch::cat({points, fromFloatMatrix(input.classFeatures)}, 0);
    return points / points.norm(2, 1, /*keepdim=*/true).clamp_min(1e-12);
}

torch::Tensor principalCoordinates(const torch::Tensor& points, std::int64_t sampleRows,
                                   std::uint64_t seed)
{
    const torch::Tensor samples = points.narrow(0, 0, sampleRows);
    const torch::Tensor mean = samples.mean(0, /*keepdim=*/true);
    const torch::Tensor centered = samples - mean;
    const std::int64_t width = std::min({kSubspaceWidth, points.size(1), sampleRows});
    torch::Tensor basis = randomBasis(points.size(1), width, seed);
    for (int i = 0; i < kSubspaceIterations; ++i)
        basis = std::get<0>(torch::linalg_qr(centered.t().mm(centered.mm(basis))));
    const torch::Tensor projected = centered.mm(basis);
    // Eigenvectors of the small [width, width] problem, largest eigenvalue last.
    const torch::Tensor vectors = std::get<1>(torch::linalg_eigh(projected.t().mm(projected)));
    const std::int64_t axesCount = std::min<std::int64_t>(2, width);
    torch::Tensor axes = basis.mm(vectors.flip({1}).narrow(1, 0, axesCount));
    const torch::Tensor largest = axes.gather(0, axes.abs().argmax(0, /*keepdim=*/true));
    axes = axes * torch::where(largest < 0, -1.0f, 1.0f);
    torch::Tensor coordinates = (points - mean).mm(axes);
    if (axesCount < 2) // one-dimensional data: a line, drawn on the x axis
        coordinates = torch::cat({coordinates, torch::zeros_like(coordinates)}, 1);
    return coordinates;
}

EmbeddingMap splitPoints(const torch::Tensor& coordinates, std::int64_t sampleRows)
{
    const torch::Tensor all = coordinates.contiguous();
    EmbeddingMap map;
    map.samplePoints = toFloatMatrix(all.narrow(0, 0, sampleRows));
    map.classPoints = toFloatMatrix(all.narrow(0, sampleRows, all.size(0) - sampleRows));
    return map;
}

EmbeddingMap pcaMap(const MapInput& input, std::uint64_t seed)
{
    if (input.features.rows < 2)
        throw DataError("map: PCA needs at least 2 samples, found " +
                        std::to_string(input.features.rows));
    try {
        torch::NoGradGuard noGrad;
        const torch::Tensor points = unitRows(input);
        return splitPoints(principalCoordinates(points, input.features.rows, seed),
                           input.features.rows);
    } catch (const c10::Error& e) {
        throw ModelError(std::string("map: PCA failed: ") + e.what_without_backtrace());
    }
}

} // namespace semrel
