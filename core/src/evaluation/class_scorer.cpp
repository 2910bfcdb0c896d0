// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "evaluation/class_scorer.h"

#include "kernels/blas_threads.h"
#include "kernels/parallel_gemm.h"

#include <semrel/errors.h>

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace semrel {

namespace {

// Rows scored per GEMM. From about 500 rows on, [rows, 2048] x [2048, 717] runs as fast per row
// as SUN's whole test set in one product, and the block (4.5 MB) and its dots (1.6 MB) are
// allocated once per call instead of 33 MB of normalised copies and 11 MB of dots. 576 is a
// multiple of every OpenBLAS kernel's column tile (12 on Haswell, 16 on AVX-512): the Haswell
// kernel rounds a tail tile differently, so other block sizes changed last bits of the scores.
constexpr std::int64_t kRowBlock = 576;

// Wraps a FloatMatrix without copying. torch never writes through it: every use below is a
// read (index_select, matmul, norm), so dropping const is safe.
torch::Tensor viewOf(const FloatMatrix& m)
{
    return torch::from_blob(const_cast<float*>(m.values.data()), {m.rows, m.cols}, torch::kFloat32);
}

// The position in `columns` of the largest dot, by torch's rule for max(dim): the first of equal
// maxima, and the first NaN if there is one (old results stay bit-identical).
std::size_t bestOf(const float* dots, const std::vector<std::int64_t>& columns)
{
    std::size_t best = 0;
    float bestDot = dots[columns[0]];
    for (std::size_t k = 0; k < columns.size(); ++k) {
        const float dot = dots[columns[k]];
        if (!(dot <= bestDot)) {
            bestDot = dot;
            best = k;
            if (std::isnan(dot))
                break;
        }
    }
    return best;
}

} // namespace

ClassScorer::ClassScorer(const ScoringSpace& space, const std::vector<std::int32_t>& classes)
    : ClassScorer(space.classPoints, classes, space.scoring)
{}

ClassScorer::ClassScorer(const FloatMatrix& mapped, const std::vector<std::int32_t>& classes,
                         Scoring scoring)
    : m_columnOf(static_cast<std::size_t>(mapped.rows), -1), m_featureDim(mapped.cols),
      m_scoring(scoring)
{
    if (classes.empty())
        throw Error("predictAmong: no candidate classes");
    std::vector<std::int64_t> rowsOfMapped;
    for (std::int32_t c : classes) {
        if (c < 0 || c >= mapped.rows)
            throw Error("predictAmong: candidate class " + std::to_string(c) + " is outside the " +
                        std::to_string(mapped.rows) + " mapped classes");
        std::int64_t& column = m_columnOf[static_cast<std::size_t>(c)];
        if (column < 0) {
            column = static_cast<std::int64_t>(rowsOfMapped.size());
            rowsOfMapped.push_back(c);
        }
    }
    try {
        torch::NoGradGuard noGrad;
        // Unit rows, so that one product gives cosines. A zero row stays zero (cosine 0), as in
        // cosineSimilarity().
        // All classes in order (GZSL) need no gathered copy.
        bool inOrder = rowsOfMapped.size() == static_cast<std::size_t>(mapped.rows);
        for (std::size_t k = 0; inOrder && k < rowsOfMapped.size(); ++k)
            inOrder = rowsOfMapped[k] == static_cast<std::int64_t>(k);
        const torch::Tensor rows =
            inOrder ? viewOf(mapped)
                    : viewOf(mapped).index_select(0, torch::tensor(rowsOfMapped, torch::kLong));
        m_unitClasses = scoring == Scoring::Dot
                            ? rows.contiguous().clone()
                            : rows / rows.norm(2, /*dim=*/1, /*keepdim=*/true).clamp_min(1e-12);
    } catch (const c10::Error& e) {
        throw ModelError(std::string("predictAmong: ") + e.what_without_backtrace());
    }
}

void ClassScorer::requireFeatureDim(std::int64_t featureDim) const
{
    if (featureDim != m_featureDim)
        throw Error("predictAmong: features have dimension " + std::to_string(featureDim) +
                    ", the mapped classes " + std::to_string(m_featureDim));
}

std::vector<ClassScores> ClassScorer::score(const FloatMatrix& features,
                                            const CandidateSets& sets) const
{
    requireFeatureDim(features.cols);
    const torch::Tensor all = viewOf(features);
    return scoreRows(features.rows, sets, [&](std::int64_t first, std::int64_t count) {
        return all.narrow(0, first, count);
    });
}

std::vector<ClassScores> ClassScorer::score(const FloatMatrix& features,
                                            const std::vector<std::int64_t>& rows,
                                            const ScoringSpace& space,
                                            const CandidateSets& sets) const
{
    return score(features, rows, space.featureNormalizer, sets,
                 space.featureProjection.empty() ? nullptr : &space.featureProjection);
}

std::vector<ClassScores> ClassScorer::score(const FloatMatrix& features,
                                            const std::vector<std::int64_t>& rows,
                                            const Normalizer& normalizer, const CandidateSets& sets,
                                            const FloatMatrix* projection) const
{
    if (projection && projection->cols != features.cols)
        throw Error("predictAmong: the projection takes features of dimension " +
                    std::to_string(projection->cols) + ", found " + std::to_string(features.cols));
    requireFeatureDim(projection ? projection->rows : features.cols);
    const auto rowCount = static_cast<std::int64_t>(rows.size());
    const std::int64_t blockRows = std::min(kRowBlock, rowCount);
    torch::Tensor buffer = torch::empty({blockRows, features.cols});
    if (!projection)
        return scoreRows(rowCount, sets, [&](std::int64_t first, std::int64_t count) {
            normalizer.applyToRows(features, rows.data() + first, count, buffer.data_ptr<float>());
            return buffer.narrow(0, 0, count);
        });
    // SAE's visual-to-semantic direction compares W x with the classes: one more product per
    // block, into a buffer of its own.
    torch::Tensor projected = torch::empty({blockRows, projection->rows});
    return scoreRows(rowCount, sets, [&](std::int64_t first, std::int64_t count) {
        normalizer.applyToRows(features, rows.data() + first, count, buffer.data_ptr<float>());
        multiplyTransposed(buffer.data_ptr<float>(), count, features.cols,
                           projection->values.data(), projection->rows, projected.data_ptr<float>(),
                           /*accumulate=*/false);
        return projected.narrow(0, 0, count);
    });
}

std::vector<std::vector<std::int64_t>> ClassScorer::columnsOf(const CandidateSets& sets) const
{
    std::vector<std::vector<std::int64_t>> columns;
    for (const std::vector<std::int32_t>& set : sets) {
        if (set.empty())
            throw Error("predictAmong: no candidate classes");
        std::vector<std::int64_t>& setColumns = columns.emplace_back();
        for (std::int32_t c : set) {
            const std::int64_t column = c < 0 || static_cast<std::size_t>(c) >= m_columnOf.size()
                                            ? -1
                                            : m_columnOf[static_cast<std::size_t>(c)];
            if (column < 0)
                throw Error("predictAmong: candidate class " + std::to_string(c) +
                            " was not prepared for scoring");
            setColumns.push_back(column);
        }
    }
    return columns;
}

std::vector<ClassScores> ClassScorer::scoreRows(std::int64_t rowCount, const CandidateSets& sets,
                                                const BlockSource& block) const
{
    std::vector<ClassScores> result(sets.size());
    for (ClassScores& r : result) {
        r.predicted.resize(static_cast<std::size_t>(rowCount));
        r.score.resize(static_cast<std::size_t>(rowCount));
    }
    // No samples, no predictions, as predictAmong() has always answered: an empty split needs
    // no candidates.
    if (rowCount == 0)
        return result;
    const std::vector<std::vector<std::int64_t>> columns = columnsOf(sets);

    try {
        torch::NoGradGuard noGrad;
        const SingleThreadedBlas blas; // the products are split over the threads here
        const std::int64_t classCount = m_unitClasses.size(0);
        torch::Tensor dotsBuffer = torch::empty({std::min(kRowBlock, rowCount), classCount});
        for (std::int64_t first = 0; first < rowCount; first += kRowBlock) {
            const std::int64_t count = std::min(kRowBlock, rowCount - first);
            const torch::Tensor rows = block(first, count).contiguous(); // no-op for ours
            torch::Tensor dots = dotsBuffer.narrow(0, 0, count);
            // The classes go to BLAS as a transpose flag: a transposed copy of them cost more
            // than all the work outside the GEMM.
            multiplyTransposed(rows.data_ptr<float>(), count, rows.size(1),
                               m_unitClasses.data_ptr<float>(), classCount, dots.data_ptr<float>(),
                               /*accumulate=*/false);
            // Only the best dot needs dividing by |x|: cheaper than a normalised copy of x. The
            // dot product (ESZSL) is the score itself.
            const torch::Tensor norms = m_scoring == Scoring::Dot
                                            ? torch::ones({count})
                                            : rows.norm(2, /*dim=*/1).clamp_min(1e-12).contiguous();
            const float* norm = norms.data_ptr<float>();
            const float* dot = dots.data_ptr<float>();
            at::parallel_for(0, count, 64, [&](std::int64_t begin, std::int64_t end) {
                for (std::size_t s = 0; s < sets.size(); ++s) {
                    const std::vector<std::int64_t>& setColumns = columns[s];
                    for (std::int64_t i = begin; i < end; ++i) {
                        const std::size_t k = bestOf(dot + i * classCount, setColumns);
                        const auto out = static_cast<std::size_t>(first + i);
                        result[s].predicted[out] = sets[s][k];
                        result[s].score[out] = dot[i * classCount + setColumns[k]] / norm[i];
                    }
                }
            });
        }
    } catch (const c10::Error& e) {
        throw ModelError(std::string("predictAmong: ") + e.what_without_backtrace());
    }
    return result;
}

} // namespace semrel
