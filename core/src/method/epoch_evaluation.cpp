// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/epoch_evaluation.h"

#include <semrel/evaluator.h>

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

double EpochEvaluation::accuracy(const Part& part, const FloatMatrix& mapped,
                                 const std::vector<std::int32_t>& candidates,
                                 const std::vector<std::int32_t>& classes)
{
    if (part.empty() || candidates.empty())
        return EpochReport::kNotMeasured;
    const ClassScores scores = predictAmong(part.features, mapped, candidates);
    return meanPerClassAccuracy(part.truth, scores.predicted, classes);
}

void EpochEvaluation::measure(const FloatMatrix& mapped, EpochReport& report) const
{
    if (m_validation) {
        report.validationAccuracy = accuracy(m_val, mapped, m_valClasses, m_valClasses);
        return;
    }
    report.zslAccuracy = accuracy(m_unseen, mapped, m_unseenClasses, m_unseenClasses);
    report.gzslUnseen = accuracy(m_unseen, mapped, m_allClasses, m_unseenClasses);
    report.gzslSeen = accuracy(m_seen, mapped, m_allClasses, m_seenClasses);
    if (!std::isnan(report.gzslUnseen) && !std::isnan(report.gzslSeen))
        report.gzslH = harmonicMean(report.gzslUnseen, report.gzslSeen);
}

} // namespace semrel
