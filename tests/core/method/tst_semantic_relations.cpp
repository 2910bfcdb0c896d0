// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/method/semantic_relations.h>

#include <QTest>

#include <algorithm>
#include <cstdint>

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
    void everyEntryHasTheBitsOfCosineSimilarity_data();
    void everyEntryHasTheBitsOfCosineSimilarity();
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

void TestSemanticRelations::everyEntryHasTheBitsOfCosineSimilarity_data()
{
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("dimension");
    QTest::newRow("fewer than a group") << 3 << 5;
    QTest::newRow("groups and a remainder, tiles") << 150 << 37;
}

// The matrix is built by groups of rows and tiles, from norms computed once: each entry must
// still be exactly cosineSimilarity() of its pair, in both triangles, with 1 on the diagonal.
void TestSemanticRelations::everyEntryHasTheBitsOfCosineSimilarity()
{
    QFETCH(int, classes);
    QFETCH(int, dimension);
    FloatMatrix e(classes, dimension);
    std::uint64_t state = 12345;
    for (float& v : e.values) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        v = static_cast<float>(static_cast<double>(state >> 11) / 9007199254740992.0 - 0.4);
    }
    std::fill(e.row(1), e.row(1) + dimension, 0.0f); // a zero row: cosine 0
    const SemanticRelations relations(e, 0.0);
    for (std::int64_t m = 0; m < classes; ++m)
        for (std::int64_t r = 0; r < classes; ++r) {
            const float expected =
                m == r ? 1.0f : semrel::cosineSimilarity(e.row(m), e.row(r), dimension);
            if (relations.delta(m, r) != expected)
                QFAIL(qPrintable(QString("delta(%1, %2) = %3, expected %4")
                                     .arg(m)
                                     .arg(r)
                                     .arg(double(relations.delta(m, r)), 0, 'g', 9)
                                     .arg(double(expected), 0, 'g', 9)));
        }
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
