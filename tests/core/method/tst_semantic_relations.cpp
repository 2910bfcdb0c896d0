// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/method/semantic_relations.h>

#include <QTest>

#include <algorithm>

using semrel::FloatMatrix;
using semrel::Relation;
using semrel::SemanticRelations;

namespace {

// Five classes in 3-D with cosines spread over (-1, 1), one duplicate of class 0 (δ = 1).
FloatMatrix embeddings()
{
    FloatMatrix m(5, 3);
    m.values = {1, 0, 0, 1, 1, 0, 0, 1, 0, -1, -1, 0.1f, 2, 0, 0};
    return m;
}

} // namespace

class TestSemanticRelations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deltaIsTheCosineMatrix();
    void relationsPartitionByTau_data();
    void relationsPartitionByTau();
    void tauOneLeavesOnlyEqualEmbeddingsSimilar();
    void cosineOfZeroVectorIsZero();
    void rejectsTauOutOfRange();
};

void TestSemanticRelations::deltaIsTheCosineMatrix()
{
    const SemanticRelations rel(embeddings(), 0.0);
    QCOMPARE(rel.classCount(), 5);
    QCOMPARE(rel.delta(0, 0), 1.0f);
    QCOMPARE(rel.delta(0, 1), float(1 / std::sqrt(2.0)));
    QCOMPARE(rel.delta(1, 0), rel.delta(0, 1));
    QCOMPARE(rel.delta(0, 2) + 1.0f, 1.0f); // orthogonal
    QCOMPARE(rel.delta(0, 4), 1.0f);        // same direction, another class
}

void TestSemanticRelations::relationsPartitionByTau_data()
{
    QTest::addColumn<double>("tau");
    QTest::newRow("-0.9") << -0.9;
    QTest::newRow("0") << 0.0;
    QTest::newRow("0.5") << 0.5;
    QTest::newRow("0.71") << 0.71;
    QTest::newRow("1") << 1.0;
}

void TestSemanticRelations::relationsPartitionByTau()
{
    QFETCH(double, tau);
    const SemanticRelations rel(embeddings(), tau);
    const std::vector<std::int32_t> all{0, 1, 2, 3, 4};
    for (std::int32_t r = 0; r < 5; ++r) {
        const auto similar = rel.similarTo(r, all);
        const auto dissimilar = rel.dissimilarTo(r, all);
        QCOMPARE(similar.size() + dissimilar.size(), all.size() - 1); // r itself is in neither
        for (std::int32_t m : all) {
            const bool inSimilar = std::count(similar.begin(), similar.end(), m) == 1;
            const bool inDissimilar = std::count(dissimilar.begin(), dissimilar.end(), m) == 1;
            if (m == r) {
                QCOMPARE(rel.relation(m, r), Relation::Identical);
                QVERIFY(!inSimilar && !inDissimilar);
                continue;
            }
            const bool expectSimilar = rel.delta(m, r) >= tau || rel.delta(m, r) >= 1.0f;
            QCOMPARE(inSimilar, expectSimilar);
            QCOMPARE(inDissimilar, !expectSimilar);
            QCOMPARE(rel.relation(m, r), expectSimilar ? Relation::Similar : Relation::Dissimilar);
        }
    }
}

void TestSemanticRelations::tauOneLeavesOnlyEqualEmbeddingsSimilar()
{
    const SemanticRelations rel(embeddings(), 1.0);
    QCOMPARE(rel.similarTo(0, {0, 1, 2, 3, 4}), (std::vector<std::int32_t>{4}));
    QCOMPARE(rel.similarTo(1, {0, 1, 2, 3, 4}), (std::vector<std::int32_t>{}));
    QCOMPARE(rel.dissimilarTo(1, {0, 1, 2, 3, 4}), (std::vector<std::int32_t>{0, 2, 3, 4}));
}

void TestSemanticRelations::cosineOfZeroVectorIsZero()
{
    const float zero[3] = {0, 0, 0};
    const float x[3] = {1, 2, 3};
    QCOMPARE(semrel::cosineSimilarity(zero, x, 3), 0.0f);
    QCOMPARE(semrel::cosineSimilarity(x, x, 3), 1.0f);
}

void TestSemanticRelations::rejectsTauOutOfRange()
{
    QVERIFY_THROWS_EXCEPTION(semrel::Error, SemanticRelations(embeddings(), -1.0));
    QVERIFY_THROWS_EXCEPTION(semrel::Error, SemanticRelations(embeddings(), 1.01));
}

QTEST_GUILESS_MAIN(TestSemanticRelations)
#include "tst_semantic_relations.moc"
