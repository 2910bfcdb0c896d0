// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Exact t-SNE (van der Maaten & Hinton 2008) on LibTorch: dense [n, n] affinities, gradient
// descent with momentum and per-coordinate gains, early exaggeration, PCA initialisation.
#include "exploration/map_points.h"

#include <semrel/errors.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace semrel {

namespace {

constexpr int kProgressEvery = 10;      // iterations between progress reports
constexpr int kBisectionSteps = 64;     // enough for the precision to converge in double
constexpr double kInitialSpread = 1e-4; // std of the starting layout (Kobak & Berens 2019)

void requireValid(const TsneOptions& o, std::int64_t points)
{
    if (points < 3)
        throw DataError("t-SNE needs at least 3 points, found " + std::to_string(points));
    if (!(o.perplexity > 0.0))
        throw Error("t-SNE: perplexity must be positive, found " + std::to_string(o.perplexity));
    if (o.iterations < 1 || o.exaggerationIterations < 0)
        throw Error("t-SNE: iterations must be at least 1, found " + std::to_string(o.iterations));
    if (!(o.exaggeration >= 1.0))
        throw Error("t-SNE: exaggeration must be at least 1, found " +
                    std::to_string(o.exaggeration));
}

torch::Tensor squaredDistances(const torch::Tensor& x)
{
    const torch::Tensor norms = x.pow(2).sum(1, /*keepdim=*/true);
    return (norms + norms.t() - 2.0 * x.mm(x.t())).clamp_min(0.0);
}

// Joint probabilities P: per row, the Gaussian precision β whose conditional distribution has
// entropy log(perplexity), found by bisection for all rows at once; then symmetrised.
torch::Tensor jointProbabilities(const torch::Tensor& points, double perplexity)
{
    const std::int64_t n = points.size(0);
    torch::Tensor d = squaredDistances(points.to(torch::kFloat64));
    d.fill_diagonal_(0.0);
    // Shifting a row by its smallest distance leaves p_{j|i} unchanged and keeps exp() finite.
    const torch::Tensor offDiagonal = d + torch::eye(n, d.options()) * 1e300;
    d = d - std::get<0>(offDiagonal.min(1, /*keepdim=*/true));
    const double target = std::log(perplexity);
    torch::Tensor beta = torch::ones({n, 1}, d.options());
    torch::Tensor low = torch::zeros_like(beta);
    torch::Tensor high = torch::full_like(beta, INFINITY);
    torch::Tensor p;
    for (int step = 0; step < kBisectionSteps; ++step) {
        p = torch::exp(-d * beta);
        p.fill_diagonal_(0.0);
        const torch::Tensor sum = p.sum(1, /*keepdim=*/true).clamp_min(1e-300);
        const torch::Tensor entropy = torch::log(sum) + beta * (d * p).sum(1, true) / sum;
        const torch::Tensor tooFlat = entropy > target; // entropy too high: sharpen
        low = torch::where(tooFlat, beta, low);
        high = torch::where(tooFlat, high, beta);
        beta = torch::where(torch::isinf(high), beta * 2.0, (low + high) / 2.0);
    }
    p = p / p.sum(1, /*keepdim=*/true).clamp_min(1e-300);
    return ((p + p.t()) / (2.0 * static_cast<double>(n))).clamp_min(1e-12).to(torch::kFloat32);
}

// The gradient of KL(P || Q) with the Student-t kernel (Eq. 5 of the t-SNE paper), with P already
// multiplied by the exaggeration. Written as few passes over [n, n] as LibTorch allows: at n = 2000
// an iteration is memory-bound, and every temporary matrix costs 16 MB of traffic.
torch::Tensor gradient(const torch::Tensor& p, const torch::Tensor& y)
{
    const torch::Tensor norms = y.pow(2).sum(1, /*keepdim=*/true);
    // 1 + |yi|^2 + |yj|^2 - 2 yi.yj, then its reciprocal: the kernel (1 + d^2)^-1.
    torch::Tensor kernel =
        torch::addmm(norms + norms.t() + 1.0, y, y.t(), /*beta=*/1, /*alpha=*/-2);
    kernel.reciprocal_();
    kernel.fill_diagonal_(0.0);
    const double z = kernel.sum().item<double>();
    // (P - Q) * kernel with Q = kernel / z.
    torch::Tensor pq = torch::add(p, kernel, -1.0 / z);
    pq.mul_(kernel);
    return 4.0 * (pq.sum(1, /*keepdim=*/true) * y - pq.mm(y));
}

} // namespace

TsneResult tsneMap(const MapInput& input, const TsneOptions& options,
                   const ProgressCallback& progress, const StopFlag& stop)
{
    const std::int64_t n = input.features.rows + input.classFeatures.rows;
    requireValid(options, n);
    try {
        torch::NoGradGuard noGrad;
        const torch::Tensor points = unitRows(input);
        const double perplexity = std::min(options.perplexity, static_cast<double>(n - 1) / 3.0);
        if (progress)
            progress(0.0, "affinities");
        const torch::Tensor p = jointProbabilities(points, perplexity);

        torch::Tensor y = principalCoordinates(points, input.features.rows, options.seed);
        y = y / y.select(1, 0).std().clamp_min(1e-12) * kInitialSpread;
        const double rate =
            options.learningRate > 0.0
                ? options.learningRate
                : std::max(static_cast<double>(n) / options.exaggeration / 4.0, 50.0);
        torch::Tensor update = torch::zeros_like(y);
        torch::Tensor gains = torch::ones_like(y);

        const torch::Tensor exaggerated = p * options.exaggeration;
        TsneResult result;
        for (int it = 0; it < options.iterations; ++it) {
            if (stop.isRequested()) {
                result.stopped = true;
                break;
            }
            const bool early = it < options.exaggerationIterations;
            const torch::Tensor grad = gradient(early ? exaggerated : p, y);
            // Grow the step where the gradient keeps its direction, shrink it where it flips.
            gains =
                torch::where((grad > 0) != (update > 0), gains + 0.2, gains * 0.8).clamp_min(0.01);
            update = (early ? 0.5 : 0.8) * update - rate * gains * grad;
            y = y + update;
            y = y - y.mean(0, /*keepdim=*/true);
            result.iterationsDone = it + 1;
            if (progress && (it + 1) % kProgressEvery == 0)
                progress(static_cast<double>(it + 1) / options.iterations, "t-SNE");
        }
        result.map = splitPoints(y, input.features.rows);
        return result;
    } catch (const c10::Error& e) {
        throw ModelError(std::string("t-SNE failed: ") + e.what_without_backtrace());
    }
}

} // namespace semrel
