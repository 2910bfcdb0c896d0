// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The hand-written training pass against autograd and torch's own Adam.
#include "kernels/vector_isa.h"
#include "kernels/weight_update_kernel.h"
#include "training/layer_stack_pass.h"

#include <QTest>

#include <torch/torch.h>

using semrel::AdamOptimizer;
using semrel::LayerStackPass;

namespace {

constexpr double kLearningRate = 1e-2; // large enough that a wrong update shows after 3 steps
constexpr double kWeightDecay = 5e-3;

// Widths that exercise every edge of the weight-update kernel: 85 and 70 inputs are a full
// 64-column tile plus a tail, 13 outputs are three 4-row groups plus one row.
const std::vector<std::int64_t> kWidths{85, 70, 13};

struct Stack
{
    std::vector<torch::nn::Linear> layers;

    explicit Stack(std::uint64_t seed)
    {
        torch::manual_seed(static_cast<std::int64_t>(seed));
        for (std::size_t k = 0; k + 1 < kWidths.size(); ++k)
            layers.emplace_back(torch::nn::LinearOptions(kWidths[k], kWidths[k + 1]));
    }

    Stack copy() const
    {
        Stack other(0);
        torch::NoGradGuard noGrad;
        for (std::size_t k = 0; k < layers.size(); ++k) {
            other.layers[k]->weight.copy_(layers[k]->weight);
            other.layers[k]->bias.copy_(layers[k]->bias);
        }
        return other;
    }

    std::vector<std::pair<std::string, at::Tensor>> named() const
    {
        std::vector<std::pair<std::string, at::Tensor>> out;
        for (std::size_t k = 0; k < layers.size(); ++k) {
            out.emplace_back(std::to_string(k) + ".weight", layers[k]->weight);
            out.emplace_back(std::to_string(k) + ".bias", layers[k]->bias);
        }
        return out;
    }

    std::vector<torch::Tensor> parameters() const
    {
        std::vector<torch::Tensor> out;
        for (const auto& [name, p] : named())
            out.push_back(p);
        return out;
    }

    torch::Tensor forward(torch::Tensor x)
    {
        for (std::size_t k = 0; k < layers.size(); ++k) {
            x = layers[k]->forward(x);
            x = k + 1 < layers.size() ? torch::relu(x) : torch::elu(x);
        }
        return x;
    }
};

LayerStackPass passOver(const Stack& stack, const AdamOptimizer& optimizer)
{
    return LayerStackPass(stack.layers, optimizer, /*maxRows=*/8);
}

double maxDifference(const torch::Tensor& a, const torch::Tensor& b)
{
    return (a - b).abs().max().item<double>();
}

} // namespace

class TestLayerStackPass : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forwardMatchesTheModule();
    void stepsMatchAutogradAndTorchAdam();
    void weightUpdateDoesNotDependOnTheSplit();
};

void TestLayerStackPass::forwardMatchesTheModule()
{
    Stack reference(1);
    Stack ours = reference.copy();
    AdamOptimizer optimizer(ours.named(), kLearningRate, kWeightDecay);
    LayerStackPass pass = passOver(ours, optimizer);
    const torch::Tensor x = torch::randn({5, kWidths.front()});
    torch::NoGradGuard noGrad;
    const torch::Tensor expected = reference.forward(x);
    const torch::Tensor actual = pass.forward(x);
    QCOMPARE(actual.sizes().vec(), expected.sizes().vec());
    QVERIFY2(maxDifference(actual, expected) < 1e-5,
             qPrintable(QString::number(maxDifference(actual, expected))));
    QVERIFY((expected < 0).any().item<bool>()); // the ELU's negative side is exercised
}

void TestLayerStackPass::stepsMatchAutogradAndTorchAdam()
{
    Stack reference(2);
    Stack ours = reference.copy();
    torch::optim::Adam adam(reference.parameters(),
                            torch::optim::AdamOptions(kLearningRate).weight_decay(kWeightDecay));
    AdamOptimizer optimizer(ours.named(), kLearningRate, kWeightDecay);
    LayerStackPass pass = passOver(ours, optimizer);
    for (int step = 0; step < 3; ++step) {
        // Rows vary per step, as the distinct classes of a batch do.
        const std::int64_t rows = 3 + step;
        const torch::Tensor x = torch::randn({rows, kWidths.front()}).requires_grad_();
        const torch::Tensor outputGradient = torch::randn({rows, kWidths.back()});

        adam.zero_grad();
        const torch::Tensor out = reference.forward(x);
        (out * outputGradient).sum().backward();
        adam.step();

        torch::NoGradGuard noGrad;
        const torch::Tensor input = x.detach().clone();
        pass.forward(input);
        const torch::Tensor inputGradient =
            pass.backwardAndUpdate(outputGradient.clone(), optimizer, /*wantInputGradient=*/true);
        QVERIFY2(maxDifference(inputGradient, x.grad()) < 1e-5,
                 qPrintable(QString::number(maxDifference(inputGradient, x.grad()))));
        const auto expected = reference.parameters();
        const auto actual = ours.parameters();
        for (std::size_t p = 0; p < expected.size(); ++p)
            QVERIFY2(maxDifference(actual[p], expected[p]) < 1e-5,
                     qPrintable(QString("step %1, parameter %2: %3")
                                    .arg(step)
                                    .arg(p)
                                    .arg(maxDifference(actual[p], expected[p]))));
    }
    // Three steps of lr 1e-2 moved the weights by far more than the tolerance.
    QVERIFY(maxDifference(ours.layers[0]->weight, Stack(2).layers[0]->weight) > 1e-3);
}

void TestLayerStackPass::weightUpdateDoesNotDependOnTheSplit()
{
    // Threads update disjoint row ranges: any split must give the same bits as one call.
    const std::int64_t rows = 6, out = 13, in = 85;
    const torch::Tensor dZ = torch::randn({rows, out});
    const torch::Tensor x = torch::randn({rows, in});
    auto run = [&](const std::vector<std::int64_t>& cuts) {
        torch::manual_seed(7);
        torch::Tensor w = torch::randn({out, in}), m = torch::zeros({out, in}),
                      v = torch::zeros({out, in});
        semrel::AdamTarget target{
            w.data_ptr<float>(), m.data_ptr<float>(), v.data_ptr<float>(), w.numel(), {}};
        target.coefficients.stepSize = 0.01f;
        target.coefficients.inverseSqrtCorrection2 = 3.0f;
        for (std::size_t c = 0; c + 1 < cuts.size(); ++c)
            semrel::updateWeightRows(dZ.data_ptr<float>(), x.data_ptr<float>(), rows, out, in,
                                     cuts[c], cuts[c + 1], target);
        return w;
    };
    const torch::Tensor whole = run({0, out});
    QVERIFY(torch::equal(whole, run({0, 5, 6, out})));
    QVERIFY(torch::equal(whole, run({0, 1, 2, 3, 4, 8, 12, out})));
    torch::manual_seed(7);
    QVERIFY(!torch::equal(whole, torch::randn({out, in}))); // the weights did change
    qInfo("vector kernels: %s", semrel::vectorIsaName(semrel::vectorIsa()));
}

QTEST_GUILESS_MAIN(TestLayerStackPass)
#include "tst_layer_stack_pass.moc"
