// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/errors.h>
#include <semrel/exploration/class_deltas.h>
#include <semrel/exploration/matrix_order.h>

#include <QTest>

#include <algorithm>
#include <numeric>
#include <random>

using namespace semrel;

namespace {

// `groups` tight clusters of rows around random directions, of 10 to 30 rows each, shuffled.
// `cluster[i]` is row i's cluster.
FloatMatrix clusteredRows(int groups, int dim, std::vector<int>& cluster, unsigned seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<float> gauss;
    std::uniform_int_distribution<int> size(10, 30);
    std::vector<std::vector<float>> rows;
    cluster.clear();
    for (int g = 0; g < groups; ++g) {
        std::vector<float> centre(static_cast<std::size_t>(dim));
        for (float& v : centre)
            v = gauss(random);
        const int n = size(random);
        for (int i = 0; i < n; ++i) {
            std::vector<float> row = centre;
            for (float& v : row)
                v += 0.05f * gauss(random);
            rows.push_back(row);
            cluster.push_back(g);
        }
    }
    std::vector<std::size_t> shuffle(rows.size());
    std::iota(shuffle.begin(), shuffle.end(), std::size_t(0));
    std::shuffle(shuffle.begin(), shuffle.end(), random);
    FloatMatrix m(static_cast<std::int64_t>(rows.size()), dim);
    std::vector<int> shuffled(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::copy(rows[shuffle[i]].begin(), rows[shuffle[i]].end(),
                  m.row(static_cast<std::int64_t>(i)));
        shuffled[i] = cluster[shuffle[i]];
    }
    cluster = shuffled;
    return m;
}

bool isPermutationOf(std::vector<std::int32_t> order, std::vector<std::int32_t> items)
{
    std::sort(order.begin(), order.end());
    std::sort(items.begin(), items.end());
    return order == items;
}

double meanAdjacentDelta(const ClassDeltas& s, const std::vector<std::int32_t>& order)
{
    double sum = 0.0;
    for (std::size_t i = 1; i < order.size(); ++i)
        sum += s.delta(order[i - 1], order[i]);
    return sum / static_cast<double>(order.size() - 1);
}

} // namespace

class TestMatrixOrder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void similarityOrderKeepsEachClusterTogether()
    {
        for (unsigned seed : {1u, 2u, 3u}) {
            std::vector<int> cluster;
            const FloatMatrix rows = clusteredRows(8, 20, cluster, seed);
            const std::vector<std::int32_t> order = similarityOrder(rows);
            std::vector<std::int32_t> all(static_cast<std::size_t>(rows.rows));
            std::iota(all.begin(), all.end(), 0);
            QVERIFY(isPermutationOf(order, all));
            int changes = 0;
            for (std::size_t i = 1; i < order.size(); ++i)
                changes += cluster[static_cast<std::size_t>(order[i])] !=
                           cluster[static_cast<std::size_t>(order[i - 1])];
            QCOMPARE(changes, 7); // 8 blocks, one after another
        }
    }

    // On SUN-shaped generated classes (no planted clusters) the order still puts alike classes
    // next to each other: neighbours in it are clearly more similar than in the dataset's order.
    void neighboursInTheOrderAreAlike()
    {
        SyntheticSpec spec;
        spec.classCount = 717;
        spec.unseenClassCount = 72;
        spec.valClassCount = 65;
        spec.samplesPerClass = 2;
        spec.featureDim = 4;
        spec.embeddingDim = 102;
        const ClassDeltas deltas(makeSyntheticDataset(spec));
        const std::vector<std::int32_t> order = similarityOrder(deltas.unitRows());
        std::vector<std::int32_t> given(717);
        std::iota(given.begin(), given.end(), 0);
        const double ordered = meanAdjacentDelta(deltas, order);
        const double unordered = meanAdjacentDelta(deltas, given);
        qInfo("mean δ of neighbours: %.3f in the similarity order, %.3f in the dataset's", ordered,
              unordered);
        QVERIFY(ordered > unordered + 0.1);
        QCOMPARE(similarityOrder(deltas.unitRows()), order); // deterministic
    }

    void ordersOnlyTheItemsGiven()
    {
        std::vector<int> cluster;
        const FloatMatrix rows = clusteredRows(4, 10, cluster, 9);
        const std::vector<std::int32_t> items = {30, 2, 17, 5, 44, 8};
        QVERIFY(isPermutationOf(similarityOrder(rows, items), items));
        QVERIFY(similarityOrder(rows, {}).empty());
        QCOMPARE(similarityOrder(rows, {3}), std::vector<std::int32_t>{3});
        QVERIFY_THROWS_EXCEPTION(DataError, similarityOrder(rows, {0, int(rows.rows)}));
    }

    void copesWithIdenticalAndZeroRows()
    {
        FloatMatrix rows(6, 3);
        rows.values = {1, 1, 1, 1, 1, 1, 0, 0, 0, 2, 2, 2, 0, 0, 0, 1, 1, 1};
        const std::vector<std::int32_t> order = similarityOrder(rows);
        QVERIFY(isPermutationOf(order, {0, 1, 2, 3, 4, 5}));
        // The four rows along (1, 1, 1) sit together, apart from the two zero rows.
        const auto zero = [](std::int32_t r) {
            return r == 2 || r == 4;
        };
        int changes = 0;
        for (std::size_t i = 1; i < order.size(); ++i)
            changes += zero(order[i]) != zero(order[i - 1]);
        QCOMPARE(changes, 1);
    }

    void correlatedColumnsSitTogether()
    {
        // 12 columns in 3 groups, each a noisy copy of its group's signal over 200 rows.
        std::mt19937 random(4);
        std::normal_distribution<float> gauss;
        FloatMatrix m(200, 12);
        const std::vector<int> group = {2, 0, 1, 2, 1, 0, 0, 2, 1, 1, 2, 0};
        std::vector<float> signal(3 * 200);
        for (float& v : signal)
            v = gauss(random);
        for (std::int64_t r = 0; r < 200; ++r)
            for (std::int64_t c = 0; c < 12; ++c)
                m.at(r, c) = 5.0f + signal[static_cast<std::size_t>(group[c] * 200 + r)] +
                             0.1f * gauss(random);
        const std::vector<std::int32_t> order = columnSimilarityOrder(m);
        QCOMPARE(order.size(), std::size_t(12));
        int changes = 0;
        for (std::size_t i = 1; i < order.size(); ++i)
            changes += group[static_cast<std::size_t>(order[i])] !=
                       group[static_cast<std::size_t>(order[i - 1])];
        QCOMPARE(changes, 2);
    }

    void nameOrderIsNaturalAndCaseBlind()
    {
        const std::vector<std::string> names = {"class 10", "class 9", "Zebra",    "apple",
                                                "class 09", "Apple",   "class 100"};
        const std::vector<std::int32_t> order = nameOrder(names, {0, 1, 2, 3, 4, 5, 6});
        // "apple" and "Apple" tie: by index. "class 9" and "class 09" tie as numbers: by index.
        QCOMPARE(order, (std::vector<std::int32_t>{3, 5, 1, 4, 0, 6, 2}));
        QCOMPARE(nameOrder(names, {6, 1}), (std::vector<std::int32_t>{1, 6}));
        QVERIFY_THROWS_EXCEPTION(DataError, nameOrder(names, {7}));
    }

    void positionsInInvertsAnOrder()
    {
        const std::vector<std::int32_t> position = positionsIn({4, 0, 2}, 5);
        QCOMPARE(position, (std::vector<std::int32_t>{1, -1, 2, -1, 0}));
        QVERIFY_THROWS_EXCEPTION(DataError, positionsIn({5}, 5));
    }

    void orders20000Classes()
    {
        FloatMatrix rows(20000, 102);
        std::mt19937 random(8);
        std::normal_distribution<float> gauss;
        for (float& v : rows.values)
            v = std::abs(gauss(random));
        const std::vector<std::int32_t> order = similarityOrder(rows);
        std::vector<std::int32_t> all(20000);
        std::iota(all.begin(), all.end(), 0);
        QVERIFY(isPermutationOf(order, all));
    }
};

QTEST_GUILESS_MAIN(TestMatrixOrder)
#include "tst_matrix_order.moc"
