// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/epoch_evaluation.h"

#include "evaluation/class_scorer.h"
#include "evaluation/stacking_samples.h"

#include <semrel/evaluation/evaluator.h>

#include <algorithm>
#include <cmath>

namespace semrel {

EpochEvaluation::EpochEvaluation(const Dataset& data, const Normalizer& featureNormalizer,
                                 Split trainSplit, const std::vector<std::int64_t>& validationRows)
    : m_data(data), m_normalizer(featureNormalizer), m_validation(trainSplit == Split::Train)
{
    if (m_validation) {
        m_val = makePart(data, validationRows);
        m_valClasses = m_val.truth;
        std::sort(m_valClasses.begin(), m_valClasses.end());
        m_valClasses.erase(std::unique(m_valClasses.begin(), m_valClasses.end()),
                           m_valClasses.end());
        return;
    }
    m_unseen = makePart(data, data.split(Split::TestUnseen));
    m_seen = makePart(data, data.split(Split::TestSeen));
    m_unseenClasses = data.unseenClasses();
    m_seenClasses = data.seenClasses();
    m_allClasses = m_seenClasses;
    m_allClasses.insert(m_allClasses.end(), m_unseenClasses.begin(), m_unseenClasses.end());
    std::sort(m_allClasses.begin(), m_allClasses.end());
    m_allClasses.erase(std::unique(m_allClasses.begin(), m_allClasses.end()), m_allClasses.end());
}

EpochEvaluation::Part EpochEvaluation::makePart(const Dataset& data,
                                                const std::vector<std::int64_t>& rows)
{
    Part part;
    part.rows = rows;
    for (std::int64_t row : rows)
        part.truth.push_back(data.labels[static_cast<std::size_t>(row)]);
    return part;
}

std::vector<ClassScores>
EpochEvaluation::score(const ClassScorer& scorer, const Part& part,
                       const std::vector<std::vector<std::int32_t>>& sets) const
{
    return scorer.score(m_data.features, part.rows, m_normalizer, sets);
}

void EpochEvaluation::measure(const FloatMatrix& mapped, EpochReport& report, Scoring scoring) const
{
    if (m_validation) {
        report.validationAccuracy = EpochReport::kNotMeasured;
        if (!m_val.empty() && !m_valClasses.empty()) {
            const ClassScorer scorer(mapped, m_valClasses, scoring);
            report.validationAccuracy =
                accuracy(m_val, score(scorer, m_val, {m_valClasses})[0], m_valClasses);
        }
        return;
    }
    report.zslAccuracy = EpochReport::kNotMeasured;
    report.gzslUnseen = EpochReport::kNotMeasured;
    report.gzslSeen = EpochReport::kNotMeasured;
    report.ausuc = EpochReport::kNotMeasured;
    // Classes prepared once for every measure, and one GEMM per split for all its candidate
    // sets (ZSL's and stacking's sets are subsets of all classes).
    if (!m_allClasses.empty())
        measureTest(ClassScorer(mapped, m_allClasses, scoring), report);
    if (!std::isnan(report.gzslUnseen) && !std::isnan(report.gzslSeen))
        report.gzslH = harmonicMean(report.gzslUnseen, report.gzslSeen);
}

void EpochEvaluation::measureTest(const ClassScorer& scorer, EpochReport& report) const
{
    const bool stacking =
        !m_unseen.empty() && !m_seen.empty() && !m_unseenClasses.empty() && !m_seenClasses.empty();
    std::vector<ClassScores> unseen;
    if (!m_unseen.empty()) {
        ClassScorer::CandidateSets sets{m_allClasses};
        if (!m_unseenClasses.empty())
            sets.push_back(m_unseenClasses);
        if (stacking)
            sets.push_back(m_seenClasses);
        unseen = score(scorer, m_unseen, sets);
        report.gzslUnseen = accuracy(m_unseen, unseen[0], m_unseenClasses);
        if (unseen.size() > 1)
            report.zslAccuracy = accuracy(m_unseen, unseen[1], m_unseenClasses);
    }
    if (m_seen.empty())
        return;
    ClassScorer::CandidateSets sets{m_allClasses};
    if (stacking) {
        sets.push_back(m_seenClasses);
        sets.push_back(m_unseenClasses);
    }
    const std::vector<ClassScores> seen = score(scorer, m_seen, sets);
    report.gzslSeen = accuracy(m_seen, seen[0], m_seenClasses);
    if (stacking)
        report.ausuc = seenUnseenCurve({stackingSamples(m_unseen.truth, unseen[2], unseen[1]),
                                        stackingSamples(m_seen.truth, seen[1], seen[2]),
                                        m_unseenClasses, m_seenClasses},
                                       /*maxPoints=*/2)
                           .ausuc;
}

double EpochEvaluation::accuracy(const Part& part, const ClassScores& scores,
                                 const std::vector<std::int32_t>& classes)
{
    return meanPerClassAccuracy(part.truth, scores.predicted, classes);
}

} // namespace semrel
