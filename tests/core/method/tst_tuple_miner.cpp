// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "kernels/dot_product.h"
#include "method/random.h"
#include "method/tuple_miner.h"

#include <semrel/method/semantic_relations.h>

#include <QTest>

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

using semrel::BatchTuples;
using semrel::Relation;
using semrel::SemanticRelations;
using semrel::SplitMix;
using semrel::TrainingSet;
using semrel::TupleMiner;

namespace {

constexpr std::int64_t kDim = 6;
constexpr double kTau = 0.1;

// Five classes; 0-3 are trained on (5 rows each), 4 is not. At τ = 0.1: 0 ~ {1}, 1 ~ {0, 2},
// 2 ~ {1}, and class 3 is similar to none of them.
struct Fixture
{
    TrainingSet set;
    std::unique_ptr<SemanticRelations> relations;
    at::Tensor mappedUnit; // [4, d]: one row per class 0-3
};

Fixture makeFixture()
{
    Fixture f;
    semrel::FloatMatrix e(5, 3);
    e.values = {1, 0, 0, 1, 1, 0, 0, 1, 0, -1, -1, 0.1f, 0, 0, 1};
    f.relations = std::make_unique<SemanticRelations>(e, kTau);
    SplitMix rng(7);
    std::vector<float> rows;
    for (std::int32_t c = 0; c < 4; ++c) {
        f.set.classes.push_back(c);
        f.set.classStart.push_back(c * 5);
        f.set.classCount.push_back(5);
        for (int k = 0; k < 5; ++k) {
            f.set.rowClass.push_back(c);
            for (int i = 0; i < kDim; ++i)
                rows.push_back(static_cast<float>(rng.uniform() - 0.5));
        }
    }
    f.set.classStart.push_back(20);
    f.set.classCount.push_back(0);
    f.set.features = at::from_blob(rows.data(), {20, kDim}, at::kFloat).clone();
    f.set.features = f.set.features / f.set.features.norm(2, 1, true);
    f.set.featureRow.resize(20);
    std::iota(f.set.featureRow.begin(), f.set.featureRow.end(), std::int64_t{0});
    at::Tensor mapped = at::from_blob(rows.data(), {4, kDim}, at::kFloat).clone() + 0.3;
    f.mappedUnit = (mapped / mapped.norm(2, 1, true)).contiguous();
    return f;
}

float cosine(const Fixture& f, std::int64_t mappedRow, std::int64_t featureRow)
{
    return semrel::cosineSimilarity(f.mappedUnit[mappedRow].data_ptr<float>(),
                                    f.set.features[featureRow].data_ptr<float>(), kDim);
}

} // namespace

class TestTupleMiner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsOnlyClassesOfTheRightRelation();
    void keepsTheHighestLossCandidate();
    void masksAClassWithoutSimilarClasses();
    void sameSeedGivesSameTuples();
    void skipsSidesThatAreNotMined();
    void bf16ScoresStayNearAndTheWinnersIsExact();
    void readsSamplesWhereTheyLie();
};

void TestTupleMiner::drawsOnlyClassesOfTheRightRelation()
{
    const Fixture f = makeFixture();
    const TupleMiner miner(f.set, *f.relations, /*candidates=*/50, true, true);
    // Two samples per class: a batch smaller than p.
    const std::vector<std::int32_t> classes{0, 1, 2, 3, 0, 1, 2, 3};
    const std::vector<std::int64_t> slot{0, 1, 2, 3, 0, 1, 2, 3};
    SplitMix rng(1);
    const BatchTuples t = miner.mine(classes, slot, f.mappedUnit, rng);
    QCOMPARE(t.similarCandidates.size(), classes.size() * 50);
    for (std::size_t b = 0; b < classes.size(); ++b) {
        const std::int32_t r = classes[b];
        QCOMPARE(f.set.rowClass[static_cast<std::size_t>(t.positive[b])], r);
        for (std::size_t c = 0; c < 50; ++c) {
            const std::int64_t j = t.similarCandidates[b * 50 + c];
            const std::int64_t k = t.dissimilarCandidates[b * 50 + c];
            if (j >= 0)
                QCOMPARE(f.relations->relation(f.set.rowClass[static_cast<std::size_t>(j)], r),
                         Relation::Similar);
            QVERIFY(k >= 0); // every class here has a dissimilar class
            QCOMPARE(f.relations->relation(f.set.rowClass[static_cast<std::size_t>(k)], r),
                     Relation::Dissimilar);
        }
    }
}

void TestTupleMiner::keepsTheHighestLossCandidate()
{
    const Fixture f = makeFixture();
    const TupleMiner miner(f.set, *f.relations, /*candidates=*/7, true, true);
    const std::vector<std::int32_t> classes{1, 0, 2};
    const std::vector<std::int64_t> slot{1, 0, 2};
    SplitMix rng(3);
    const BatchTuples t = miner.mine(classes, slot, f.mappedUnit, rng);
    for (std::size_t b = 0; b < classes.size(); ++b) {
        const std::int32_t r = classes[b];
        double bestO2 = -1e9, bestO1 = -1e9;
        std::int64_t bestJ = -1, bestK = -1;
        for (std::size_t c = 0; c < 7; ++c) {
            // Recompute each candidate's loss from the definitions (Eq. 2, 3).
            const std::int64_t j = t.similarCandidates[b * 7 + c];
            const double sj = cosine(f, slot[b], j);
            const double dj = f.relations->delta(f.set.rowClass[static_cast<std::size_t>(j)], r);
            const double o2 = std::max(0.0, kTau - sj) + std::max(0.0, sj - dj);
            QVERIFY(std::abs(o2 - t.similarScores[b * 7 + c]) < 1e-5);
            if (o2 > bestO2 + 1e-6) {
                bestO2 = o2;
                bestJ = j;
            }
            const std::int64_t k = t.dissimilarCandidates[b * 7 + c];
            const double dk = f.relations->delta(f.set.rowClass[static_cast<std::size_t>(k)], r);
            const double o1 = (kTau - dk) * cosine(f, slot[b], k);
            QVERIFY(std::abs(o1 - t.dissimilarScores[b * 7 + c]) < 1e-5);
            if (o1 > bestO1 + 1e-6) {
                bestO1 = o1;
                bestK = k;
            }
        }
        QCOMPARE(t.similar[b], bestJ);
        QCOMPARE(t.dissimilar[b], bestK);
        QCOMPARE(t.deltaSimilar[b],
                 f.relations->delta(f.set.rowClass[static_cast<std::size_t>(bestJ)], r));
        QCOMPARE(t.deltaDissimilar[b],
                 f.relations->delta(f.set.rowClass[static_cast<std::size_t>(bestK)], r));
    }
}

// With bf16Scores the same seed draws the same candidates; every score is within bfloat16's
// rounding (8 significant bits: 2^-8 relative per feature, |s| <= 1) of the exact one, the
// choice is a candidate whose exact score is within that of the best, and the winner's score is
// the exact one.
void TestTupleMiner::bf16ScoresStayNearAndTheWinnersIsExact()
{
    const Fixture f = makeFixture();
    const TupleMiner exact(f.set, *f.relations, /*candidates=*/7, true, true);
    const TupleMiner reduced(f.set, *f.relations, /*candidates=*/7, true, true,
                             /*bf16Scores=*/true);
    const std::vector<std::int32_t> classes{1, 0, 2, 1};
    const std::vector<std::int64_t> slot{1, 0, 2, 1};
    SplitMix rngExact(5), rngReduced(5);
    const BatchTuples e = exact.mine(classes, slot, f.mappedUnit, rngExact);
    const BatchTuples r = reduced.mine(classes, slot, f.mappedUnit, rngReduced);
    QCOMPARE(r.similarCandidates, e.similarCandidates);
    QCOMPARE(r.dissimilarCandidates, e.dissimilarCandidates);
    constexpr float kRounding = 2.0f * 0x1.0p-8f;
    const auto checkSide = [&](const std::vector<float>& exactScores,
                               const std::vector<float>& reducedScores,
                               const std::vector<std::int64_t>& candidates,
                               const std::vector<std::int64_t>& chosen) {
        for (std::size_t b = 0; b < classes.size(); ++b) {
            float bestExact = -1e9f;
            std::size_t won = 7;
            for (std::size_t c = 0; c < 7; ++c) {
                QVERIFY(std::abs(reducedScores[b * 7 + c] - exactScores[b * 7 + c]) < kRounding);
                bestExact = std::max(bestExact, exactScores[b * 7 + c]);
                if (f.set.featureRow[static_cast<std::size_t>(candidates[b * 7 + c])] ==
                        chosen[b] &&
                    won == 7)
                    won = c;
            }
            QVERIFY(won < 7);
            QCOMPARE(reducedScores[b * 7 + won], exactScores[b * 7 + won]);
            QVERIFY(exactScores[b * 7 + won] > bestExact - 2.0f * kRounding);
        }
    };
    checkSide(e.similarScores, r.similarScores, r.similarCandidates, r.similar);
    checkSide(e.dissimilarScores, r.dissimilarScores, r.dissimilarCandidates, r.dissimilar);
    QVERIFY(r.dissimilarScores != e.dissimilarScores); // the copy was used: its rounding shows
    // Round to nearest, ties to even: 1 + 2^-8 lies halfway between 1 and 1 + 2^-7.
    QCOMPARE(semrel::toBf16(1.0f + 0x1.0p-8f), std::uint16_t{0x3f80});
    QCOMPARE(semrel::toBf16(1.0f + 3.0f * 0x1.0p-8f), std::uint16_t{0x3f82});
    QCOMPARE(semrel::toBf16(-2.0f), std::uint16_t{0xc000});
}

void TestTupleMiner::masksAClassWithoutSimilarClasses()
{
    const Fixture f = makeFixture();
    const TupleMiner miner(f.set, *f.relations, 5, true, true);
    QVERIFY(!miner.hasSimilar(3));
    QVERIFY(miner.hasSimilar(0));
    SplitMix rng(2);
    const BatchTuples t = miner.mine({3, 0}, {3, 0}, f.mappedUnit, rng);
    QCOMPARE(t.similar[0], std::int64_t(-1));
    QVERIFY(t.similar[1] >= 0);
    QVERIFY(t.dissimilar[0] >= 0);
}

void TestTupleMiner::sameSeedGivesSameTuples()
{
    const Fixture f = makeFixture();
    const TupleMiner miner(f.set, *f.relations, 10, true, true);
    SplitMix a(42), b(42), c(43);
    const BatchTuples ta = miner.mine({0, 1, 2}, {0, 1, 2}, f.mappedUnit, a);
    const BatchTuples tb = miner.mine({0, 1, 2}, {0, 1, 2}, f.mappedUnit, b);
    const BatchTuples tc = miner.mine({0, 1, 2}, {0, 1, 2}, f.mappedUnit, c);
    QCOMPARE(ta.similarCandidates, tb.similarCandidates);
    QCOMPARE(ta.dissimilarCandidates, tb.dissimilarCandidates);
    QCOMPARE(ta.positive, tb.positive);
    QVERIFY(ta.dissimilarCandidates != tc.dissimilarCandidates);
}

void TestTupleMiner::skipsSidesThatAreNotMined()
{
    const Fixture f = makeFixture();
    const TupleMiner miner(f.set, *f.relations, 5, /*mineSimilar=*/false, /*mineDissimilar=*/true);
    SplitMix rng(2);
    const BatchTuples t = miner.mine({0, 1}, {0, 1}, f.mappedUnit, rng);
    QVERIFY(t.similarCandidates.empty());
    QCOMPARE(t.dissimilarCandidates.size(), std::size_t(10));
}

// The training set as a view of a dataset's rows (training_setup.h): sample k in row 2k + 1,
// NaN rows between that must never be read. The same draws, scores and choices, named by row.
void TestTupleMiner::readsSamplesWhereTheyLie()
{
    const Fixture f = makeFixture();
    Fixture spread = makeFixture();
    spread.set.features = at::full({41, kDim}, std::nanf(""), at::kFloat);
    for (std::int64_t k = 0; k < 20; ++k) {
        spread.set.featureRow[static_cast<std::size_t>(k)] = 2 * k + 1;
        spread.set.features[2 * k + 1].copy_(f.set.features[k]);
    }
    const TupleMiner miner(f.set, *f.relations, 6, true, true);
    const TupleMiner spreadMiner(spread.set, *spread.relations, 6, true, true);
    SplitMix a(9), b(9);
    const std::vector<std::int32_t> classes{0, 1, 2, 3};
    const std::vector<std::int64_t> slot{0, 1, 2, 3};
    const BatchTuples t = miner.mine(classes, slot, f.mappedUnit, a);
    const BatchTuples u = spreadMiner.mine(classes, slot, f.mappedUnit, b);
    auto rowOf = [](std::int64_t sample) {
        return sample < 0 ? sample : 2 * sample + 1;
    };
    for (std::size_t i = 0; i < classes.size(); ++i) {
        QCOMPARE(u.positive[i], rowOf(t.positive[i]));
        QCOMPARE(u.similar[i], rowOf(t.similar[i]));
        QCOMPARE(u.dissimilar[i], rowOf(t.dissimilar[i]));
    }
    QCOMPARE(u.similarCandidates, t.similarCandidates);
    QCOMPARE(u.similarScores, t.similarScores);
    QCOMPARE(u.dissimilarScores, t.dissimilarScores);
    QCOMPARE(u.deltaDissimilar, t.deltaDissimilar);
}

QTEST_GUILESS_MAIN(TestTupleMiner)
#include "tst_tuple_miner.moc"
