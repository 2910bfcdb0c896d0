// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/scoring_space.h>
#include <semrel/matrix.h>
#include <semrel/method/normalizer.h>
#include <semrel/model_file/model_state.h>

#include <cstdint>
#include <vector>

namespace semrel {

class ClassScorer;

// The accuracies reported after each epoch. Tuning (trainSplit = Train): ZSL on the validation
// rows (training_rows.h) among their classes. Final training (Trainval): ZSL on test_unseen, GZSL
// ts / tr / H, and calibrated stacking's AUSUC. The evaluation rows are read from the dataset
// and normalised block by block in each measure (ClassScorer), not copied: a normalised copy of
// the test splits would add their size to training's peak memory (docs/BENCHMARKS.md, "Memory").
// The dataset must outlive this object, and its evaluation rows must stay as they are.
class EpochEvaluation
{
public:
    // `validationRows`: the tuning run's val rows; ignored for a final run.
    EpochEvaluation(const Dataset& data, const Normalizer& featureNormalizer, Split trainSplit,
                    const std::vector<std::int64_t>& validationRows);

    // `mapped` [C, d]: f(y) of every class of the dataset (or any method's class points, scored
    // by `scoring`). Fills the report's accuracy fields that apply; the others stay NaN.
    void measure(const FloatMatrix& mapped, EpochReport& report,
                 Scoring scoring = Scoring::Cosine) const;

private:
    struct Part
    {
        std::vector<std::int64_t> rows; // of the dataset
        std::vector<std::int32_t> truth;
        bool empty() const { return truth.empty(); }
    };
    static Part makePart(const Dataset& data, const std::vector<std::int64_t>& rows);
    std::vector<ClassScores> score(const ClassScorer& scorer, const Part& part,
                                   const std::vector<std::vector<std::int32_t>>& sets) const;
    void measureTest(const ClassScorer& scorer, EpochReport& report) const;
    static double accuracy(const Part& part, const ClassScores& scores,
                           const std::vector<std::int32_t>& classes);

    const Dataset& m_data;
    Normalizer m_normalizer;
    bool m_validation;
    Part m_val;
    Part m_unseen;
    Part m_seen;
    std::vector<std::int32_t> m_valClasses;
    std::vector<std::int32_t> m_unseenClasses;
    std::vector<std::int32_t> m_seenClasses;
    std::vector<std::int32_t> m_allClasses;
};

} // namespace semrel
