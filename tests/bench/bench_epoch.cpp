// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Seconds per training epoch at the AWA2 size (Table 1 network, p = 50, batch 64) on 1 thread,
// 2 threads and the default (0: up to every core, the count per step measured fastest), beside
// two floors: the FLOPs of the matrix products an epoch does divided by the GEMM rate this build
// reaches (a 2048^3 sgemm through torch), and the memory traffic an epoch must cause (Adam's
// weights and moments, mining's candidate rows) divided by the rates measured for those access
// patterns here (memory_rates.h), and the two combined: their maximum (arithmetic and traffic
// fully overlapped) and their sum (not overlapped at all). Not a test: nothing is asserted.
// shared_machine.sh runs it idle, beside a busy process and beside a second copy of itself
// (docs/BENCHMARKS.md).
#include "memory_rates.h"

#include <semrel/dataset/dataset.h>
#include <semrel/kernels/threads.h>
#include <semrel/training/trainer.h>

#include <ATen/ATen.h>

#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cmath>
#include <cstdlib>

namespace {

constexpr int kSeen = 40;
constexpr int kUnseen = 10;
constexpr std::int64_t kTrainRows = 23527;
constexpr std::int64_t kTestPerClass = 20;
constexpr std::int64_t kFeatureDim = 2048;
constexpr std::int64_t kEmbeddingDim = 85;
constexpr int kBatch = 64;
constexpr int kCandidates = 50;

std::uint64_t nextRandom(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

float uniform(std::uint64_t& state)
{
    return static_cast<float>(nextRandom(state) >> 40) * 0x1.0p-24f;
}

// AWA2-sized data: what the features look like does not change an epoch's cost, so they are
// class centres plus uniform noise (quick to make), not a map of the embeddings.
const semrel::Dataset& awa2Sized()
{
    static const semrel::Dataset data = [] {
        semrel::Dataset d;
        d.name = "awa2-sized";
        std::uint64_t rng = 2018;
        const int classes = kSeen + kUnseen;
        d.classEmbeddings = semrel::FloatMatrix(classes, kEmbeddingDim);
        for (float& v : d.classEmbeddings.values)
            v = uniform(rng);
        semrel::FloatMatrix centres(classes, kFeatureDim);
        for (float& v : centres.values)
            v = uniform(rng) * 2.0f;
        for (int c = 0; c < classes; ++c)
            d.classNames.push_back("class " + std::to_string(c));
        const std::int64_t n = kTrainRows + classes * kTestPerClass;
        d.features = semrel::FloatMatrix(n, kFeatureDim);
        for (std::int64_t i = 0; i < n; ++i) {
            const int c = i < kTrainRows ? static_cast<int>(i % kSeen)
                                         : static_cast<int>((i - kTrainRows) / kTestPerClass);
            d.labels.push_back(c);
            for (std::int64_t f = 0; f < kFeatureDim; ++f)
                d.features.at(i, f) = centres.at(c, f) + uniform(rng);
            const semrel::Split split = i < kTrainRows ? semrel::Split::Trainval
                                        : c < kSeen    ? semrel::Split::TestSeen
                                                       : semrel::Split::TestUnseen;
            d.split(split).push_back(i);
        }
        return d;
    }();
    return data;
}

semrel::TrainingConfig awa2Config(int threads, bool bf16Mining)
{
    semrel::TrainingConfig c;
    c.bf16Mining = bf16Mining;
    c.network = {{512, 1024}, {1024, 512}};
    c.candidates = kCandidates;
    c.batchSize = kBatch;
    c.epochs = 2;
    c.threads = threads;
    c.evaluateEachEpoch = false;
    return c;
}

// FLOPs of an epoch's matrix products. f and g run once per distinct class of a batch; the
// expected number of distinct classes among 64 draws from 40 balanced classes is
// 40 (1 - (39/40)^64) ≈ 32.1. Per network row: forward 2W, backward 2W for the weight
// gradients and 2W for the input gradients (none for the first layer's input), W = Σ in·out.
// Mining adds 2p cosines of length d per sample.
double epochFlops()
{
    const std::vector<std::int64_t> widths{kEmbeddingDim, 512, 1024,         kFeatureDim,
                                           1024,          512, kEmbeddingDim};
    double w = 0.0;
    for (std::size_t k = 0; k + 1 < widths.size(); ++k)
        w += static_cast<double>(widths[k] * widths[k + 1]);
    const double perRow = 6.0 * w - 2.0 * static_cast<double>(widths[0] * widths[1]);
    const double batches = std::ceil(static_cast<double>(kTrainRows) / kBatch);
    const double distinct = kSeen * (1.0 - std::pow(1.0 - 1.0 / kSeen, kBatch));
    const double mining = static_cast<double>(kTrainRows) * 2.0 * kCandidates * 2.0 * kFeatureDim;
    return batches * distinct * perRow + mining;
}

// Bytes an epoch must move: per step, every parameter's weight and two moments read and
// written once (24 B); per sample, 2p candidate rows of d floats read once.
double miningTrafficBytes();

double epochTrafficBytes()
{
    const std::vector<std::int64_t> widths{kEmbeddingDim, 512, 1024,         kFeatureDim,
                                           1024,          512, kEmbeddingDim};
    double parameters = 0.0;
    for (std::size_t k = 0; k + 1 < widths.size(); ++k)
        parameters += static_cast<double>(widths[k] * widths[k + 1] + widths[k + 1]);
    const double batches = std::ceil(static_cast<double>(kTrainRows) / kBatch);
    return batches * parameters * 24.0 + miningTrafficBytes();
}

double miningTrafficBytes()
{
    return static_cast<double>(kTrainRows) * 2.0 * kCandidates * kFeatureDim * 4.0;
}

// Seconds the epoch's traffic takes at the rates of its two access patterns on `threads`.
double trafficFloorSeconds(int threads)
{
    const double mining = miningTrafficBytes();
    return (epochTrafficBytes() - mining) / bench::adamStreamRate(threads) +
           mining / bench::randomRowRate(threads, kTrainRows, kFeatureDim);
}

double gemmRate(int threads)
{
    semrel::configureThreads(threads);
    const at::Tensor a = at::rand({2048, 2048});
    const at::Tensor b = at::rand({2048, 2048});
    at::mm(a, b); // warm-up
    double best = 1e9;
    for (int i = 0; i < 5; ++i) {
        const auto start = std::chrono::steady_clock::now();
        at::Tensor c = at::mm(a, b);
        best = std::min(
            best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return 2.0 * 2048.0 * 2048.0 * 2048.0 / best;
}

void BM_Sgemm2048(benchmark::State& state)
{
    const int threads = static_cast<int>(state.range(0));
    double rate = 0.0;
    for (auto _ : state)
        rate = gemmRate(threads);
    state.counters["GFLOPs"] = rate / 1e9;
}

// Manual time = the second epoch's training steps (the first warms the allocator); setup
// (normalisation, network init) is left out.
void runEpoch(benchmark::State& state, bool bf16Mining)
{
    const int threads = static_cast<int>(state.range(0));
    const int floorThreads = threads > 0 ? threads : semrel::defaultThreadCount();
    const semrel::Dataset& data = awa2Sized();
    const double rate = gemmRate(threads);
    const double flops = epochFlops();
    const double trafficFloor = trafficFloorSeconds(floorThreads);
    double seconds = 0.0, first = 0.0;
    for (auto _ : state) {
        semrel::StopFlag stop;
        const semrel::TrainingResult r =
            semrel::Trainer(awa2Config(threads, bf16Mining)).run(data, stop);
        first = r.state.history.at(0).seconds;
        seconds = r.state.history.at(1).seconds;
        state.SetIterationTime(seconds);
    }
    state.counters["epoch_s"] = seconds;
    state.counters["first_epoch_s"] = first;
    const double flopFloor = flops / rate;
    state.counters["floor_s"] = flopFloor;
    state.counters["ratio"] = seconds / flopFloor;
    state.counters["traffic_floor_s"] = trafficFloor;
    state.counters["traffic_ratio"] = seconds / trafficFloor;
    // The combined floors (docs/BENCHMARKS.md, "The epoch's floor"): the larger of the two if
    // arithmetic and traffic overlapped perfectly, their sum if they did not overlap at all.
    const double maxFloor = std::max(flopFloor, trafficFloor);
    const double sumFloor = flopFloor + trafficFloor;
    state.counters["max_floor_s"] = maxFloor;
    state.counters["max_ratio"] = seconds / maxFloor;
    state.counters["sum_floor_s"] = sumFloor;
    state.counters["sum_ratio"] = seconds / sumFloor;
    state.counters["epoch_GFLOP"] = flops / 1e9;
    state.counters["epoch_GB"] = epochTrafficBytes() / 1e9;
    state.counters["gemm_GFLOPs"] = rate / 1e9;
}

void BM_Epoch(benchmark::State& state)
{
    runEpoch(state, false);
}

// The same with TrainingConfig::bf16Mining (the floor printed is still the exact one's).
void BM_EpochBf16Mining(benchmark::State& state)
{
    runEpoch(state, true);
}

} // namespace

BENCHMARK(BM_Sgemm2048)->Arg(1)->Arg(2)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Epoch)->Arg(1)->Arg(2)->Arg(0)->Iterations(1)->UseManualTime()->Unit(
    benchmark::kSecond);
BENCHMARK(BM_EpochBf16Mining)
    ->Arg(1)
    ->Arg(2)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

// Run as a user's shell would: OMP_WAIT_POLICY is left as found (the training step does not
// use OpenMP; its team's members sleep when they wait).
int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    semrel::configureThreads(2);
    benchmark::AddCustomContext("compute", semrel::computeSummary());
    const char* policy = std::getenv("OMP_WAIT_POLICY");
    benchmark::AddCustomContext("OMP_WAIT_POLICY", policy ? policy : "(unset)");
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
