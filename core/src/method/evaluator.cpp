// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Prediction among candidate classes (Eq. 6) and the Xian et al. metrics. evaluate() lives in
// model_evaluation.cpp: it needs a RelationModel, and the trainer uses these functions without one.
#include <semrel/errors.h>
#include <semrel/evaluator.h>

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace semrel {

namespace {

// Rows scored per GEMM: bounds the [rows, candidates] score block (SUN's whole GZSL test set fits
// in one block; ImageNet-sized sets do not).
constexpr std::int64_t kRowBlock = 8192;

// Wraps a FloatMatrix without copying. torch never writes through it: every use below is a
// read (matmul, norm), so dropping const is safe.
torch::Tensor viewOf(const FloatMatrix& m)
{
    return torch::from_blob(const_cast<float*>(m.values.data()), {m.rows, m.cols}, torch::kFloat32);
}

void requireCandidatesValid(const std::vector<std::int32_t>& candidates, std::int64_t classCount)
{
    if (candidates.empty())
        throw Error("predictAmong: no candidate classes");
    for (std::int32_t c : candidates)
        if (c < 0 || c >= classCount)
            throw Error("predictAmong: candidate class " + std::to_string(c) + " is outside the " +
                        std::to_string(classCount) + " mapped classes");
}

// Position of each class in `classes` (or -1), indexed by class; sized to hold every label seen.
std::vector<std::int64_t> positionsOf(const std::vector<std::int32_t>& classes,
                                      const std::vector<std::int32_t>& truth)
{
    std::int32_t largest = 0;
    for (std::int32_t c : classes) {
        if (c < 0)
            throw Error("negative class index " + std::to_string(c));
        largest = std::max(largest, c);
    }
    for (std::int32_t t : truth)
        largest = std::max(largest, t);
    std::vector<std::int64_t> position(static_cast<std::size_t>(largest) + 1, -1);
    for (std::size_t i = 0; i < classes.size(); ++i)
        if (position[static_cast<std::size_t>(classes[i])] < 0)
            position[static_cast<std::size_t>(classes[i])] = static_cast<std::int64_t>(i);
    return position;
}

std::int64_t positionOf(const std::vector<std::int64_t>& position, std::int32_t c)
{
    if (c < 0 || static_cast<std::size_t>(c) >= position.size())
        return -1;
    return position[static_cast<std::size_t>(c)];
}

void requireSameLength(const std::vector<std::int32_t>& truth,
                       const std::vector<std::int32_t>& predicted)
{
    if (truth.size() != predicted.size())
        throw Error("metrics: " + std::to_string(truth.size()) + " true labels but " +
                    std::to_string(predicted.size()) + " predictions");
}

} // namespace

ClassScores predictAmong(const FloatMatrix& features, const FloatMatrix& mapped,
                         const std::vector<std::int32_t>& candidates)
{
    if (features.cols != mapped.cols)
        throw Error("predictAmong: features have dimension " + std::to_string(features.cols) +
                    ", the mapped classes " + std::to_string(mapped.cols));
    ClassScores result;
    if (features.rows == 0)
        return result;
    requireCandidatesValid(candidates, mapped.rows);
    result.predicted.resize(static_cast<std::size_t>(features.rows));
    result.score.resize(static_cast<std::size_t>(features.rows));

    try {
        torch::NoGradGuard noGrad;
        const auto candidateIndex = torch::tensor(
            std::vector<std::int64_t>(candidates.begin(), candidates.end()), torch::kLong);
        // Unit rows, so that one product gives cosines. A zero row stays zero (cosine 0), as in
        // cosineSimilarity().
        const torch::Tensor classes = viewOf(mapped).index_select(0, candidateIndex);
        const torch::Tensor unitClasses =
            classes / classes.norm(2, /*dim=*/1, /*keepdim=*/true).clamp_min(1e-12);
        const torch::Tensor classesT = unitClasses.t().contiguous();
        const torch::Tensor all = viewOf(features);

        for (std::int64_t start = 0; start < features.rows; start += kRowBlock) {
            const std::int64_t count = std::min(kRowBlock, features.rows - start);
            const torch::Tensor rows = all.narrow(0, start, count);
            // Only the best score needs dividing by |x|: cheaper than a normalised copy of x.
            const torch::Tensor dots = rows.matmul(classesT);
            auto [best, bestAt] = dots.max(/*dim=*/1);
            const torch::Tensor norms = rows.norm(2, /*dim=*/1).clamp_min(1e-12);
            const torch::Tensor cosines = (best / norms).contiguous();
            const torch::Tensor at = bestAt.contiguous();
            const float* cos = cosines.data_ptr<float>();
            const std::int64_t* idx = at.data_ptr<std::int64_t>();
            for (std::int64_t i = 0; i < count; ++i) {
                const auto out = static_cast<std::size_t>(start + i);
                result.predicted[out] = candidates[static_cast<std::size_t>(idx[i])];
                result.score[out] = cos[i];
            }
        }
    } catch (const c10::Error& e) {
        throw ModelError(std::string("predictAmong: ") + e.what_without_backtrace());
    }
    return result;
}

double meanPerClassAccuracy(const std::vector<std::int32_t>& truth,
                            const std::vector<std::int32_t>& predicted,
                            const std::vector<std::int32_t>& classes)
{
    requireSameLength(truth, predicted);
    const std::vector<std::int64_t> position = positionsOf(classes, truth);
    std::vector<std::int64_t> total(classes.size(), 0);
    std::vector<std::int64_t> right(classes.size(), 0);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const std::int64_t p = positionOf(position, truth[i]);
        if (p < 0)
            continue;
        ++total[static_cast<std::size_t>(p)];
        if (predicted[i] == truth[i])
            ++right[static_cast<std::size_t>(p)];
    }
    double sum = 0.0;
    int counted = 0;
    for (std::size_t k = 0; k < classes.size(); ++k) {
        // A class listed twice has its counts on its first position only.
        if (total[k] == 0)
            continue;
        sum += static_cast<double>(right[k]) / static_cast<double>(total[k]);
        ++counted;
    }
    return counted == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / counted;
}

double harmonicMean(double unseen, double seen)
{
    if (unseen + seen == 0.0)
        return 0.0;
    return 2.0 * unseen * seen / (unseen + seen);
}

ConfusionMatrix confusionMatrix(const std::vector<std::int32_t>& truth,
                                const std::vector<std::int32_t>& predicted,
                                const std::vector<std::int32_t>& classes)
{
    requireSameLength(truth, predicted);
    const std::vector<std::int64_t> position = positionsOf(classes, truth);
    ConfusionMatrix matrix;
    matrix.classes = classes;
    matrix.counts.assign(classes.size() * classes.size(), 0);
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const std::int64_t t = positionOf(position, truth[i]);
        const std::int64_t p = positionOf(position, predicted[i]);
        if (t >= 0 && p >= 0)
            ++matrix.counts[static_cast<std::size_t>(t) * classes.size() +
                            static_cast<std::size_t>(p)];
    }
    return matrix;
}

} // namespace semrel
