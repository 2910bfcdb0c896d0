// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/method/normalizer.h>

#include <QTest>

using semrel::FloatMatrix;
using semrel::Normalizer;

namespace {

FloatMatrix matrix(std::int64_t rows, std::int64_t cols, std::vector<float> values)
{
    FloatMatrix m(rows, cols);
    m.values = std::move(values);
    return m;
}

} // namespace

class TestNormalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fitsOnTheGivenRowsOnly();
    void fitsOnAllRowsByDefault();
    void mapsTrainingRowsToZeroMeanUnitDeviation();
    void constantColumnMapsToZero();
    void rejectsColumnMismatch();
    void rejectsRowOutOfRange();
    void gathersRowsWithTheSameArithmeticAsApply();
    void gatherRejectsRowOutOfRange();
};

void TestNormalizer::fitsOnTheGivenRowsOnly()
{
    // Rows 0 and 2 are "training"; row 1 is a wild test row that must not move the statistics.
    const FloatMatrix m = matrix(3, 2, {1, 10, 1000, -1000, 3, 30});
    const Normalizer n = Normalizer::fit(m, {0, 2});
    QCOMPARE(n.mean, (std::vector<float>{2, 20}));
    QCOMPARE(n.stddev, (std::vector<float>{1, 10}));
}

void TestNormalizer::fitsOnAllRowsByDefault()
{
    const Normalizer n = Normalizer::fit(matrix(2, 1, {0, 4}));
    QCOMPARE(n.mean, (std::vector<float>{2}));
    QCOMPARE(n.stddev, (std::vector<float>{2}));
}

void TestNormalizer::mapsTrainingRowsToZeroMeanUnitDeviation()
{
    const FloatMatrix m = matrix(4, 2, {1, 5, 2, 7, 3, 6, 10, 100});
    const Normalizer n = Normalizer::fit(m, {0, 1, 2});
    const FloatMatrix z = n.apply(m);
    for (int c = 0; c < 2; ++c) {
        double sum = 0, sumSq = 0;
        for (int r = 0; r < 3; ++r) {
            sum += z.at(r, c);
            sumSq += z.at(r, c) * z.at(r, c);
        }
        QVERIFY(std::abs(sum / 3) < 1e-6);
        QVERIFY(std::abs(sumSq / 3 - 1) < 1e-5);
    }
    QCOMPARE(z.at(3, 0), float((10 - 2) / std::sqrt(2.0 / 3.0)));
}

void TestNormalizer::constantColumnMapsToZero()
{
    const FloatMatrix m = matrix(3, 2, {1, 7, 2, 7, 3, 7});
    const Normalizer n = Normalizer::fit(m);
    QCOMPARE(n.stddev[1], 1.0f);
    const FloatMatrix z = n.apply(m);
    for (int r = 0; r < 3; ++r)
        QCOMPARE(z.at(r, 1), 0.0f);
}

void TestNormalizer::rejectsColumnMismatch()
{
    const Normalizer n = Normalizer::fit(matrix(2, 2, {1, 2, 3, 4}));
    QVERIFY_THROWS_EXCEPTION(semrel::Error, n.apply(matrix(1, 3, {1, 2, 3})));
}

void TestNormalizer::rejectsRowOutOfRange()
{
    QVERIFY_THROWS_EXCEPTION(semrel::Error, Normalizer::fit(matrix(2, 1, {1, 2}), {0, 2}));
}

void TestNormalizer::gathersRowsWithTheSameArithmeticAsApply()
{
    // evaluate() normalises test rows block by block with applyToRows; its scores stay
    // bit-identical to those from apply() only if every value is.
    const FloatMatrix m = matrix(4, 3, {0.1f, 2, -3, 4.5f, 5, 6, 7, -8.25f, 9, 1e-3f, 1e3f, 3});
    const Normalizer n{{0.3f, -1.7f, 2.2f}, {0.7f, 3.1f, 1.3f}};
    const FloatMatrix all = n.apply(m);
    const std::vector<std::int64_t> rows{3, 0, 3, 2};
    std::vector<float> out(rows.size() * 3);
    n.applyToRows(m, rows.data(), static_cast<std::int64_t>(rows.size()), out.data());
    for (std::size_t k = 0; k < rows.size(); ++k)
        for (std::int64_t c = 0; c < 3; ++c)
            QVERIFY(out[k * 3 + static_cast<std::size_t>(c)] == all.at(rows[k], c)); // to the bit
}

void TestNormalizer::gatherRejectsRowOutOfRange()
{
    const FloatMatrix m = matrix(2, 1, {1, 2});
    const Normalizer n = Normalizer::fit(m);
    const std::vector<std::int64_t> rows{1, 2};
    std::vector<float> out(2);
    QVERIFY_THROWS_EXCEPTION(semrel::Error, n.applyToRows(m, rows.data(), 2, out.data()));
    QVERIFY_THROWS_EXCEPTION(semrel::Error,
                             n.applyToRows(matrix(1, 2, {1, 2}), rows.data(), 1, out.data()));
}

QTEST_GUILESS_MAIN(TestNormalizer)
#include "tst_normalizer.moc"
