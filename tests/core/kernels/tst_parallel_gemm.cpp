// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The core's matrix products (our small-row kernels, or BLAS split over threads) against torch.
#include "kernels/parallel_gemm.h"

#include <QTest>

#include <torch/torch.h>

namespace {

double maxDifference(const torch::Tensor& a, const torch::Tensor& b)
{
    return (a - b).abs().max().item<double>();
}

} // namespace

class TestParallelGemm : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTorch_data();
    void matchesTorch();
};

void TestParallelGemm::matchesTorch_data()
{
    QTest::addColumn<int>("m");
    QTest::addColumn<int>("k");
    QTest::addColumn<int>("n");
    // Tile edges of both kernels: rows of a in 6s (dot form) and 4s (rank-one form), columns in
    // 4s and 64s, k not a multiple of 16; 65 rows go to BLAS instead.
    QTest::newRow("one row") << 1 << 85 << 13;
    QTest::newRow("7 x 100 x 130") << 7 << 100 << 130;
    QTest::newRow("32 x 512 x 1024") << 32 << 512 << 1024;
    QTest::newRow("64 x 85 x 512") << 64 << 85 << 512;
    QTest::newRow("33 x 2048 x 85") << 33 << 2048 << 85;
    QTest::newRow("65 rows: BLAS") << 65 << 300 << 70;
}

void TestParallelGemm::matchesTorch()
{
    QFETCH(int, m);
    QFETCH(int, k);
    QFETCH(int, n);
    torch::manual_seed(m * 10007 + k * 101 + n);
    const torch::Tensor a = torch::randn({m, k});
    const torch::Tensor bt = torch::randn({n, k}); // for a·btᵀ
    const torch::Tensor b = torch::randn({k, n});  // for a·b
    const torch::Tensor bias = torch::randn({m, n});
    const double tolerance = 1e-4 * std::sqrt(static_cast<double>(k));
    torch::Tensor previous[2];
    for (int threads : {1, 2}) {
        torch::set_num_threads(threads);
        torch::Tensor c = torch::empty({m, n});
        semrel::multiplyTransposed(a.data_ptr<float>(), m, k, bt.data_ptr<float>(), n,
                                   c.data_ptr<float>(), /*accumulate=*/false);
        QVERIFY2(maxDifference(c, a.mm(bt.t())) < tolerance,
                 qPrintable(QString::number(maxDifference(c, a.mm(bt.t())))));
        torch::Tensor added = bias.clone();
        semrel::multiplyTransposed(a.data_ptr<float>(), m, k, bt.data_ptr<float>(), n,
                                   added.data_ptr<float>(), /*accumulate=*/true);
        QVERIFY(maxDifference(added, bias + a.mm(bt.t())) < tolerance);
        // The same columns in two ranges on the calling thread.
        torch::Tensor ranges = torch::zeros({m, n});
        const int middle = n / 32 * 16;
        for (const auto& [begin, end] : {std::pair{0, middle}, std::pair{middle, n}})
            semrel::multiplyTransposedColumns(a.data_ptr<float>(), m, k, bt.data_ptr<float>(), n,
                                              ranges.data_ptr<float>(), begin, end);
        QVERIFY(maxDifference(ranges, a.mm(bt.t())) < tolerance);
        torch::Tensor d = torch::empty({m, n});
        semrel::multiply(a.data_ptr<float>(), m, k, b.data_ptr<float>(), n, d.data_ptr<float>());
        QVERIFY2(maxDifference(d, a.mm(b)) < tolerance,
                 qPrintable(QString::number(maxDifference(d, a.mm(b)))));
        // Our kernels sum each element in a fixed order: the split over threads does not change
        // a bit. (BLAS's kernels round by tile position, so its blocks may differ in the last
        // bit: only closeness is required there.)
        if (threads == 2 && m <= 64) {
            QVERIFY(torch::equal(c, previous[0]));
            QVERIFY(torch::equal(d, previous[1]));
        }
        previous[0] = c;
        previous[1] = d;
    }
}

QTEST_GUILESS_MAIN(TestParallelGemm)
#include "tst_parallel_gemm.moc"
