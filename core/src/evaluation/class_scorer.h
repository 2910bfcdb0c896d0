// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/scoring_space.h>
#include <semrel/matrix.h>
#include <semrel/method/normalizer.h>
#include <semrel/progress.h>

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace semrel {

// Eq. 6 for many samples against fixed classes, and the same for every method's score
// (scoring_space.h): for the cosine the classes' rows of `mapped` are made unit length, for the
// dot product they are used as they are; either way they are laid out for the GEMM once, and every
// candidate set (a subset of those classes) is answered from the one product: GZSL's all classes
// contain ZSL's unseen ones, so the unseen test samples need one GEMM, not two. Rows go through in
// blocks into buffers allocated once per call: fresh multi-megabyte temporaries cost a page fault
// per 4 KB, and on this kind of VM those faults cost as much as the arithmetic outside the GEMM.
//
// The argmax keeps torch's rule (first maximum, NaN wins). One call is one job of a WorkerTeam
// of currentThreadCount() members, whose waits sleep instead of spinning (kernels/worker_team.h):
// per block, the members share the rows' normalisation and norms, then the product's class
// columns in chunks of a fixed width (each a single-threaded sgemm), then the rows' argmax, with
// a barrier between. The chunks do not depend on the thread count, so neither do the scores,
// with OpenBLAS's AVX2 (Haswell) kernels too, which round by tile position.
class ClassScorer
{
public:
    // `mapped` [C, k]: every class's point (f(y) for the paper's method); `classes`: the ones
    // candidate sets may name (GZSL: all). Throws Error when `classes` is empty or names a class
    // outside `mapped`.
    ClassScorer(const FloatMatrix& mapped, const std::vector<std::int32_t>& classes,
                Scoring scoring = Scoring::Cosine);
    // The class points and the score of `space`.
    ClassScorer(const ScoringSpace& space, const std::vector<std::int32_t>& classes);

    using CandidateSets = std::vector<std::vector<std::int32_t>>;
    // Every row of `features` [N, k], already in the comparison space: for each candidate set
    // (non-empty, of the scorer's classes, else Error), the best class of each row and its score.
    std::vector<ClassScores> score(const FloatMatrix& features, const CandidateSets& sets) const;
    // The listed rows of raw `features` [N, d], normalised with `normalizer` on the fly (no
    // normalised copy of the whole split is made) and, when `projection` [k, d] is given,
    // projected block by block. Throws Error on a row outside `features`. `progress` (may be
    // empty) hears the fraction of the rows scored after each block of rows; when it throws
    // (Cancelled), the scoring ends there and the exception reaches the caller.
    std::vector<ClassScores> score(const FloatMatrix& features,
                                   const std::vector<std::int64_t>& rows,
                                   const Normalizer& normalizer, const CandidateSets& sets,
                                   const FloatMatrix* projection = nullptr,
                                   const ProgressCallback& progress = {}) const;
    // The same with `space`'s normaliser and projection.
    std::vector<ClassScores> score(const FloatMatrix& features,
                                   const std::vector<std::int64_t>& rows, const ScoringSpace& space,
                                   const CandidateSets& sets,
                                   const ProgressCallback& progress = {}) const;

private:
    // Where the normalised rows come from: `normalised` [N, d] when they are already, else the
    // listed `rows` of raw `features`, normalised block by block with `normalizer` and projected
    // by `projection` [k, d] when there is one.
    struct RowSource
    {
        const float* normalised = nullptr;
        const FloatMatrix* features = nullptr;
        const std::int64_t* rows = nullptr;
        const Normalizer* normalizer = nullptr;
        const FloatMatrix* projection = nullptr;
    };
    std::vector<ClassScores> scoreRows(std::int64_t rowCount, const CandidateSets& sets,
                                       const RowSource& source,
                                       const ProgressCallback& progress = {}) const;
    void requireFeatureDim(std::int64_t featureDim) const;
    // For each set, the GEMM column of each of its classes, in the set's order.
    std::vector<std::vector<std::int64_t>> columnsOf(const CandidateSets& sets) const;

    std::vector<std::int64_t> m_columnOf; // GEMM column of each class of `mapped`, or -1
    torch::Tensor m_unitClasses;          // [classes, k]: unit rows of `mapped` (as they are: Dot)
    std::int64_t m_featureDim = 0;        // k
    Scoring m_scoring = Scoring::Cosine;
};

} // namespace semrel
