// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_setup.h"

#include "kernels/worker_team.h"
#include "method/relation_network.h"
#include "training/training_rows.h"

#include <semrel/errors.h>
#include <semrel/kernels/threads.h>

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <sstream>

namespace semrel {

namespace {

// Training rows grouped by class (stable within a class): their classes and class ranges, with
// `featureRow` still unset.
TrainingSet groupedByClass(const Dataset& data, std::vector<std::int64_t>& rows)
{
    std::stable_sort(rows.begin(), rows.end(), [&](std::int64_t a, std::int64_t b) {
        return data.labels[static_cast<std::size_t>(a)] < data.labels[static_cast<std::size_t>(b)];
    });
    TrainingSet set;
    const std::int64_t n = static_cast<std::int64_t>(rows.size());
    set.classStart.assign(static_cast<std::size_t>(data.classCount()), 0);
    set.classCount.assign(static_cast<std::size_t>(data.classCount()), 0);
    for (std::int64_t k = 0; k < n; ++k) {
        const std::int32_t c =
            data.labels[static_cast<std::size_t>(rows[static_cast<std::size_t>(k)])];
        set.rowClass.push_back(c);
        if (set.classCount[static_cast<std::size_t>(c)]++ == 0) {
            set.classStart[static_cast<std::size_t>(c)] = k;
            set.classes.push_back(c);
        }
    }
    return set;
}

// Row `from[k]` of `source` normalised and, unless the method compares raw vectors (B1's MSE),
// scaled to unit length, into row `to[k]` of `target` (both [*, d]). `target` may be `source`
// itself with to = from: each value is read before it is written, with the same arithmetic.
void normaliseRows(const float* source, const std::vector<std::int64_t>& from, float* target,
                   const std::vector<std::int64_t>& to, std::int64_t d,
                   const Normalizer& normalizer, bool unit)
{
    const auto n = static_cast<std::int64_t>(from.size());
    constexpr std::int64_t kRowsPerItem = 256;
    // On a WorkerTeam, whose waits sleep (kernels/worker_team.h); each row is computed alone, so
    // the split does not change a bit.
    WorkerTeam team(currentThreadCount());
    team.run(team.size(), [&](TeamMember& me) {
        me.share((n + kRowsPerItem - 1) / kRowsPerItem, [&](std::int64_t item) {
            const std::int64_t begin = item * kRowsPerItem;
            const std::int64_t end = std::min(n, begin + kRowsPerItem);
            for (std::int64_t k = begin; k < end; ++k) {
                const float* x = source + from[static_cast<std::size_t>(k)] * d;
                float* y = target + to[static_cast<std::size_t>(k)] * d;
                double norm = 0.0;
                for (std::int64_t c = 0; c < d; ++c) {
                    y[c] = (x[c] - normalizer.mean[static_cast<std::size_t>(c)]) /
                           normalizer.stddev[static_cast<std::size_t>(c)];
                    norm += static_cast<double>(y[c]) * y[c];
                }
                const float scale =
                    unit && norm > 0.0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 1.0f;
                for (std::int64_t c = 0; c < d; ++c)
                    y[c] *= scale;
            }
        });
    });
}

// The training set, in its own tensor (`inPlace` null) or in `inPlace`'s features, which must
// be `data` itself.
TrainingSet makeSet(const Dataset& data, Dataset* inPlace, const Normalizer& normalizer,
                    std::vector<std::int64_t> rows, bool unit)
{
    TrainingSet set = groupedByClass(data, rows);
    const std::int64_t d = data.featureDim();
    if (inPlace) {
        float* values = inPlace->features.values.data();
        normaliseRows(values, rows, values, rows, d, normalizer, unit);
        set.features = at::from_blob(values, {inPlace->features.rows, d}, at::kFloat);
        set.featureRow = std::move(rows);
        return set;
    }
    set.featureRow.resize(rows.size());
    std::iota(set.featureRow.begin(), set.featureRow.end(), std::int64_t{0});
    set.features = at::empty({static_cast<std::int64_t>(rows.size()), d}, at::kFloat);
    normaliseRows(data.features.values.data(), rows, set.features.data_ptr<float>(), set.featureRow,
                  d, normalizer, unit);
    return set;
}

std::string tauText(double tau)
{
    std::ostringstream text;
    text << tau;
    return text.str();
}

struct RelationsFound
{
    bool similar = false;
    bool dissimilar = false;
};

// Whether some class of `classes` is similar, and some dissimilar, to r: the scan stops once
// both are found, and reads δ's row r (δ is symmetric), so C classes cost O(C) in the common
// case instead of C² lists.
RelationsFound relationsAmong(const SemanticRelations& relations, std::int32_t r,
                              const std::vector<std::int32_t>& classes)
{
    RelationsFound found;
    for (std::int32_t m : classes) {
        const Relation relation = relations.relation(r, m);
        found.similar = found.similar || relation == Relation::Similar;
        found.dissimilar = found.dissimilar || relation == Relation::Dissimilar;
        if (found.similar && found.dissimilar)
            break;
    }
    return found;
}

// Whether a training row is also read raw after setup: by the epoch's evaluation, calibration or
// a later evaluation of the test splits (xlsa17's AWA2 lists test_seen samples in train).
bool sharesRows(const Dataset& data, const TrainingRows& rows)
{
    std::vector<char> trained(static_cast<std::size_t>(data.sampleCount()), 0);
    for (std::int64_t row : rows.train)
        trained[static_cast<std::size_t>(row)] = 1;
    for (const std::vector<std::int64_t>* read :
         {&data.split(Split::TestSeen), &data.split(Split::TestUnseen), &rows.tuning.validation,
          &rows.tuning.seenHoldout})
        for (std::int64_t row : *read)
            if (trained[static_cast<std::size_t>(row)])
                return true;
    return false;
}

TrainingSetup makeSetup(const Dataset& data, Dataset* inPlace, const TrainingConfig& config)
{
    validateDataset(data, data.name.empty() ? std::string("dataset") : data.name);
    const TrainingRows rows = trainingRows(data, config);
    const std::vector<std::int64_t>& trainRows = rows.train;
    // Rows read raw later keep their values: the copy then, with the same results.
    if (inPlace && sharesRows(data, rows))
        inPlace = nullptr;
    if (trainRows.empty())
        throw DataError("dataset '" + data.name + "': the '" + splitName(config.trainSplit) +
                        "' split is empty, there is nothing to train on");
    TrainingSetup s;
    s.featureNormalizer = Normalizer::fit(data.features, trainRows);
    s.embeddingNormalizer = Normalizer::fit(
        data.classEmbeddings, embeddingStatisticsRows(data, trainRows, config.attributeStats));
    s.normalizedEmbeddings = s.embeddingNormalizer.apply(data.classEmbeddings);
    s.embeddings = fromFloatMatrix(s.normalizedEmbeddings);
    s.set = makeSet(data, inPlace, s.featureNormalizer, trainRows, config.method != Method::B1);
    const double tau = effectiveTau(config);
    s.relations = std::make_unique<SemanticRelations>(s.normalizedEmbeddings, tau);

    if (config.method == Method::B1)
        return s;
    for (std::int32_t r : s.set.classes) {
        const std::string& name = data.classNames[static_cast<std::size_t>(r)];
        const RelationsFound found = relationsAmong(*s.relations, r, s.set.classes);
        if (effectiveLambda1(config) > 0.0 && !found.similar)
            s.warnings.push_back("class '" + name + "' has no similar training class at tau = " +
                                 tauText(tau) + ": its O2 term is left out");
        if (!found.dissimilar)
            s.warnings.push_back("class '" + name + "' has no dissimilar training class at tau = " +
                                 tauText(tau) + ": the second term of its O1 is left out");
    }
    return s;
}

} // namespace

TrainingSetup makeTrainingSetup(const Dataset& data, const TrainingConfig& config)
{
    return makeSetup(data, nullptr, config);
}

TrainingSetup makeTrainingSetupInPlace(Dataset& data, const TrainingConfig& config)
{
    return makeSetup(data, &data, config);
}

} // namespace semrel
