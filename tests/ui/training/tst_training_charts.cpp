// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_charts.h"
#include "training/training_charts_axes.h"
#include "training/training_charts_legend.h"
#include "training/training_charts_view.h"

#include <semrel/reports/history_csv.h>

#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTest>
#include <QValueAxis>

#include <cmath>

using namespace semrel;
using namespace semrel::ui;

namespace {

// An epoch whose ZSL accuracy is `zsl` (a fraction) and whose loss falls with the epoch.
EpochReport epoch(int number, double zsl)
{
    EpochReport report;
    report.epoch = number;
    report.loss = 2.0 / number;
    report.o1 = 1.0 / number;
    report.o2 = 0.5 / number;
    report.o3 = 0.5 / number;
    report.zslAccuracy = zsl;
    return report;
}

TrainingConfig config(double lambda1)
{
    TrainingConfig c;
    c.tau = 0.2;
    c.lambda1 = lambda1;
    return c;
}

} // namespace

class TestTrainingCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTicksEndOnMultiplesOfOneTwoOrFive();
    void batchPointsArriveWithinTheEpochs();
    void batchPointsOfALongEpochAreThinned();
    void bestEpochIsMarkedAtTheBestAccuracy();
    void bestEpochRingIsNotClippedAtTheLastEpoch();
    void accuracyAxisFitsTheData();
    void runsDifferingOnlyInLambda1AreLabelledApart();
    void overlayLegendIsOneEntryPerRunAfterEveryRun();
    void logScaleLeavesNoLossPointOut();
    void smoothingChangesTheShownPointsNotTheMeasured();
    void hoverDescribesTheNearestPoint();
};

void TestTrainingCharts::roundTicksEndOnMultiplesOfOneTwoOrFive()
{
    const RoundTicks ticks = roundTicks(19.49, 24.83, 6, 0.0, 100.0);
    QCOMPARE(ticks.step, 1.0);
    QCOMPARE(ticks.low, 19.0);
    QCOMPARE(ticks.high, 25.0);
    const RoundTicks wide = roundTicks(3.2, 87.0, 6, 0.0, 100.0);
    QCOMPARE(wide.step, 20.0);
    QCOMPARE(wide.low, 0.0);
    QCOMPARE(wide.high, 100.0);
    const RoundTicks hair = roundTicks(-0.004, 101.0, 6, -1e9, 1e9); // not a step below zero
    QCOMPARE(hair.low, 0.0);
    const RoundTicks one = roundTicks(0.5, 0.5, 6, 0.0, 100.0); // a single value gets a span
    QVERIFY(one.low < 0.5 && one.high > 0.5);
}

void TestTrainingCharts::batchPointsArriveWithinTheEpochs()
{
    TrainingCharts charts;
    charts.startRun(QStringLiteral("Run 1"), config(1.0), 2);
    for (int batch = 1; batch <= 4; ++batch)
        charts.addBatch({1, batch, 4, 1.0 / batch, 2.0 - 0.1 * batch});
    charts.flush();
    QLineSeries* running = charts.series(QString::fromUtf8(kRunningLossName));
    QVERIFY(running);
    QCOMPARE(running->count(), 4);
    QCOMPARE(running->at(0), QPointF(0.25, 1.9));
    QCOMPARE(running->at(3), QPointF(1.0, 1.6));
    QCOMPARE(charts.series(QStringLiteral("loss"))->count(), 0); // no epoch finished yet
    charts.addEpoch(epoch(1, 0.3));
    charts.flush();
    QCOMPARE(charts.series(QStringLiteral("loss"))->count(), 1);
}

void TestTrainingCharts::batchPointsOfALongEpochAreThinned()
{
    TrainingCharts charts;
    charts.startRun(QStringLiteral("Run 1"), config(1.0), 1);
    const int batches = 2000;
    for (int batch = 1; batch <= batches; ++batch)
        charts.addBatch({1, batch, batches, 1.0, 1.0 + 1.0 / batch});
    charts.flush();
    QLineSeries* running = charts.series(QString::fromUtf8(kRunningLossName));
    QVERIFY(running->count() <= TrainingCharts::kMaxBatchPointsPerEpoch + 1);
    QVERIFY(running->count() >= TrainingCharts::kMaxBatchPointsPerEpoch / 2);
    QCOMPARE(running->at(running->count() - 1).x(), 1.0); // the epoch's last batch is kept
}

void TestTrainingCharts::bestEpochIsMarkedAtTheBestAccuracy()
{
    TrainingCharts charts;
    charts.startRun(QStringLiteral("Run 1"), config(1.0), 5);
    QVERIFY(!charts.bestEpoch());
    for (const auto& [number, zsl] :
         {std::pair{1, 0.30}, {2, 0.52}, {3, 0.61}, {4, 0.58}, {5, 0.55}})
        charts.addEpoch(epoch(number, zsl));
    charts.flush();
    QCOMPARE(charts.bestEpoch()->epoch, 3);
    QCOMPARE(charts.bestMarker()->count(), 1);
    QCOMPARE(charts.bestMarker()->at(0), QPointF(3, 61.0));
    QCOMPARE(charts.bestEpochText(),
             QStringLiteral("Best epoch 3: ZSL 61.0 % (last, epoch 5: 55.0 %)"));
}

// A best epoch on the plot's edge (the last epoch, the highest value) gets room for its whole
// ring: the axes reach past it, without a tick beyond the round ones.
void TestTrainingCharts::bestEpochRingIsNotClippedAtTheLastEpoch()
{
    TrainingCharts charts;
    charts.resize(900, 600);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    charts.startRun(QStringLiteral("Run 1"), config(1.0), 4);
    for (const auto& [number, zsl] : {std::pair{1, 0.30}, {2, 0.40}, {3, 0.50}, {4, 0.60}})
        charts.addEpoch(epoch(number, zsl));
    charts.flush();
    QCOMPARE(charts.bestEpoch()->epoch, 4);
    QVERIFY2(charts.accuracyEpochAxis()->max() > 4.0,
             qPrintable(QString::number(charts.accuracyEpochAxis()->max())));
    QVERIFY2(charts.accuracyAxis()->max() > 60.0,
             qPrintable(QString::number(charts.accuracyAxis()->max())));
    QVERIFY(charts.accuracyEpochAxis()->max() < 4.0 + charts.accuracyEpochAxis()->tickInterval());
    // The ring's centre in pixels is a whole ring's radius inside the plot.
    const QRectF plot = charts.accuracyView()->chart()->plotArea();
    const QPointF centre =
        charts.accuracyView()->chart()->mapToPosition(QPointF(4, 60.0), charts.bestMarker());
    QVERIFY2(plot.right() - centre.x() >= 8.0 && centre.y() - plot.top() >= 8.0,
             qPrintable(QStringLiteral("%1, %2 in %3 to %4")
                            .arg(centre.x())
                            .arg(centre.y())
                            .arg(plot.right())
                            .arg(plot.top())));
}

void TestTrainingCharts::accuracyAxisFitsTheData()
{
    // SUN-like early accuracies, a few per cent: the axis must not span 0 to 100.
    TrainingCharts charts;
    charts.startRun(QStringLiteral("Run 1"), config(1.0), 3);
    charts.addEpoch(epoch(1, 0.021));
    charts.addEpoch(epoch(2, 0.034));
    charts.addEpoch(epoch(3, 0.048));
    charts.flush();
    QValueAxis* axis = charts.accuracyAxis();
    QVERIFY(axis->min() <= 2.1 && axis->max() >= 4.8);
    QVERIFY2(axis->max() - axis->min() <= 10.0,
             qPrintable(QStringLiteral("%1 to %2").arg(axis->min()).arg(axis->max())));
    QVERIFY(axis->min() >= 0.0);
}

void TestTrainingCharts::runsDifferingOnlyInLambda1AreLabelledApart()
{
    TrainingCharts charts;
    charts.startRun(QStringLiteral("Run 1"), config(1.0), 1);
    charts.addEpoch(epoch(1, 0.4));
    charts.startRun(QStringLiteral("Run 2"), config(0.5), 1);
    charts.addEpoch(epoch(1, 0.5));
    charts.flush();
    const std::vector<TrainingRun> runs = charts.runs();
    QCOMPARE(int(runs.size()), 2);
    QVERIFY2(runs[0].label != runs[1].label, qPrintable(runs[0].label));
    QVERIFY2(runs[0].label.contains(QStringLiteral("λ1 1")), qPrintable(runs[0].label));
    QVERIFY2(runs[1].label.contains(QStringLiteral("λ1 0.5")), qPrintable(runs[1].label));

    // The overlay's legend shows the same labels...
    QStringList legend;
    for (const TrainingChartsLegend::Entry& entry : charts.runsLegend()->entries())
        legend << entry.text;
    QVERIFY2(legend.contains(runs[0].label) && legend.contains(runs[1].label),
             qPrintable(legend.join(QStringLiteral(" | "))));
    // ...and so does the history table.
    std::vector<RunHistory> table;
    for (const TrainingRun& run : runs)
        table.push_back({run.label.toStdString(), run.history});
    const QString csv = QString::fromStdString(historyCsv(table));
    QVERIFY(csv.contains(runs[0].label));
    QVERIFY(csv.contains(runs[1].label));
}

void TestTrainingCharts::overlayLegendIsOneEntryPerRunAfterEveryRun()
{
    TrainingCharts charts;
    for (int run = 1; run <= 3; ++run) {
        charts.startRun(QStringLiteral("Run %1").arg(run), config(1.0 / run), 1);
        charts.addEpoch(epoch(1, 0.1 * run));
        charts.flush();
        // A lone run needs no legend; later, one line per run, never one per redraw.
        QCOMPARE(int(charts.runsLegend()->entries().size()), run == 1 ? 0 : run);
    }
    QCOMPARE(charts.overlaySeriesCount(), 2 * 2); // loss and ZSL of each earlier run
    charts.setOverlayVisible(false);
    QCOMPARE(charts.overlaySeriesCount(), 0);
    QCOMPARE(int(charts.runsLegend()->entries().size()), 0);
}

void TestTrainingCharts::logScaleLeavesNoLossPointOut()
{
    TrainingCharts charts;
    charts.startRun(QStringLiteral("Run 1"), config(1.0), 3);
    for (int number = 1; number <= 3; ++number)
        charts.addEpoch(epoch(number, 0.2));
    charts.setLogScale(true);
    charts.flush();
    QVERIFY(charts.logScale());
    QCOMPARE(charts.series(QStringLiteral("loss"))->count(), 3);
    charts.setLogScale(false);
    QCOMPARE(charts.series(QStringLiteral("loss"))->count(), 3);
}

void TestTrainingCharts::smoothingChangesTheShownPointsNotTheMeasured()
{
    TrainingCharts charts;
    charts.startRun(QStringLiteral("Run 1"), config(1.0), 4);
    for (const auto& [number, zsl] : {std::pair{1, 0.1}, {2, 0.9}, {3, 0.1}, {4, 0.9}})
        charts.addEpoch(epoch(number, zsl));
    charts.flush();
    QCOMPARE(charts.series(QStringLiteral("ZSL"))->at(1).y(), 90.0);
    charts.setSmoothing(0.6);
    const double smoothed = charts.series(QStringLiteral("ZSL"))->at(1).y();
    QVERIFY2(smoothed > 10.0 && smoothed < 90.0, qPrintable(QString::number(smoothed)));
    QCOMPARE(charts.bestEpoch()->epoch, 2); // judged by the measured values
}

void TestTrainingCharts::hoverDescribesTheNearestPoint()
{
    TrainingCharts charts;
    charts.resize(1000, 500);
    charts.startRun(QStringLiteral("Run 1"), config(1.0), 2);
    charts.addEpoch(epoch(1, 0.25));
    charts.addEpoch(epoch(2, 0.5));
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    charts.flush();
    TrainingChartView* view = charts.accuracyView();
    const QPointF at =
        view->chart()->mapToPosition(QPointF(1, 25.0), charts.series(QStringLiteral("ZSL")));
    const QString text = view->describeAt(view->mapFromScene(at));
    QVERIFY2(text.contains(QStringLiteral("ZSL")) && text.contains(QStringLiteral("25.0")),
             qPrintable(text));
    QVERIFY(view->describeAt(QPoint(2, 2)).isEmpty());
}

QTEST_MAIN(TestTrainingCharts)
#include "tst_training_charts.moc"
