// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// How long the Query view takes to show a new sample at SUN's size: 717 classes, d = 2048,
// a = 102, the Table 1 network (hidden 1024). The view must follow the sample box and the τ
// slider without a visible lag: the target is well under 50 ms per update.
#include "gui_benchmark_main.h"
#include "query/query_view.h"
#include "query/similarity_chart.h"

#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/evaluation/inspector.h>
#include <semrel/training/trainer.h>

#include <benchmark/benchmark.h>
#include <memory>

namespace {

struct SunSized
{
    std::shared_ptr<const semrel::Dataset> data;
    std::shared_ptr<const semrel::RelationModel> model;
};

// One epoch on a small SUN-shaped dataset: the weights do not matter for timing, the shapes do.
const SunSized& sunSized()
{
    static const SunSized fixture = [] {
        semrel::SyntheticSpec spec;
        spec.classCount = 717;
        spec.unseenClassCount = 72;
        spec.valClassCount = 65;
        spec.samplesPerClass = 2;
        spec.testSeenFraction = 0.5;
        spec.featureDim = 2048;
        spec.embeddingDim = 102;
        auto data = std::make_shared<semrel::Dataset>(semrel::makeSyntheticDataset(spec));
        semrel::TrainingConfig config;
        config.network.encoderHidden = {1024};
        config.network.decoderHidden = {1024};
        config.epochs = 1;
        config.evaluateEachEpoch = false;
        const semrel::StopFlag stop;
        semrel::TrainingResult result = semrel::Trainer(config).run(*data, stop);
        return SunSized{data,
                        std::make_shared<const semrel::RelationModel>(std::move(result.state))};
    }();
    return fixture;
}

void BM_InspectFeature(benchmark::State& state)
{
    const SunSized& f = sunSized();
    const float* row = f.data->features.row(0);
    const std::vector<float> feature(row, row + f.data->featureDim());
    for (auto _ : state)
        benchmark::DoNotOptimize(semrel::inspectFeature(*f.model, feature, {}));
}
BENCHMARK(BM_InspectFeature)->Unit(benchmark::kMillisecond);

// showSample(): inspectFeature, the chart's bars and labels, the info text; then the window is
// rendered as the screen would show it (grab() paints every visible widget).
void BM_QueryViewShowSample(benchmark::State& state)
{
    const SunSized& f = sunSized();
    semrel::ui::QueryView view;
    view.resize(1400, 900);
    view.setModelAndDataset(f.model, f.data);
    view.setTopK(static_cast<int>(state.range(0)));
    view.show();
    qint64 sample = 0;
    for (auto _ : state) {
        view.showSample(sample);
        sample = (sample + 1) % f.data->sampleCount();
        benchmark::DoNotOptimize(view.grab());
    }
    state.counters["bars"] = view.chart()->barCount();
}
BENCHMARK(BM_QueryViewShowSample)->Arg(0)->Arg(30)->Unit(benchmark::kMillisecond);

// Moving the τ slider by one step: re-inspect and recolour all 717 bars, then render.
void BM_QueryViewTau(benchmark::State& state)
{
    const SunSized& f = sunSized();
    semrel::ui::QueryView view;
    view.resize(1400, 900);
    view.setModelAndDataset(f.model, f.data);
    view.setTopK(0);
    view.show();
    int step = 0;
    for (auto _ : state) {
        view.setTau((step++ % 50) / 100.0);
        benchmark::DoNotOptimize(view.grab());
    }
}
BENCHMARK(BM_QueryViewTau)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    return semrel::bench::runWidgetBenchmarks(argc, argv);
}
