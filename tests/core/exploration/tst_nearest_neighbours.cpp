// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/exploration/nearest_neighbours.h>

#include <QTest>

using namespace semrel;

namespace {

FloatMatrix rows(std::vector<std::vector<float>> values)
{
    FloatMatrix m(static_cast<std::int64_t>(values.size()),
                  static_cast<std::int64_t>(values.front().size()));
    for (std::size_t r = 0; r < values.size(); ++r)
        std::copy(values[r].begin(), values[r].end(), m.row(static_cast<std::int64_t>(r)));
    return m;
}

} // namespace

class TestNearestNeighbours : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ordersByCosineAndLeavesTheQueryOut()
    {
        // Cosine ignores length: row 3 (a long vector along the query) comes first.
        const FloatMatrix f = rows({{1, 0}, {0, 1}, {1, 1}, {5, 0.1f}, {-1, 0}});
        const auto n = nearestNeighbours(f, {0, 1, 2, 3, 4}, 0, 3);
        QCOMPARE(n.size(), std::size_t(3));
        QCOMPARE(n[0].row, 3);
        QCOMPARE(n[1].row, 2);
        QCOMPARE(n[2].row, 1);
        QVERIFY(qAbs(n[1].cosine - 0.70710678f) < 1e-5f);
    }

    void searchesOnlyTheCandidates()
    {
        const FloatMatrix f = rows({{1, 0}, {0, 1}, {1, 1}, {5, 0.1f}, {-1, 0}});
        const auto n = nearestNeighbours(f, {1, 4}, 0, 5);
        QCOMPARE(n.size(), std::size_t(2));
        QCOMPARE(n[0].row, 1);
        QCOMPARE(n[1].row, 4);
        QCOMPARE(n[1].cosine, -1.0f);
    }

    void rejectsRowsOutOfRange()
    {
        const FloatMatrix f = rows({{1, 0}, {0, 1}});
        QVERIFY_THROWS_EXCEPTION(DataError, nearestNeighbours(f, {0, 1}, 2, 1));
        QVERIFY_THROWS_EXCEPTION(DataError, nearestNeighbours(f, {0, 7}, 0, 1));
    }
};

QTEST_GUILESS_MAIN(TestNearestNeighbours)
#include "tst_nearest_neighbours.moc"
