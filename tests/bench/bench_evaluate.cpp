// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// GZSL evaluation at SUN's size: 4020 test samples (1440 unseen + 2580 seen) against 717 classes
// in d = 2048. The mapped class matrix is given directly for predictAmong, so no trained model is
// needed there; the full evaluate() uses a model with random weights of SUN's Table 1 shape
// (cost does not depend on the weights). Not a test: nothing is asserted.
#include <semrel/dataset/dataset.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/kernels/threads.h>

#include <ATen/ATen.h>

#include <benchmark/benchmark.h>
#include <cstdint>
#include <numeric>
#include <random>

namespace {

constexpr std::int64_t kClasses = 717;
constexpr std::int64_t kUnseen = 72;
constexpr std::int64_t kTestUnseen = 1440;
constexpr std::int64_t kTestSeen = 2580;
constexpr std::int64_t kTest = kTestUnseen + kTestSeen;
constexpr std::int64_t kFeatureDim = 2048;
constexpr std::int64_t kEmbeddingDim = 102;

semrel::FloatMatrix randomMatrix(std::int64_t rows, std::int64_t cols, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    semrel::FloatMatrix m(rows, cols);
    for (float& v : m.values)
        v = normal(rng);
    return m;
}

std::vector<std::int32_t> randomLabels(std::int64_t n, std::int32_t classes, std::uint32_t seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::int32_t> pick(0, classes - 1);
    std::vector<std::int32_t> labels(static_cast<std::size_t>(n));
    for (auto& l : labels)
        l = pick(rng);
    return labels;
}

// GZSL: every test sample against all 717 classes, then the per-class mean.
void BM_PredictAmongAllClasses(benchmark::State& state)
{
    semrel::configureThreads(static_cast<int>(state.range(0)));
    const semrel::FloatMatrix features = randomMatrix(kTest, kFeatureDim, 1);
    const semrel::FloatMatrix mapped = randomMatrix(kClasses, kFeatureDim, 2);
    const auto truth = randomLabels(kTest, kClasses, 3);
    std::vector<std::int32_t> all(kClasses);
    std::iota(all.begin(), all.end(), 0);
    for (auto _ : state) {
        const semrel::ClassScores s = semrel::predictAmong(features, mapped, all);
        benchmark::DoNotOptimize(semrel::meanPerClassAccuracy(truth, s.predicted, all));
    }
    // The GEMM's FLOPs, to compare with the machine's rate (docs/BENCHMARKS.md).
    state.counters["GFLOP/s"] = benchmark::Counter(2.0 * kTest * kClasses * kFeatureDim,
                                                   benchmark::Counter::kIsIterationInvariantRate,
                                                   benchmark::Counter::kIs1000);
}
BENCHMARK(BM_PredictAmongAllClasses)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The floor: the one GEMM predictAmong cannot avoid, [4020, 2048] x [2048, 717], alone. Run beside
// the others so that a loaded machine shows in both.
void BM_GemmFloor(benchmark::State& state)
{
    semrel::configureThreads(static_cast<int>(state.range(0)));
    const at::Tensor features = at::randn({kTest, kFeatureDim});
    const at::Tensor classesT = at::randn({kFeatureDim, kClasses});
    at::Tensor scores = at::empty({kTest, kClasses});
    for (auto _ : state) {
        at::mm_out(scores, features, classesT);
        benchmark::DoNotOptimize(scores.data_ptr<float>());
    }
    state.counters["GFLOP/s"] = benchmark::Counter(2.0 * kTest * kClasses * kFeatureDim,
                                                   benchmark::Counter::kIsIterationInvariantRate,
                                                   benchmark::Counter::kIs1000);
}
BENCHMARK(BM_GemmFloor)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// ZSL: the unseen test samples among the 72 unseen classes only.
void BM_PredictAmongUnseen(benchmark::State& state)
{
    semrel::configureThreads(static_cast<int>(state.range(0)));
    const semrel::FloatMatrix features = randomMatrix(kTestUnseen, kFeatureDim, 4);
    const semrel::FloatMatrix mapped = randomMatrix(kClasses, kFeatureDim, 5);
    std::vector<std::int32_t> unseen(kUnseen);
    std::iota(unseen.begin(), unseen.end(), static_cast<std::int32_t>(kClasses - kUnseen));
    for (auto _ : state)
        benchmark::DoNotOptimize(semrel::predictAmong(features, mapped, unseen));
}
BENCHMARK(BM_PredictAmongUnseen)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// A SUN-shaped model (102 -> 1024 -> 2048, 2048 -> 1024 -> 102) with random weights.
semrel::ModelState sunShapedModel()
{
    semrel::ModelState s;
    s.config.network = {{1024}, {1024}};
    s.featureDim = kFeatureDim;
    s.embeddingDim = kEmbeddingDim;
    s.featureNormalizer.mean.assign(kFeatureDim, 0.0f);
    s.featureNormalizer.stddev.assign(kFeatureDim, 1.0f);
    s.embeddingNormalizer.mean.assign(kEmbeddingDim, 0.0f);
    s.embeddingNormalizer.stddev.assign(kEmbeddingDim, 1.0f);
    auto layer = [&](const std::string& name, std::int64_t in, std::int64_t out,
                     std::uint32_t seed) {
        const semrel::FloatMatrix w = randomMatrix(out, in, seed);
        s.parameters.push_back({name + ".weight", {out, in}, w.values});
        s.parameters.push_back({name + ".bias", {out}, std::vector<float>(out, 0.0f)});
    };
    layer("encoder.0", kEmbeddingDim, 1024, 10);
    layer("encoder.1", 1024, kFeatureDim, 11);
    layer("decoder.0", kFeatureDim, 1024, 12);
    layer("decoder.1", 1024, kEmbeddingDim, 13);
    for (std::int64_t c = 0; c < kClasses; ++c)
        s.classNames.push_back("class " + std::to_string(c));
    s.classEmbeddings = randomMatrix(kClasses, kEmbeddingDim, 14);
    for (std::int32_t c = 0; c < kClasses; ++c)
        (c < kClasses - kUnseen ? s.seenClasses : s.unseenClasses).push_back(c);
    return s;
}

// SUN-sized test splits (and one trainval sample per seen class, so that the seen classes are
// known); the feature values do not change the cost.
semrel::Dataset sunSizedData(const semrel::ModelState& model)
{
    semrel::Dataset d;
    d.name = "sun-sized";
    d.classNames = model.classNames;
    d.classEmbeddings = model.classEmbeddings;
    const std::int64_t seen = kClasses - kUnseen;
    d.features = randomMatrix(kTest + seen, kFeatureDim, 20);
    std::mt19937 rng(21);
    for (std::int64_t i = 0; i < kTest + seen; ++i) {
        std::int32_t label = 0;
        if (i < kTestUnseen) {
            label = static_cast<std::int32_t>(seen + i % kUnseen);
            d.split(semrel::Split::TestUnseen).push_back(i);
        } else if (i < kTest) {
            label = static_cast<std::int32_t>(rng() % seen);
            d.split(semrel::Split::TestSeen).push_back(i);
        } else {
            label = static_cast<std::int32_t>(i - kTest);
            d.split(semrel::Split::Trainval).push_back(i);
        }
        d.labels.push_back(label);
    }
    return d;
}

void BM_EvaluateSunSized(benchmark::State& state)
{
    semrel::configureThreads(static_cast<int>(state.range(0)));
    const semrel::ModelState s = sunShapedModel();
    const semrel::Dataset data = sunSizedData(s);
    const semrel::RelationModel model(s);
    for (auto _ : state)
        benchmark::DoNotOptimize(semrel::evaluate(model, data));
}
BENCHMARK(BM_EvaluateSunSized)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// What the window does when a trained or opened model meets its dataset: copy the ModelState (a
// trained one carries Adam's two moments per weight) into a RelationModel, build the network, and
// map the 717 classes once. Off the GUI thread since the window runs it as a BackgroundJob.
void BM_BuildRelationModelSunSized(benchmark::State& state)
{
    semrel::configureThreads(static_cast<int>(state.range(0)));
    semrel::ModelState s = sunShapedModel();
    for (const semrel::NamedTensor& p : sunShapedModel().parameters)
        for (const char* moment : {".exp_avg", ".exp_avg_sq"})
            s.optimizerState.push_back({p.name + moment, p.shape, p.values});
    for (auto _ : state) {
        const semrel::RelationModel model(s);
        benchmark::DoNotOptimize(model.mappedClasses().values.data());
    }
}
BENCHMARK(BM_BuildRelationModelSunSized)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

} // namespace

BENCHMARK_MAIN();
