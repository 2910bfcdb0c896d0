// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/objective.h"

#include <QTest>

#include <ATen/ATen.h>

using semrel::Method;
using semrel::ObjectiveInputs;
using semrel::ObjectiveWeights;

namespace {

at::Tensor tensor(std::vector<float> values, std::vector<std::int64_t> shape)
{
    return at::from_blob(values.data(), shape, at::kFloat).clone();
}

// One sample of one class, d = 2, a = 2, with numbers that are easy by hand:
// f(y_r) = (3, 4), unit (0.6, 0.8); x_i = (1, 0): s = 0.6; x_k = (0, 1): s = 0.8, δ_kr = -0.5;
// x_j = (0.6, -0.8): s = -0.28, δ_jr = 0.5; y = (1, 2), g(f(y)) = (0, 0).
ObjectiveInputs handInputs()
{
    ObjectiveInputs in;
    in.mapped = tensor({3, 4}, {1, 2}).requires_grad_();
    in.reconstructed = tensor({0, 0}, {1, 2});
    in.embeddings = tensor({1, 2}, {1, 2});
    in.slot = at::zeros({1}, at::kLong);
    in.positive = tensor({1, 0}, {1, 2});
    in.dissimilar = tensor({0, 1}, {1, 2});
    in.deltaDissimilar = tensor({-0.5f}, {1});
    in.dissimilarMask = tensor({1}, {1});
    in.similar = tensor({0.6f, -0.8f}, {1, 2});
    in.deltaSimilar = tensor({0.5f}, {1});
    in.similarMask = tensor({1}, {1});
    return in;
}

double value(const at::Tensor& t)
{
    return t.item<double>();
}

// float32 arithmetic: equal to the hand value within a few ulps.
bool near(double actual, double expected)
{
    return std::abs(actual - expected) < 1e-6;
}

} // namespace

class TestObjective : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void proposedTermsMatchHandValues();
    void o2IsZeroInsideTheBandAndLinearOutside_data();
    void o2IsZeroInsideTheBandAndLinearOutside();
    void maskedTermsCountAsZero();
    void b1IsMseToThePositivePlusReconstruction();
    void oneRowPerClassGivesTheGradientOfOneRowPerSample();
};

void TestObjective::proposedTermsMatchHandValues()
{
    const auto t = semrel::computeObjective(handInputs(), {Method::Proposed, 0.0, 2.0, 0.5});
    QVERIFY2(near(value(t.o1), -0.6 + 0.5 * 0.8),
             qPrintable(QString::number(value(t.o1)))); // -s_i + (τ - δ_kr)·s_k
    QVERIFY2(near(value(t.o2), 0.28),
             qPrintable(QString::number(value(t.o2)))); // [τ - s_j]+ + [s_j - δ_jr]+ = 0.28 + 0
    QVERIFY2(near(value(t.o3), 5.0),
             qPrintable(QString::number(value(t.o3)))); // ||(1, 2) - (0, 0)||²
    QVERIFY2(near(value(t.total), -0.2 + 2.0 * 0.28 + 0.5 * 5.0),
             qPrintable(QString::number(value(t.total))));
}

void TestObjective::o2IsZeroInsideTheBandAndLinearOutside_data()
{
    QTest::addColumn<float>("similarity"); // s(f(y_r), x_j) with f(y_r) = (1, 0)
    QTest::addColumn<double>("expected");  // τ = 0.2, δ_jr = 0.7
    QTest::newRow("below tau") << -0.3f << 0.5;
    QTest::newRow("at tau") << 0.2f << 0.0;
    QTest::newRow("inside") << 0.5f << 0.0;
    QTest::newRow("above delta") << 0.9f << 0.2;
}

void TestObjective::o2IsZeroInsideTheBandAndLinearOutside()
{
    QFETCH(float, similarity);
    QFETCH(double, expected);
    ObjectiveInputs in = handInputs();
    in.mapped = tensor({1, 0}, {1, 2}).requires_grad_();
    in.similar = tensor({similarity, std::sqrt(1 - similarity * similarity)}, {1, 2});
    in.deltaSimilar = tensor({0.7f}, {1});
    const auto t = semrel::computeObjective(in, {Method::Proposed, 0.2, 1.0, 1.0});
    QVERIFY2(std::abs(value(t.o2) - expected) < 1e-6, qPrintable(QString::number(value(t.o2))));
}

void TestObjective::maskedTermsCountAsZero()
{
    // Two samples of the same class; the second's class has neither similar nor dissimilar
    // classes: its O1 is -s_i only, its O2 is 0, and both still count in the mean.
    ObjectiveInputs in = handInputs();
    in.slot = at::zeros({2}, at::kLong);
    in.positive = tensor({1, 0, 1, 0}, {2, 2});
    in.dissimilar = tensor({0, 1, 0, 1}, {2, 2});
    in.deltaDissimilar = tensor({-0.5f, -0.5f}, {2});
    in.dissimilarMask = tensor({1, 0}, {2});
    in.similar = tensor({0.6f, -0.8f, 0.6f, -0.8f}, {2, 2});
    in.deltaSimilar = tensor({0.5f, 0.5f}, {2});
    in.similarMask = tensor({1, 0}, {2});
    const auto t = semrel::computeObjective(in, {Method::Proposed, 0.0, 1.0, 1.0});
    QVERIFY2(near(value(t.o1), (-0.2 + -0.6) / 2), qPrintable(QString::number(value(t.o1))));
    QVERIFY2(near(value(t.o2), 0.28 / 2), qPrintable(QString::number(value(t.o2))));
    QVERIFY2(near(value(t.o3), 5.0), qPrintable(QString::number(value(t.o3))));
}

void TestObjective::b1IsMseToThePositivePlusReconstruction()
{
    ObjectiveInputs in = handInputs();
    in.positive = tensor({1, 2}, {1, 2}); // B1 compares with the (unscaled) feature
    const auto t = semrel::computeObjective(in, {Method::B1, 0.0, 1.0, 0.5});
    QVERIFY2(near(value(t.o1), (4.0 + 4.0) / 2),
             qPrintable(QString::number(value(t.o1)))); // mean of (3-1)², (4-2)²
    QVERIFY2(near(value(t.o2), 0.0), qPrintable(QString::number(value(t.o2))));
    QVERIFY2(near(value(t.total), 4.0 + 0.5 * 5.0), qPrintable(QString::number(value(t.total))));
}

void TestObjective::oneRowPerClassGivesTheGradientOfOneRowPerSample()
{
    // The trainer runs f once per distinct class; the loss and the gradient must equal those of
    // one row per sample. Two samples of one class: one shared row versus two copies.
    ObjectiveInputs shared = handInputs();
    shared.slot = at::zeros({2}, at::kLong);
    shared.positive = tensor({1, 0, 0.8f, 0.6f}, {2, 2});
    shared.dissimilar = tensor({0, 1, -1, 0}, {2, 2});
    shared.deltaDissimilar = tensor({-0.5f, -0.2f}, {2});
    shared.dissimilarMask = tensor({1, 1}, {2});
    shared.similar = tensor({0.6f, -0.8f, 0, 1}, {2, 2});
    shared.deltaSimilar = tensor({0.5f, 0.3f}, {2});
    shared.similarMask = tensor({1, 1}, {2});
    ObjectiveInputs copies = shared;
    copies.mapped = tensor({3, 4, 3, 4}, {2, 2}).requires_grad_();
    copies.reconstructed = tensor({0, 0, 0, 0}, {2, 2});
    copies.embeddings = tensor({1, 2, 1, 2}, {2, 2});
    copies.slot = at::arange(2, at::kLong);
    const ObjectiveWeights w{Method::Proposed, 0.1, 1.0, 1.0};
    const auto a = semrel::computeObjective(shared, w);
    const auto b = semrel::computeObjective(copies, w);
    QVERIFY2(near(value(a.total), value(b.total)), qPrintable(QString::number(value(a.total))));
    a.total.backward();
    b.total.backward();
    const at::Tensor summed = copies.mapped.grad().sum(0, true);
    QVERIFY(at::allclose(shared.mapped.grad(), summed, 1e-6, 1e-7));
    QVERIFY(shared.mapped.grad().abs().sum().item<float>() > 0);
}

QTEST_GUILESS_MAIN(TestObjective)
#include "tst_objective.moc"
