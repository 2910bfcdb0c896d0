// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/objective.h"

#include <QTest>

#include <ATen/ATen.h>
#include <torch/torch.h>

#include <cmath>

using semrel::BatchTuples;
using semrel::Method;
using semrel::ObjectiveBatch;
using semrel::ObjectiveValue;
using semrel::ObjectiveWeights;

namespace {

// A batch in plain memory, with what ObjectiveBatch points into. Feature rows are given
// directly; the unit rows and norms of `mapped` are derived as the trainer derives them.
struct HandBatch
{
    std::int64_t d = 2;
    std::int64_t a = 2;
    std::vector<float> mapped;
    std::vector<float> unit;
    std::vector<float> norms;
    std::vector<float> reconstructed;
    std::vector<float> embeddings;
    std::vector<float> features;
    std::vector<std::int64_t> slot;
    BatchTuples tuples;
    bool withReconstruction = true;

    ObjectiveBatch view()
    {
        const std::int64_t rows = static_cast<std::int64_t>(mapped.size()) / d;
        unit.assign(mapped.size(), 0.0f);
        norms.assign(static_cast<std::size_t>(rows), 0.0f);
        for (std::int64_t r = 0; r < rows; ++r) {
            double sq = 0.0;
            for (std::int64_t e = 0; e < d; ++e)
                sq += mapped[r * d + e] * mapped[r * d + e];
            norms[r] = std::max(static_cast<float>(std::sqrt(sq)), 1e-12f);
            for (std::int64_t e = 0; e < d; ++e)
                unit[r * d + e] = mapped[r * d + e] / norms[r];
        }
        ObjectiveBatch b;
        b.classRows = rows;
        b.featureDim = d;
        b.embeddingDim = a;
        b.mapped = mapped.data();
        b.unitMapped = unit.data();
        b.mappedNorm = norms.data();
        b.reconstructed = withReconstruction ? reconstructed.data() : nullptr;
        b.embeddings = embeddings.data();
        b.features = features.data();
        b.slot = &slot;
        b.tuples = &tuples;
        return b;
    }

    ObjectiveValue evaluate(const ObjectiveWeights& w, std::vector<float>* mappedGradient = nullptr,
                            std::vector<float>* reconstructedGradient = nullptr)
    {
        std::vector<float> gm(mapped.size()), gr(reconstructed.size());
        const ObjectiveBatch b = view();
        const ObjectiveValue v = semrel::objectiveAndGradient(b, w, gm.data(), gr.data());
        if (mappedGradient)
            *mappedGradient = gm;
        if (reconstructedGradient)
            *reconstructedGradient = gr;
        return v;
    }
};

// One sample of one class, d = 2, a = 2, with numbers that are easy by hand:
// f(y_r) = (3, 4), unit (0.6, 0.8); x_i = (1, 0): s = 0.6; x_k = (0, 1): s = 0.8, δ_kr = -0.5;
// x_j = (0.6, -0.8): s = -0.28, δ_jr = 0.5; y = (1, 2), g(f(y)) = (0, 0).
HandBatch handBatch()
{
    HandBatch h;
    h.mapped = {3, 4};
    h.reconstructed = {0, 0};
    h.embeddings = {1, 2};
    h.features = {1, 0, /*x_k*/ 0, 1, /*x_j*/ 0.6f, -0.8f};
    h.slot = {0};
    h.tuples.positive = {0};
    h.tuples.dissimilar = {1};
    h.tuples.deltaDissimilar = {-0.5f};
    h.tuples.similar = {2};
    h.tuples.deltaSimilar = {0.5f};
    return h;
}

bool near(double actual, double expected)
{
    return std::abs(actual - expected) < 1e-6;
}

// The objective written with torch operations, as in the paper (Eq. 2-5), one network row per
// sample: autograd differentiates it, and the hand-derived gradient must agree.
torch::Tensor referenceLoss(const HandBatch& h, const ObjectiveWeights& w, const torch::Tensor& f,
                            const torch::Tensor& g)
{
    auto rows = [&](const std::vector<std::int64_t>& index) {
        const torch::Tensor all =
            torch::from_blob(const_cast<float*>(h.features.data()),
                             {static_cast<std::int64_t>(h.features.size()) / h.d, h.d})
                .clone();
        std::vector<std::int64_t> clamped;
        for (std::int64_t i : index)
            clamped.push_back(std::max<std::int64_t>(i, 0));
        return all.index_select(0, torch::tensor(clamped));
    };
    auto mask = [](const std::vector<std::int64_t>& index) {
        std::vector<float> m;
        for (std::int64_t i : index)
            m.push_back(i < 0 ? 0.0f : 1.0f);
        return torch::tensor(m);
    };
    const torch::Tensor slot = torch::tensor(h.slot);
    const torch::Tensor perSample = f.index_select(0, slot);
    torch::Tensor total;
    if (w.method == Method::B1) {
        total = (perSample - rows(h.tuples.positive)).pow(2).mean();
    } else {
        const torch::Tensor u = perSample / perSample.norm(2, 1, true).clamp_min(1e-12);
        torch::Tensor o1 = -(u * rows(h.tuples.positive)).sum(1);
        if (!h.tuples.dissimilar.empty())
            o1 = o1 + mask(h.tuples.dissimilar) *
                          (w.tau - torch::tensor(h.tuples.deltaDissimilar)) *
                          (u * rows(h.tuples.dissimilar)).sum(1);
        total = o1.mean();
        if (!h.tuples.similar.empty()) {
            const torch::Tensor s = (u * rows(h.tuples.similar)).sum(1);
            const torch::Tensor o2 =
                torch::relu(w.tau - s) + torch::relu(s - torch::tensor(h.tuples.deltaSimilar));
            total = total + w.lambda1 * (mask(h.tuples.similar) * o2).mean();
        }
    }
    if (h.withReconstruction) {
        const torch::Tensor y =
            torch::from_blob(const_cast<float*>(h.embeddings.data()), g.sizes()).clone();
        total = total + w.lambda2 * (y - g).pow(2).sum(1).index_select(0, slot).mean();
    }
    return total;
}

// Random rows, 3 classes, 7 samples, d = 19 (not a multiple of the dot product's 8 lanes),
// some samples without a similar or a dissimilar class.
HandBatch randomBatch(std::uint64_t seed)
{
    torch::manual_seed(static_cast<std::int64_t>(seed));
    HandBatch h;
    h.d = 19;
    h.a = 5;
    auto values = [](std::vector<std::int64_t> shape) {
        const torch::Tensor t = torch::randn(shape);
        return std::vector<float>(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
    };
    h.mapped = values({3, h.d});
    h.reconstructed = values({3, h.a});
    h.embeddings = values({3, h.a});
    torch::Tensor x = torch::randn({12, h.d});
    x = x / x.norm(2, 1, true);
    h.features.assign(x.data_ptr<float>(), x.data_ptr<float>() + x.numel());
    h.slot = {0, 1, 0, 2, 2, 1, 0};
    h.tuples.positive = {0, 1, 2, 3, 4, 5, 6};
    h.tuples.dissimilar = {7, 8, -1, 9, 10, 11, 7};
    h.tuples.deltaDissimilar = {-0.3f, -0.1f, 0.0f, -0.6f, -0.2f, -0.4f, -0.3f};
    h.tuples.similar = {8, -1, 9, 11, 10, 9, 8};
    h.tuples.deltaSimilar = {0.4f, 0.0f, 0.2f, 0.7f, 0.1f, 0.3f, 0.9f};
    return h;
}

} // namespace

class TestObjective : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void proposedTermsMatchHandValues();
    void o2IsZeroInsideTheBandAndLinearOutside_data();
    void o2IsZeroInsideTheBandAndLinearOutside();
    void missingTermsCountAsZero();
    void b1IsMseToThePositivePlusReconstruction();
    void gradientMatchesAutograd_data();
    void gradientMatchesAutograd();
    void oneRowPerClassGivesTheGradientOfOneRowPerSample();
};

void TestObjective::proposedTermsMatchHandValues()
{
    HandBatch h = handBatch();
    const ObjectiveValue v = h.evaluate({Method::Proposed, 0.0, 2.0, 0.5});
    QVERIFY2(near(v.o1, -0.6 + 0.5 * 0.8), qPrintable(QString::number(v.o1))); // -s_i + (τ - δ)s_k
    QVERIFY2(near(v.o2, 0.28), qPrintable(QString::number(v.o2))); // [τ - s_j]+ + [s_j - δ_jr]+
    QVERIFY2(near(v.o3, 5.0), qPrintable(QString::number(v.o3)));  // ||(1, 2) - (0, 0)||²
    QVERIFY2(near(v.total, -0.2 + 2.0 * 0.28 + 0.5 * 5.0), qPrintable(QString::number(v.total)));
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
    HandBatch h = handBatch();
    h.mapped = {1, 0};
    h.features[4] = similarity;
    h.features[5] = std::sqrt(1 - similarity * similarity);
    h.tuples.deltaSimilar = {0.7f};
    const ObjectiveValue v = h.evaluate({Method::Proposed, 0.2, 1.0, 1.0});
    QVERIFY2(std::abs(v.o2 - expected) < 1e-6, qPrintable(QString::number(v.o2)));
}

void TestObjective::missingTermsCountAsZero()
{
    // Two samples of the same class; the second's class has neither similar nor dissimilar
    // classes: its O1 is -s_i only, its O2 is 0, and both still count in the mean.
    HandBatch h = handBatch();
    h.slot = {0, 0};
    h.tuples.positive = {0, 0};
    h.tuples.dissimilar = {1, -1};
    h.tuples.deltaDissimilar = {-0.5f, 0.0f};
    h.tuples.similar = {2, -1};
    h.tuples.deltaSimilar = {0.5f, 0.0f};
    const ObjectiveValue v = h.evaluate({Method::Proposed, 0.0, 1.0, 1.0});
    QVERIFY2(near(v.o1, (-0.2 + -0.6) / 2), qPrintable(QString::number(v.o1)));
    QVERIFY2(near(v.o2, 0.28 / 2), qPrintable(QString::number(v.o2)));
    QVERIFY2(near(v.o3, 5.0), qPrintable(QString::number(v.o3)));
}

void TestObjective::b1IsMseToThePositivePlusReconstruction()
{
    HandBatch h = handBatch();
    h.features = {1, 2}; // B1 compares with the (unscaled) feature
    h.tuples = {};
    h.tuples.positive = {0};
    const ObjectiveValue v = h.evaluate({Method::B1, 0.0, 1.0, 0.5});
    QVERIFY2(near(v.o1, (4.0 + 4.0) / 2), qPrintable(QString::number(v.o1))); // (3-1)², (4-2)²
    QVERIFY2(near(v.o2, 0.0), qPrintable(QString::number(v.o2)));
    QVERIFY2(near(v.total, 4.0 + 0.5 * 5.0), qPrintable(QString::number(v.total)));
}

void TestObjective::gradientMatchesAutograd_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<double>("tau");
    QTest::addColumn<double>("lambda1");
    QTest::addColumn<double>("lambda2");
    QTest::addColumn<bool>("reconstruction");
    QTest::newRow("proposed") << int(Method::Proposed) << 0.1 << 1.0 << 1.0 << true;
    QTest::newRow("proposed, other weights") << int(Method::Proposed) << -0.2 << 2.5 << 0.3 << true;
    QTest::newRow("B3: no decoder") << int(Method::B3) << 0.1 << 1.0 << 0.0 << false;
    QTest::newRow("B1") << int(Method::B1) << 0.0 << 1.0 << 0.7 << true;
}

void TestObjective::gradientMatchesAutograd()
{
    QFETCH(int, method);
    QFETCH(double, tau);
    QFETCH(double, lambda1);
    QFETCH(double, lambda2);
    QFETCH(bool, reconstruction);
    const ObjectiveWeights w{static_cast<Method>(method), tau, lambda1, lambda2};
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        HandBatch h = randomBatch(seed);
        h.withReconstruction = reconstruction;
        if (w.method == Method::B1) {
            h.tuples.similar.clear();
            h.tuples.dissimilar.clear();
        }
        std::vector<float> gm, gr;
        const ObjectiveValue v = h.evaluate(w, &gm, &gr);

        const torch::Tensor f = torch::tensor(h.mapped).view({3, h.d}).requires_grad_();
        const torch::Tensor g = torch::tensor(h.reconstructed).view({3, h.a}).requires_grad_();
        const torch::Tensor loss = referenceLoss(h, w, f, g);
        loss.backward();
        QVERIFY2(std::abs(v.total - loss.item<double>()) < 1e-5,
                 qPrintable(QString("%1 vs %2").arg(v.total).arg(loss.item<double>())));
        const torch::Tensor expected = f.grad();
        const torch::Tensor actual = torch::tensor(gm).view({3, h.d});
        QVERIFY2(torch::allclose(actual, expected, 1e-4, 1e-6),
                 qPrintable(QString::number((actual - expected).abs().max().item<double>())));
        QVERIFY(expected.abs().sum().item<double>() > 0.0);
        if (reconstruction) {
            const torch::Tensor actualR = torch::tensor(gr).view({3, h.a});
            QVERIFY(torch::allclose(actualR, g.grad(), 1e-4, 1e-6));
        }
    }
}

void TestObjective::oneRowPerClassGivesTheGradientOfOneRowPerSample()
{
    // The trainer runs f once per distinct class; the loss and the gradient must equal those of
    // one row per sample. Two samples of one class: one shared row versus two copies.
    HandBatch shared = handBatch();
    shared.features = {1, 0, 0.8f, 0.6f, 0, 1, -1, 0, 0.6f, -0.8f, 0, 1};
    shared.slot = {0, 0};
    shared.tuples.positive = {0, 1};
    shared.tuples.dissimilar = {2, 3};
    shared.tuples.deltaDissimilar = {-0.5f, -0.2f};
    shared.tuples.similar = {4, 5};
    shared.tuples.deltaSimilar = {0.5f, 0.3f};
    HandBatch copies = shared;
    copies.mapped = {3, 4, 3, 4};
    copies.reconstructed = {0, 0, 0, 0};
    copies.embeddings = {1, 2, 1, 2};
    copies.slot = {0, 1};
    const ObjectiveWeights w{Method::Proposed, 0.1, 1.0, 1.0};
    std::vector<float> ga, gb;
    const ObjectiveValue a = shared.evaluate(w, &ga);
    const ObjectiveValue b = copies.evaluate(w, &gb);
    QVERIFY2(near(a.total, b.total), qPrintable(QString::number(a.total)));
    for (int e = 0; e < 2; ++e)
        QVERIFY2(std::abs(ga[e] - (gb[e] + gb[2 + e])) < 1e-6, qPrintable(QString::number(ga[e])));
    QVERIFY(std::abs(ga[0]) + std::abs(ga[1]) > 0);
}

QTEST_GUILESS_MAIN(TestObjective)
#include "tst_objective.moc"
