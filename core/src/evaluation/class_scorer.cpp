// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "evaluation/class_scorer.h"

#include "kernels/blas_threads.h"
#include "kernels/dot_product.h"
#include "kernels/parallel_gemm.h"
#include "kernels/worker_team.h"

#include <semrel/errors.h>
#include <semrel/kernels/threads.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

namespace semrel {

namespace {

// Rows scored per GEMM. From about 500 rows on, [rows, 2048] x [2048, 717] runs as fast per row
// as SUN's whole test set in one product, and the block (4.5 MB) and its dots (1.6 MB) are
// allocated once per call instead of 33 MB of normalised copies and 11 MB of dots. 576 is a
// multiple of every OpenBLAS kernel's column tile (12 on Haswell, 16 on AVX-512): the Haswell
// kernel rounds a tail tile differently, so other block sizes changed last bits of the scores.
constexpr std::int64_t kRowBlock = 576;
// Class columns per product chunk, at most. Each chunk's sgemm packs the block's rows again, so
// chunks are wide (192 columns cost 7% on one thread at SUN's 717 classes).
constexpr std::int64_t kColumnChunk = 384;
// Rows per item when the members normalise rows or take their argmax.
constexpr std::int64_t kRowChunk = 16;

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

// One scoreRows() call's blocks of rows, each a job for the members of a team: the block's
// normalised rows and their norms, then its products, then each set's best class per row.
class BlockScoring
{
public:
    // `cosine`: divide the best dot by the row's length (the classes are unit rows); else the
    // dot product itself is the score (ESZSL).
    BlockScoring(const float* unitClasses, std::int64_t classCount, std::int64_t dim,
                 std::int64_t rowCount, std::vector<std::vector<std::int64_t>> columns,
                 const ClassScorer::CandidateSets& sets, std::vector<ClassScores>& result,
                 bool cosine)
        : m_cosine(cosine), m_classes(unitClasses), m_classCount(classCount), m_dim(dim),
          m_columns(std::move(columns)), m_sets(sets), m_result(result),
          m_norms(static_cast<std::size_t>(std::min(kRowBlock, rowCount))),
          m_dots(static_cast<std::size_t>(std::min(kRowBlock, rowCount) * classCount))
    {}

    // `fill(first, count, out)` writes normalised rows there (nullptr: `normalised` has them).
    using Fill = std::function<void(std::int64_t first, std::int64_t count, float* out)>;
    void setSource(const float* normalised, Fill fill)
    {
        m_normalised = normalised;
        m_fill = std::move(fill);
        if (!normalised)
            m_buffer.resize(m_norms.size() * static_cast<std::size_t>(m_dim));
    }

    // Rows [first, first + count) of the call, count <= kRowBlock; every member calls it.
    void block(TeamMember& me, std::int64_t first, std::int64_t count)
    {
        const float* x = m_normalised ? m_normalised + first * m_dim : m_buffer.data();
        me.share(chunks(count, kRowChunk), [&](std::int64_t c) {
            prepare(first, c * kRowChunk, std::min(count, (c + 1) * kRowChunk));
        });
        me.barrier();
        const std::int64_t width = columnChunkWidth(m_classCount);
        me.share(chunks(m_classCount, width), [&](std::int64_t c) {
            // The classes go to BLAS as a transpose flag: a transposed copy of them cost more
            // than all the work outside the GEMM.
            multiplyTransposedColumns(x, count, m_dim, m_classes, m_classCount, m_dots.data(),
                                      c * width, std::min(m_classCount, (c + 1) * width));
        });
        me.barrier();
        me.share(chunks(count, kRowChunk), [&](std::int64_t c) {
            choose(first, c * kRowChunk, std::min(count, (c + 1) * kRowChunk));
        });
    }

    // Where the block's own buffer of rows starts (fill()'s `out` points into it).
    const float* bufferStart() const { return m_buffer.data(); }

private:
    static std::int64_t chunks(std::int64_t n, std::int64_t chunk)
    {
        return (n + chunk - 1) / chunk;
    }

    // From 385 to 768 classes, two chunks of (nearly) equal width: 384 + 333 at SUN's 717 left
    // one member 54% of the product (2 threads: 80 instead of 93 ms). Fewer classes stay one
    // chunk (splitting would pack the rows twice for little arithmetic). The width depends on the
    // class count only, never on the thread count, so neither do the dots; it is a multiple of
    // 16, the AVX-512 kernels' tile.
    static std::int64_t columnChunkWidth(std::int64_t classCount)
    {
        if (classCount <= kColumnChunk)
            return kColumnChunk;
        const std::int64_t half = (classCount + 1) / 2;
        return std::min(kColumnChunk, (half + 15) / 16 * 16);
    }

    // Rows [begin, end) of the block: normalised into the buffer if need be, and their norms.
    // Only the best dot needs dividing by |x|: cheaper than a normalised copy of x.
    void prepare(std::int64_t first, std::int64_t begin, std::int64_t end)
    {
        if (!m_normalised)
            m_fill(first + begin, end - begin, m_buffer.data() + begin * m_dim);
        const float* x = m_normalised ? m_normalised + first * m_dim : m_buffer.data();
        for (std::int64_t i = begin; i < end; ++i) {
            const float* row = x + i * m_dim;
            m_norms[static_cast<std::size_t>(i)] =
                m_cosine ? std::max(std::sqrt(dotProduct(row, row, m_dim)), 1e-12f) : 1.0f;
        }
    }

    void choose(std::int64_t first, std::int64_t begin, std::int64_t end)
    {
        for (std::size_t s = 0; s < m_sets.size(); ++s) {
            const std::vector<std::int64_t>& setColumns = m_columns[s];
            for (std::int64_t i = begin; i < end; ++i) {
                const float* dot = m_dots.data() + i * m_classCount;
                const std::size_t k = bestOf(dot, setColumns);
                const auto out = static_cast<std::size_t>(first + i);
                m_result[s].predicted[out] = m_sets[s][k];
                m_result[s].score[out] = dot[setColumns[k]] / m_norms[static_cast<std::size_t>(i)];
            }
        }
    }

    bool m_cosine;
    const float* m_classes;
    std::int64_t m_classCount;
    std::int64_t m_dim;
    std::vector<std::vector<std::int64_t>> m_columns;
    const ClassScorer::CandidateSets& m_sets;
    std::vector<ClassScores>& m_result;
    const float* m_normalised = nullptr;
    Fill m_fill;
    std::vector<float> m_buffer; // [kRowBlock, d] when the rows are normalised here
    std::vector<float> m_norms;  // [kRowBlock]
    std::vector<float> m_dots;   // [kRowBlock, classCount]
};

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
    RowSource source;
    source.normalised = features.values.data();
    return scoreRows(features.rows, sets, source);
}

std::vector<ClassScores> ClassScorer::score(const FloatMatrix& features,
                                            const std::vector<std::int64_t>& rows,
                                            const ScoringSpace& space, const CandidateSets& sets,
                                            const ProgressCallback& progress) const
{
    return score(features, rows, space.featureNormalizer, sets,
                 space.featureProjection.empty() ? nullptr : &space.featureProjection, progress);
}

std::vector<ClassScores> ClassScorer::score(const FloatMatrix& features,
                                            const std::vector<std::int64_t>& rows,
                                            const Normalizer& normalizer, const CandidateSets& sets,
                                            const FloatMatrix* projection,
                                            const ProgressCallback& progress) const
{
    if (projection && projection->cols != features.cols)
        throw Error("predictAmong: the projection takes features of dimension " +
                    std::to_string(projection->cols) + ", found " + std::to_string(features.cols));
    requireFeatureDim(projection ? projection->rows : features.cols);
    RowSource source;
    source.features = &features;
    source.rows = rows.data();
    source.normalizer = &normalizer;
    source.projection = projection;
    return scoreRows(static_cast<std::int64_t>(rows.size()), sets, source, progress);
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
                                                const RowSource& source,
                                                const ProgressCallback& progress) const
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
    BlockScoring scoring(m_unitClasses.data_ptr<float>(), m_unitClasses.size(0), m_featureDim,
                         rowCount, columnsOf(sets), sets, result, m_scoring == Scoring::Cosine);
    // SAE's visual-to-semantic direction compares W x with the classes: each member normalises
    // its rows into its own slice of `raw` [kRowBlock, d], then projects them (one more product,
    // on the calling thread).
    const FloatMatrix* projection = source.projection;
    std::vector<float> raw;
    if (projection)
        raw.resize(static_cast<std::size_t>(std::min(kRowBlock, rowCount) * projection->cols));
    if (source.normalised)
        scoring.setSource(source.normalised, nullptr);
    else if (!projection)
        scoring.setSource(nullptr, [&](std::int64_t first, std::int64_t count, float* out) {
            source.normalizer->applyToRows(*source.features, source.rows + first, count, out);
        });
    else
        scoring.setSource(nullptr, [&](std::int64_t first, std::int64_t count, float* out) {
            // `out` is row (first mod kRowBlock) of the block's buffer: the same slice of `raw`.
            const std::int64_t offset = (out - scoring.bufferStart()) / m_featureDim;
            float* slice = raw.data() + offset * projection->cols;
            source.normalizer->applyToRows(*source.features, source.rows + first, count, slice);
            multiplyTransposedColumns(slice, count, projection->cols, projection->values.data(),
                                      projection->rows, out, 0, projection->rows);
        });
    const SingleThreadedBlas blas; // the products are split over the members here
    WorkerTeam team(currentThreadCount());
    for (std::int64_t first = 0; first < rowCount; first += kRowBlock) {
        const std::int64_t count = std::min(kRowBlock, rowCount - first);
        team.run(team.size(), [&](TeamMember& me) { scoring.block(me, first, count); });
        if (progress)
            progress(static_cast<double>(first + count) / static_cast<double>(rowCount),
                     "scoring test samples");
    }
    return result;
}

} // namespace semrel
