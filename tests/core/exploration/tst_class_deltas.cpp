// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "exploration_fixtures.h"

#include <semrel/errors.h>
#include <semrel/exploration/class_deltas.h>
#include <semrel/method/dataset_relations.h>

#include <QTest>

#include <algorithm>
#include <random>
#include <set>

using namespace semrel;
using semrel::test::twoSamplesPerClass;

class TestClassDeltas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deltaIsTheMethodsDelta()
    {
        const Dataset data = twoSamplesPerClass(40, 12, 11);
        const ClassDeltas deltas(data);
        const SemanticRelations relations = datasetRelations(data, 0.0);
        QCOMPARE(deltas.classCount(), 40);
        for (std::int64_t m = 0; m < 40; ++m)
            for (std::int64_t r = 0; r < 40; ++r)
                QVERIFY2(std::abs(deltas.delta(m, r) - relations.delta(m, r)) < 1e-5f,
                         qPrintable(QStringLiteral("δ(%1, %2)").arg(m).arg(r)));
        QCOMPARE(deltas.delta(7, 7), 1.0f);
    }

    void deltasToIsOneColumnOfDelta()
    {
        const ClassDeltas deltas(twoSamplesPerClass(25, 8, 11));
        const std::vector<float> column = deltas.deltasTo(3);
        QCOMPARE(column.size(), std::size_t(25));
        for (std::int64_t m = 0; m < 25; ++m)
            QCOMPARE(column[static_cast<std::size_t>(m)], deltas.delta(m, 3));
        QVERIFY_THROWS_EXCEPTION(DataError, deltas.deltasTo(25));
        QVERIFY_THROWS_EXCEPTION(DataError, deltas.deltasTo(-1));
    }

    void anAllZeroEmbeddingHasDeltaZero()
    {
        FloatMatrix e(3, 2);
        e.values = {1, 0, 0, 0, 1, 1};
        const ClassDeltas deltas(e);
        QCOMPARE(deltas.delta(0, 1), 0.0f);
        QCOMPARE(deltas.delta(1, 1), 1.0f);
        QVERIFY(std::abs(deltas.delta(0, 2) - 0.70710678f) < 1e-6f);
    }

    void rejectsADatasetWithoutEmbeddings()
    {
        Dataset data;
        data.name = "empty";
        QVERIFY_THROWS_EXCEPTION(DataError, ClassDeltas{data});
    }

    void neighboursAreTheMostAndLeastSimilarClasses()
    {
        const Dataset data = twoSamplesPerClass(10, 6, 11);
        const ClassDeltas deltas(data);
        const std::vector<std::int32_t> order = classesBySimilarity(datasetRelations(data, 0.0), 4);
        const ClassNeighbours n = neighboursOf(deltas, 4, 10);
        // 9 other classes: the 5 most similar and the 4 least, no class in both lists.
        QCOMPARE(n.similar.size(), std::size_t(5));
        QCOMPARE(n.dissimilar.size(), std::size_t(4));
        for (std::size_t i = 0; i < 5; ++i)
            QCOMPARE(n.similar[i].classIndex, order[i]);
        for (std::size_t i = 0; i < 4; ++i)
            QCOMPARE(n.dissimilar[i].classIndex, order[order.size() - 1 - i]);
        QCOMPARE(n.similar.front().delta, deltas.delta(order.front(), 4));
        QVERIFY_THROWS_EXCEPTION(DataError, neighboursOf(deltas, 10, 3));
    }

    // At ImageNet-like class counts nothing C x C is built: the similarity holds C x a values,
    // and a class's neighbours are the true top k.
    void findsNeighboursAmong20000Classes()
    {
        constexpr int kClasses = 20000;
        FloatMatrix e(kClasses, 102);
        std::mt19937 random(5);
        std::normal_distribution<float> gauss;
        for (float& v : e.values)
            v = gauss(random);
        const ClassDeltas deltas(e);
        QCOMPARE(deltas.unitRows().values.size(), std::size_t(kClasses) * 102);

        const ClassNeighbours n = neighboursOf(deltas, 123, 8);
        const std::vector<float> column = deltas.deltasTo(123);
        std::vector<float> others;
        for (std::size_t m = 0; m < column.size(); ++m)
            if (m != 123)
                others.push_back(column[m]);
        std::sort(others.begin(), others.end());
        QCOMPARE(n.similar.size(), std::size_t(8));
        for (std::size_t i = 0; i < 8; ++i) {
            QCOMPARE(n.similar[i].delta, others[others.size() - 1 - i]);
            QCOMPARE(n.dissimilar[i].delta, others[i]);
        }
        std::set<std::int32_t> listed;
        for (const auto& list : {n.similar, n.dissimilar})
            for (const ClassNeighbour& c : list)
                QVERIFY(listed.insert(c.classIndex).second && c.classIndex != 123);
    }
};

QTEST_GUILESS_MAIN(TestClassDeltas)
#include "tst_class_deltas.moc"
