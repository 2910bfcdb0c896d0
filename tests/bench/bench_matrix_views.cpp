// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The Predictions and Dataset views at 717 (SUN) and 20,000 classes: the first frame after a
// result or a dataset arrives (the charts' data prepared off the GUI thread, the matrices' first
// bins, one render) and an update (zoom, pan, τ: new bins, one render). Targets on this 2-core
// machine at 20,000 classes: first frame under 1 s, update under 100 ms, memory well under RAM
// (the peak resident size is reported). The evaluation itself (bench_evaluate) is left out: the
// view is given a planted result (tests/ui/planted_evaluation.h).
#include "dataset/dataset_matrix_sources.h"
#include "dataset/dataset_view.h"
#include "gui_benchmark_main.h"
#include "planted_evaluation.h"
#include "predictions/class_accuracy_chart.h"
#include "predictions/confusion_panel.h"
#include "predictions/predictions_view.h"
#include "zoom/matrix_view.h"

#include <semrel/dataset/synthetic_dataset.h>

#include <QApplication>
#include <QElapsedTimer>

#include <benchmark/benchmark.h>
#include <cmath>
#include <functional>
#include <map>
#include <stdexcept>
#include <sys/resource.h>

namespace {

using namespace semrel;
using namespace semrel::ui;

const test::PlantedEvaluation& planted(int classes)
{
    static std::map<int, test::PlantedEvaluation> cache;
    auto it = cache.find(classes);
    if (it == cache.end())
        it = cache.emplace(classes, test::plantedEvaluation(classes, classes / 10)).first;
    return it->second;
}

// Runs the event loop until `done`, as the window would between frames.
void waitUntil(const std::function<bool()>& done)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (clock.elapsed() > 60000)
            throw std::runtime_error("bench_matrix_views: the view never caught up");
    }
}

double peakResidentMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

bool predictionsReady(PredictionsView& view)
{
    return view.charts().has_value() && !view.isEvaluating() &&
           view.confusion()->matrix()->isUpToDate();
}

// A result arrives: the charts' data (sparse counts, bars and their orders, the classes'
// similarity order, the most confused pairs) on a job, then the matrix's first bins, then a
// render of the whole view.
void BM_PredictionsFirstFrame(benchmark::State& state)
{
    const test::PlantedEvaluation& p = planted(int(state.range(0)));
    PredictionsView view;
    view.resize(1270, 700);
    view.show();
    view.setSetting(Setting::Gzsl);
    for (auto _ : state) {
        view.setEvaluation(nullptr, nullptr);
        view.setEvaluation(p.result, p.data);
        waitUntil([&] { return predictionsReady(view); });
        benchmark::DoNotOptimize(view.grab());
    }
    state.counters["classes"] = double(p.data->classCount());
    state.counters["peak_MiB"] = peakResidentMiB();
}
BENCHMARK(BM_PredictionsFirstFrame)->Arg(717)->Arg(20000)->Unit(benchmark::kMillisecond);

// Zooming the confusion matrix in and out about its centre (alternately) and scrolling the
// accuracy bars: new bins of the window, then a render.
void BM_PredictionsZoom(benchmark::State& state)
{
    const test::PlantedEvaluation& p = planted(int(state.range(0)));
    PredictionsView view;
    view.resize(1270, 700);
    view.show();
    view.setSetting(Setting::Gzsl);
    view.setEvaluation(p.result, p.data);
    waitUntil([&] { return predictionsReady(view); });
    MatrixView* matrix = view.confusion()->matrix();
    int step = 0;
    for (auto _ : state) {
        const double factor = (step++ % 8) < 4 ? 2.0 : 0.5;
        matrix->zoomBy(factor);
        view.accuracyChart()->zoomBy(factor);
        waitUntil([&] { return matrix->isUpToDate(); });
        benchmark::DoNotOptimize(view.grab());
    }
    state.counters["bins"] = double(matrix->bins().values.size());
}
BENCHMARK(BM_PredictionsZoom)->Arg(717)->Arg(20000)->Unit(benchmark::kMillisecond);

std::shared_ptr<const Dataset> dataset(int classes)
{
    static std::map<int, std::shared_ptr<const Dataset>> cache;
    auto& data = cache[classes];
    if (!data) {
        SyntheticSpec spec;
        spec.classCount = classes;
        spec.unseenClassCount = classes / 10;
        spec.valClassCount = classes / 10;
        spec.samplesPerClass = 2;
        spec.testSeenFraction = 0.5;
        spec.featureDim = 8;
        spec.embeddingDim = 102;
        data = std::make_shared<const Dataset>(makeSyntheticDataset(spec));
    }
    return data;
}

bool datasetReady(DatasetView& view)
{
    return view.matrices().has_value() && !view.isPreparing() && view.heatMap()->isUpToDate() &&
           view.relationMatrix()->isUpToDate();
}

// A dataset arrives: δ's unit rows, the attribute shades and the orders on a job, then both
// matrices' first bins, then a render (the class table included).
void BM_DatasetFirstFrame(benchmark::State& state)
{
    const auto data = dataset(int(state.range(0)));
    DatasetView view;
    view.resize(1270, 700);
    view.show();
    for (auto _ : state) {
        view.setDataset(nullptr);
        view.setDataset(data);
        waitUntil([&] { return datasetReady(view); });
        benchmark::DoNotOptimize(view.grab());
    }
    state.counters["peak_MiB"] = peakResidentMiB();
}
BENCHMARK(BM_DatasetFirstFrame)->Arg(717)->Arg(20000)->Unit(benchmark::kMillisecond);

// One τ step: the relation matrix's bins at the new τ (after the slider's 20 ms pause, which
// is counted), then a render.
void BM_DatasetTau(benchmark::State& state)
{
    DatasetView view;
    view.resize(1270, 700);
    view.show();
    view.setDataset(dataset(int(state.range(0))));
    waitUntil([&] { return datasetReady(view); });
    int step = 0;
    for (auto _ : state) {
        const double tau = 0.01 * (++step % 40);
        view.setTau(tau);
        waitUntil([&] {
            const auto& source =
                static_cast<const RelationMatrixSource&>(*view.relationMatrix()->source());
            return std::abs(source.tau() - tau) < 1e-9 && datasetReady(view);
        });
        benchmark::DoNotOptimize(view.grab());
    }
}
BENCHMARK(BM_DatasetTau)->Arg(717)->Arg(20000)->Unit(benchmark::kMillisecond);

// Zooming the relation matrix in and out about its centre: new bins, then a render.
void BM_DatasetZoom(benchmark::State& state)
{
    DatasetView view;
    view.resize(1270, 700);
    view.show();
    view.setDataset(dataset(int(state.range(0))));
    waitUntil([&] { return datasetReady(view); });
    MatrixView* matrix = view.relationMatrix();
    int step = 0;
    for (auto _ : state) {
        matrix->zoomBy((step++ % 8) < 4 ? 2.0 : 0.5);
        waitUntil([&] { return datasetReady(view); });
        benchmark::DoNotOptimize(view.grab());
    }
    state.counters["cells_read"] = double(matrix->bins().cellsRead);
}
BENCHMARK(BM_DatasetZoom)->Arg(717)->Arg(20000)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    return semrel::bench::runWidgetBenchmarks(argc, argv);
}
