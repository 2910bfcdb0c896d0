// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// How fast each view of the window is at benchmark scale: the first frame after a dataset and a
// model arrive (background work included: evaluation, map input and PCA), the time of a typical
// update (a new sample, τ, a class filter, a new epoch on the charts...) including the repaint,
// and the peak memory of the process. One view per run, so that each peak is its own:
//
//   semrel synth --classes 20000 --unseen 2000 --val 1800 --samples 3 --test-seen 0.34
//                --features 512 --attributes 102 -o c20000.h5
//   semrel train c20000.h5 --epochs 1 --encoder-hidden 256 --decoder-hidden 256 -o c20000-model.h5
//   for v in dataset training predictions query embedding; do
//       bench_views c20000.h5 c20000-model.h5 $v; done
//
// Targets (docs/BENCHMARKS.md): first frame < 1 s and updates < 100 ms at 20,000 classes. The
// numbers are printed, not asserted.
#include "dataset/dataset_view.h"
#include "embedding/class_legend.h"
#include "embedding/embedding_view.h"
#include "jobs/background_job.h"
#include "predictions/predictions_view.h"
#include "query/query_view.h"
#include "training/training_charts.h"
#include "training/training_panel.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/model_file/model_file.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <vector>

namespace {

using namespace semrel;
using namespace semrel::ui;

double peakMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // kB on Linux
}

// Runs the event loop until `signal` of `sender` fires (or ten minutes pass).
template <typename Sender, typename Signal> bool waitFor(Sender* sender, Signal signal)
{
    QEventLoop loop;
    bool fired = false;
    QObject::connect(sender, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    loop.exec();
    return fired;
}

// What the screen would show: every visible widget painted.
void paint(QWidget& view)
{
    QApplication::processEvents();
    (void)view.grab();
}

void report(const char* view, const char* what, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    std::printf("%-12s %-34s median %8.1f ms  max %8.1f ms  (%zu)\n", view, what, ms[ms.size() / 2],
                ms.back(), ms.size());
}

// Times `update` (and the repaint after it) `times` times.
std::vector<double> timeUpdates(QWidget& view, int times, const std::function<void(int)>& update)
{
    std::vector<double> ms;
    for (int i = 0; i < times; ++i) {
        QElapsedTimer clock;
        clock.start();
        update(i);
        paint(view);
        ms.push_back(static_cast<double>(clock.nsecsElapsed()) / 1e6);
    }
    return ms;
}

struct Loaded
{
    std::shared_ptr<const Dataset> data;
    std::shared_ptr<const ModelState> state;
    std::shared_ptr<const RelationModel> model;
};

double firstFrame(QWidget& view, const std::function<void()>& show)
{
    QElapsedTimer clock;
    clock.start();
    show();
    paint(view);
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

void benchDataset(const Loaded& in)
{
    DatasetView view;
    view.resize(1280, 800);
    view.show();
    report("dataset", "first frame", {firstFrame(view, [&] { view.setDataset(in.data); })});
    report("dataset", "select a class", timeUpdates(view, 10, [&](int i) {
               view.selectClass((i * 1999) % in.data->classCount());
           }));
    report("dataset", "τ step + 300 ms wait for the matrix", timeUpdates(view, 10, [&](int i) {
               view.setTau(0.1 + 0.01 * i);
               QEventLoop loop;
               QTimer::singleShot(300, &loop, &QEventLoop::quit); // the matrix follows a pause
               loop.exec();
           }));
}

void benchTraining(const Loaded& in)
{
    TrainingPanel view;
    view.resize(1280, 800);
    view.show();
    report("training", "first frame", {firstFrame(view, [&] { view.setDataset(in.data); })});
    TrainingCharts* charts = view.charts();
    charts->startRun(QStringLiteral("Run 1"), in.state->config, 200);
    const int batches = 300;
    report("training", "an epoch's batches and its point", timeUpdates(view, 200, [&](int e) {
               for (int b = 1; b <= batches; ++b)
                   charts->addBatch({e + 1, b, batches, 1.0 / (e + 1), 1.0 / (e + 1)});
               EpochReport epoch;
               epoch.epoch = e + 1;
               epoch.loss = 1.0 / (e + 1);
               epoch.zslAccuracy = 0.01 * (e % 50);
               epoch.gzslH = 0.005 * (e % 50);
               charts->addEpoch(epoch);
               charts->flush();
           }));
    report("training", "smoothing on a 200-epoch run",
           timeUpdates(view, 10, [&](int i) { charts->setSmoothing(0.05 * i); }));
}

void benchPredictions(const Loaded& in)
{
    PredictionsView view;
    view.resize(1280, 800);
    view.show();
    // The first frame is the ZSL part; GZSL follows in the background. While it runs, a 5 ms
    // timer measures the GUI thread's longest stall (the progress updates and GZSL's arrival
    // included), and each progress report is followed by a repaint.
    QElapsedTimer clock;
    clock.start();
    view.setModelAndDataset(in.model, in.data);
    waitFor(&view, &PredictionsView::zslReady);
    paint(view);
    report("predictions", "first frame (ZSL evaluated and shown)",
           {static_cast<double>(clock.nsecsElapsed()) / 1e6});
    double longest = 0.0;
    QElapsedTimer gap;
    gap.start();
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        longest = std::max(longest, static_cast<double>(gap.nsecsElapsed()) / 1e6);
        gap.restart();
    });
    std::vector<double> progressMs;
    QObject::connect(view.findChild<BackgroundJob*>(QStringLiteral("evaluation")),
                     &BackgroundJob::progressChanged, &view, [&] {
                         QElapsedTimer repaint;
                         repaint.start();
                         (void)view.grab();
                         progressMs.push_back(static_cast<double>(repaint.nsecsElapsed()) / 1e6);
                     });
    tick.start();
    waitFor(&view, &PredictionsView::evaluationReady);
    paint(view);
    tick.stop();
    report("predictions", "GZSL evaluated and shown",
           {static_cast<double>(clock.nsecsElapsed()) / 1e6});
    if (!progressMs.empty())
        report("predictions", "GZSL progress step and repaint", progressMs);
    report("predictions", "longest GUI stall during GZSL", {longest});
    report("predictions", "switch ZSL / GZSL", timeUpdates(view, 10, [&](int i) {
               view.setSetting(i % 2 ? Setting::Zsl : Setting::Gzsl);
           }));
    report("predictions", "filter to a class's row", timeUpdates(view, 10, [&](int i) {
               view.showCell(in.data->unseenClasses()[static_cast<std::size_t>(i)],
                             PredictionFilter::kAnyClass);
           }));
}

void benchQuery(const Loaded& in)
{
    QueryView view;
    view.resize(1280, 800);
    view.show();
    report("query", "first frame",
           {firstFrame(view, [&] { view.setModelAndDataset(in.model, in.data); })});
    report("query", "show another sample (all bars)", timeUpdates(view, 10, [&](int i) {
               view.showSample((i * 7919) % in.data->sampleCount());
           }));
    report("query", "τ step", timeUpdates(view, 10, [&](int i) { view.setTau(0.01 * i); }));
    view.setTopK(30);
    report("query", "show another sample (top 30)", timeUpdates(view, 10, [&](int i) {
               view.showSample((i * 7919 + 1) % in.data->sampleCount());
           }));
}

void benchEmbedding(const Loaded& in)
{
    EmbeddingView view;
    view.resize(1280, 800);
    view.show();
    report("embedding", "first frame (map input and PCA)", {firstFrame(view, [&] {
               view.setModelAndDataset(in.model, in.data);
               waitFor(&view, &EmbeddingView::mapShown);
           })});
    for (const QString& filter : {QStringLiteral("class 19"), QStringLiteral("class 19999")})
        report("embedding", qPrintable(QStringLiteral("filter \"%1\", then none").arg(filter)),
               timeUpdates(view, 10, [&](int i) {
                   view.classLegend()->setFilter(i % 2 ? QString() : filter);
               }));
    const std::vector<std::int32_t> unseen = in.data->unseenClasses();
    report("embedding", "highlight a class", timeUpdates(view, 10, [&](int i) {
               view.classLegend()->highlightClass(unseen[static_cast<std::size_t>(i)]);
           }));
    // Samples the subsample left out: added, mapped again, ringed.
    std::vector<std::int64_t> missing;
    for (const std::int64_t s : in.data->split(Split::TestUnseen))
        if (!view.mapPoint(s) && missing.size() < 5)
            missing.push_back(s);
    if (!missing.empty())
        report("embedding", "select a sample not on the map",
               timeUpdates(view, static_cast<int>(missing.size()), [&](int i) {
                   view.selectSample(missing[static_cast<std::size_t>(i)]);
                   waitFor(&view, &EmbeddingView::mapShown);
               }));
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: bench_views DATASET.h5 MODEL.h5 "
                             "dataset|training|predictions|query|embedding\n");
        return 2;
    }
    const QString view = QString::fromLocal8Bit(argv[3]);
    QElapsedTimer clock;
    clock.start();
    Loaded in;
    in.data = std::make_shared<const Dataset>(readDatasetFile(argv[1]));
    const double dataMs = static_cast<double>(clock.restart());
    in.state = std::make_shared<const ModelState>(readModelFile(argv[2]));
    in.model = std::make_shared<const RelationModel>(*in.state);
    (void)in.model->mappedClasses();
    const double modelMs = static_cast<double>(clock.restart());
    std::printf("%s: %lld classes, %lld samples, d %lld; loaded in %.0f ms, model in %.0f ms; "
                "%.0f MiB\n",
                argv[1], static_cast<long long>(in.data->classCount()),
                static_cast<long long>(in.data->sampleCount()),
                static_cast<long long>(in.data->featureDim()), dataMs, modelMs, peakMiB());
    const std::vector<std::pair<QString, std::function<void(const Loaded&)>>> benches = {
        {QStringLiteral("dataset"), benchDataset},
        {QStringLiteral("training"), benchTraining},
        {QStringLiteral("predictions"), benchPredictions},
        {QStringLiteral("query"), benchQuery},
        {QStringLiteral("embedding"), benchEmbedding}};
    for (const auto& [name, bench] : benches)
        if (name == view) {
            bench(in);
            std::printf("%-12s peak memory %.0f MiB\n", argv[3], peakMiB());
            return 0;
        }
    std::fprintf(stderr, "bench_views: no view '%s'\n", argv[3]);
    return 2;
}
