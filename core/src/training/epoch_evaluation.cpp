// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/epoch_evaluation.h"

#include "evaluation/class_scorer.h"

#include <semrel/evaluation/evaluator.h>

#include <algorithm>
#include <cmath>

namespace semrel {

EpochEvaluation::EpochEvaluation(const Dataset& data, const Normalizer& featureNormalizer,
                                 Split trainSplit)
    : m_validation(trainSplit == Split::Train)
{
    if (m_validation) {
        m_val = makePart(data, featureNormalizer, Split::Val);
        m_valClasses = data.classesIn(Split::Val);
        return;
    }
    m_unseen = makePart(data, featureNormalizer, Split::TestUnseen);
    m_seen = makePart(data, featureNormalizer, Split::TestSeen);
    m_unseenClasses = data.unseenClasses();
    m_seenClasses = data.seenClasses();
    m_allClasses = m_seenClasses;
    m_allClasses.insert(m_allClasses.end(), m_unseenClasses.begin(), m_unseenClasses.end());
    std::sort(m_allClasses.begin(), m_allClasses.end());
    m_allClasses.erase(std::unique(m_allClasses.begin(), m_allClasses.end()), m_allClasses.end());
}

EpochEvaluation::Part EpochEvaluation::makePart(const Dataset& data, const Normalizer& normalizer,
                                                Split split)
{
    const std::vector<std::int64_t>& rows = data.split(split);
    Part part;
    part.features = FloatMatrix(static_cast<std::int64_t>(rows.size()), data.featureDim());
    for (std::size_t k = 0; k < rows.size(); ++k) {
        std::copy(data.features.row(rows[k]), data.features.row(rows[k]) + data.featureDim(),
                  part.features.row(static_cast<std::int64_t>(k)));
        part.truth.push_back(data.labels[static_cast<std::size_t>(rows[k])]);
    }
    normalizer.applyInPlace(part.features);
    return part;
}

void EpochEvaluation::measure(const FloatMatrix& mapped, EpochReport& report) const
{
    if (m_validation) {
        report.validationAccuracy = EpochReport::kNotMeasured;
        if (!m_val.empty() && !m_valClasses.empty()) {
            const ClassScorer scorer(mapped, m_valClasses);
            report.validationAccuracy =
                accuracy(m_val, scorer.score(m_val.features, {m_valClasses})[0], m_valClasses);
        }
        return;
    }
    report.zslAccuracy = EpochReport::kNotMeasured;
    report.gzslUnseen = EpochReport::kNotMeasured;
    report.gzslSeen = EpochReport::kNotMeasured;
    if (!m_allClasses.empty()) {
        // Classes prepared once for the three measures, and one GEMM for both measures of the
        // unseen samples (their ZSL candidates are a subset of all classes).
        const ClassScorer scorer(mapped, m_allClasses);
        if (!m_unseen.empty()) {
            ClassScorer::CandidateSets sets{m_allClasses};
            if (!m_unseenClasses.empty())
                sets.push_back(m_unseenClasses);
            const std::vector<ClassScores> scores = scorer.score(m_unseen.features, sets);
            report.gzslUnseen = accuracy(m_unseen, scores[0], m_unseenClasses);
            if (scores.size() > 1)
                report.zslAccuracy = accuracy(m_unseen, scores[1], m_unseenClasses);
        }
        if (!m_seen.empty())
            report.gzslSeen =
                accuracy(m_seen, scorer.score(m_seen.features, {m_allClasses})[0], m_seenClasses);
    }
    if (!std::isnan(report.gzslUnseen) && !std::isnan(report.gzslSeen))
        report.gzslH = harmonicMean(report.gzslUnseen, report.gzslSeen);
}

double EpochEvaluation::accuracy(const Part& part, const ClassScores& scores,
                                 const std::vector<std::int32_t>& classes)
{
    return meanPerClassAccuracy(part.truth, scores.predicted, classes);
}

} // namespace semrel
