// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The training step's fused weight gradients + Adam (updateWeightRows) over the Table 1 layers at
// 32 rows (the distinct classes of a batch of 64), on 1 thread and on 2 (each half the rows of
// every layer), beside Adam alone over the same parameters (adamUpdate, the gradient read from
// memory): milliseconds per training step and the gradients' GFLOP/s (2 · rows · weights).
// Not a test: nothing is asserted (docs/BENCHMARKS.md).
#include "kernels/adam_kernel.h"
#include "kernels/weight_update_kernel.h"

#include <benchmark/benchmark.h>
#include <cstdint>
#include <thread>
#include <vector>

namespace {

constexpr std::int64_t kRows = 32;

struct Layer
{
    std::int64_t in, out;
    std::vector<float> weight, expAvg, expAvgSq, gradient, input, outputGradient;
};

std::vector<Layer> table1Layers()
{
    const std::vector<std::int64_t> widths{85, 512, 1024, 2048, 1024, 512, 85};
    std::vector<Layer> layers;
    for (std::size_t k = 0; k + 1 < widths.size(); ++k) {
        const std::int64_t in = widths[k], out = widths[k + 1];
        const auto n = static_cast<std::size_t>(in * out);
        Layer l{in,
                out,
                std::vector<float>(n, 0.01f),
                std::vector<float>(n, 0.0f),
                std::vector<float>(n, 0.0f),
                std::vector<float>(n, 0.001f),
                std::vector<float>(static_cast<std::size_t>(kRows * in), 0.5f),
                std::vector<float>(static_cast<std::size_t>(kRows * out), 0.25f)};
        layers.push_back(std::move(l));
    }
    return layers;
}

semrel::AdamTarget targetOf(Layer& l)
{
    semrel::AdamTarget t;
    t.param = l.weight.data();
    t.expAvg = l.expAvg.data();
    t.expAvgSq = l.expAvgSq.data();
    t.size = l.in * l.out;
    t.coefficients.stepSize = 1e-4f;
    return t;
}

double stepFlops(const std::vector<Layer>& layers)
{
    double flops = 0.0;
    for (const Layer& l : layers)
        flops += 2.0 * kRows * static_cast<double>(l.in * l.out);
    return flops;
}

// Runs work(member) on `threads` threads, the caller being member 0.
template <typename Work> void onThreads(int threads, const Work& work)
{
    std::vector<std::thread> team;
    for (int t = 1; t < threads; ++t)
        team.emplace_back([&work, t] { work(t); });
    work(0);
    for (std::thread& member : team)
        member.join();
}

void BM_FusedWeightUpdates(benchmark::State& state)
{
    const int threads = static_cast<int>(state.range(0));
    std::vector<Layer> layers = table1Layers();
    for (auto _ : state)
        onThreads(threads, [&](int t) {
            for (Layer& l : layers) {
                const std::int64_t begin = l.out * t / threads / 4 * 4;
                const std::int64_t end =
                    t + 1 == threads ? l.out : l.out * (t + 1) / threads / 4 * 4;
                semrel::updateWeightRows(l.outputGradient.data(), l.input.data(), kRows, l.out,
                                         l.in, begin, end, targetOf(l));
            }
        });
    state.counters["GFLOPs"] = benchmark::Counter(stepFlops(layers) * state.iterations() / 1e9,
                                                  benchmark::Counter::kIsRate);
}

void BM_AdamAlone(benchmark::State& state)
{
    const int threads = static_cast<int>(state.range(0));
    std::vector<Layer> layers = table1Layers();
    for (auto _ : state)
        onThreads(threads, [&](int t) {
            for (Layer& l : layers) {
                const std::int64_t n = l.in * l.out;
                const std::int64_t begin = n * t / threads, end = n * (t + 1) / threads;
                const semrel::AdamTarget w = targetOf(l);
                semrel::adamUpdate(w.param + begin, l.gradient.data() + begin, w.expAvg + begin,
                                   w.expAvgSq + begin, end - begin, w.coefficients);
            }
        });
}

} // namespace

BENCHMARK(BM_FusedWeightUpdates)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Repetitions(5)
    ->ReportAggregatesOnly(false);
BENCHMARK(BM_AdamAlone)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
