// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "stall_meter.h"
#include "training/training_charts.h"
#include "training/training_form.h"
#include "training/training_panel.h"
#include "training/training_worker.h"
#include "training/tune_dialog.h"
#include "training/tuning_view.h"
#include "training_fixture.h"

#include <semrel/model_file/model_file.h>
#include <semrel/runs/run_record.h>
#include <semrel/runs/run_store.h>

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace semrel;
using namespace semrel::ui;

class TestTrainingPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void startingTrainingDeliversEpochPointsIntoTheCharts();
    void stopEndsTheWorkerWithinOneBatch();
    void resumeContinuesAStoppedRunToTheFormsEpochs();
    void saveWritesAModelTheCoreLoads();
    void eventLoopKeepsAnsweringWhileTraining();
    void eventLoopStallsStayUnder50MsWhileTraining();
    void invalidSettingsShowAnErrorAndStartNothing();
    void earlierRunsAreOverlaidForComparison();
    void exportsChartsAndHistory();
    void stopInTheFirstEpochLeavesSaveDisabled();
    void tuneShowsEachPointThenTheChosenModel();
    void tuneCanBeCancelled();
    void tuneDialogChecksTheGrid();
    void tuneLetsValidationChooseTheAttributeStatistics();
    void theFormCarriesTheProtocolChoices();
    void aClosedFormMethodTrainsInTheWindow();
    void bf16MiningIsACheckBoxOffByDefault();
    void bf16MiningReachesTheModelAndItsRunRecord();

private:
    struct Measured
    {
        bool finished = false;
        int ticksWhileTraining = 0;
        qint64 longestStallMs = 0;
    };
    Measured trainWhileMeasuring();

    std::unique_ptr<TrainingPanel> makePanel(const TrainingConfig& config);

    std::shared_ptr<const Dataset> m_data;
};

void TestTrainingPanel::init()
{
    m_data = semrel::test::tinyTrainingDataset();
}

std::unique_ptr<TrainingPanel> TestTrainingPanel::makePanel(const TrainingConfig& config)
{
    auto panel = std::make_unique<TrainingPanel>();
    panel->resize(1100, 600);
    panel->show();
    panel->setDataset(m_data);
    panel->form()->setConfig(config);
    return panel;
}

void TestTrainingPanel::startingTrainingDeliversEpochPointsIntoTheCharts()
{
    auto panel = makePanel(semrel::test::tinyTrainingConfig(3));
    QSignalSpy epochs(panel.get(), &TrainingPanel::epochFinished);
    QSignalSpy finished(panel.get(), &TrainingPanel::trainingFinished);
    panel->startAction()->trigger();
    QVERIFY(panel->isRunning());
    QVERIFY(!panel->startAction()->isEnabled());
    QVERIFY(panel->stopAction()->isEnabled());
    QVERIFY(finished.wait(20000));
    QCOMPARE(epochs.count(), 3);

    TrainingCharts* charts = panel->charts();
    QTRY_COMPARE(charts->series(QStringLiteral("loss"))->count(), 3);
    QCOMPARE(charts->series(QStringLiteral("O1"))->count(), 3);
    QCOMPARE(charts->series(QStringLiteral("O3"))->count(), 3);
    // Trained on trainval: ZSL and GZSL are measured each epoch, validation is not.
    QCOMPARE(charts->series(QStringLiteral("ZSL"))->count(), 3);
    QCOMPARE(charts->series(QStringLiteral("GZSL H"))->count(), 3);
    QCOMPARE(charts->series(QStringLiteral("validation"))->count(), 0);
    const auto report = epochs.last().first().value<EpochReport>();
    QCOMPARE(charts->series(QStringLiteral("loss"))->at(2), QPointF(3, report.loss));
    QCOMPARE(charts->series(QStringLiteral("ZSL"))->at(2).y(), 100.0 * report.zslAccuracy);

    QVERIFY(!panel->isRunning());
    QVERIFY(panel->hasResult());
    QVERIFY(panel->saveModelAction()->isEnabled());
    QVERIFY(panel->startAction()->isEnabled());
}

void TestTrainingPanel::stopEndsTheWorkerWithinOneBatch()
{
    // Many batches per epoch, many epochs: only Stop can end this run in time.
    m_data = semrel::test::tinyTrainingDataset(/*samplesPerClass=*/200);
    TrainingConfig config = semrel::test::tinyTrainingConfig(1000);
    config.batchSize = 4;
    auto panel = makePanel(config);
    QSignalSpy epochs(panel.get(), &TrainingPanel::epochFinished);
    QSignalSpy finished(panel.get(), &TrainingPanel::trainingFinished);
    panel->startTraining();
    QVERIFY(epochs.wait(20000));

    QElapsedTimer clock;
    clock.start();
    panel->stopAction()->trigger();
    QVERIFY(finished.wait(10000));
    const qint64 stopMs = clock.elapsed();
    const int extraBatches = panel->session()->worker()->batchesAfterStopRequest();
    qInfo("stop took %lld ms and %d batch(es) after the request", stopMs, extraBatches);
    QVERIFY2(extraBatches <= 1, qPrintable(QString::number(extraBatches)));
    const auto result = finished.first().first().value<TrainingResult>();
    QVERIFY(result.stopped);
    QVERIFY(result.state.history.size() < 1000);
    QVERIFY(!panel->isRunning());
    QVERIFY(panel->resumeAction()->isEnabled());
}

void TestTrainingPanel::resumeContinuesAStoppedRunToTheFormsEpochs()
{
    TrainingConfig config = semrel::test::tinyTrainingConfig(1000);
    auto panel = makePanel(config);
    QSignalSpy epochs(panel.get(), &TrainingPanel::epochFinished);
    QSignalSpy finished(panel.get(), &TrainingPanel::trainingFinished);
    panel->startTraining();
    QVERIFY(epochs.wait(20000));
    panel->stopTraining();
    QVERIFY(finished.wait(10000));
    const int done = static_cast<int>(panel->lastResult()->state.history.size());
    QVERIFY(done >= 1);
    QVERIFY(panel->resumeAction()->isEnabled());

    panel->form()->setEpochs(done + 2);
    // The run goes on mining as it began, whatever the box now says.
    panel->form()->findChild<QCheckBox*>(QStringLiteral("bf16Mining"))->setChecked(true);
    finished.clear();
    panel->resumeAction()->trigger();
    QVERIFY(panel->isRunning());
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<TrainingResult>();
    QVERIFY(!result.stopped);
    QCOMPARE(int(result.state.history.size()), done + 2);
    QCOMPARE(result.state.history.back().epoch, done + 2);
    QVERIFY(!result.state.config.bf16Mining);
    QTRY_COMPARE(panel->charts()->series(QStringLiteral("loss"))->count(), done + 2);
}

void TestTrainingPanel::saveWritesAModelTheCoreLoads()
{
    auto panel = makePanel(semrel::test::tinyTrainingConfig(2));
    QVERIFY(!panel->saveModelAction()->isEnabled());
    QSignalSpy finished(panel.get(), &TrainingPanel::trainingFinished);
    panel->startTraining();
    QVERIFY(finished.wait(20000));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("model.h5"));
    QSignalSpy saved(panel.get(), &TrainingPanel::modelSaved);
    QVERIFY(panel->saveModel(path));
    QCOMPARE(saved.count(), 1);
    const ModelState loaded = readModelFile(path.toStdString());
    const ModelState& trained = panel->lastResult()->state;
    QCOMPARE(loaded.history.size(), std::size_t(2));
    QCOMPARE(loaded.classNames, trained.classNames);
    QCOMPARE(loaded.parameters.size(), trained.parameters.size());
    QCOMPARE(loaded.parameters.front().values, trained.parameters.front().values);
    QCOMPARE(loaded.config.network.encoderHidden, std::vector<int>{16});

    // A path that cannot be written gives a message, not a crash, and the result stays.
    QVERIFY(!panel->saveModel(dir.filePath(QStringLiteral("no/such/folder/model.h5"))));
    QTRY_VERIFY(panel->findChild<QMessageBox*>(QStringLiteral("errorDialog")));
    QVERIFY(panel->hasResult());
}

// A 12-epoch run with the stall meter going: the meter's longest gap, in ms, and the ticks it
// counted while the run was going (from startTraining() to trainingFinished()). `finished` is
// false when the window was not shown or the run did not end.
TestTrainingPanel::Measured TestTrainingPanel::trainWhileMeasuring()
{
    m_data = semrel::test::tinyTrainingDataset(/*samplesPerClass=*/60);
    auto panel = makePanel(semrel::test::tinyTrainingConfig(12));
    // The first paint of the whole panel is start-up cost, not training: get it done first.
    Measured measured;
    if (!QTest::qWaitForWindowExposed(panel.get()))
        return measured;
    panel->repaint();
    QSignalSpy finished(panel.get(), &TrainingPanel::trainingFinished);
    semrel::test::StallMeter meter;
    connect(panel.get(), &TrainingPanel::trainingFinished, &meter,
            [&] { measured.ticksWhileTraining = meter.ticks(); });
    QElapsedTimer clock;
    clock.start();
    panel->startTraining();
    const qint64 startMs = clock.elapsed();
    const int ticksAtStart = meter.ticks();
    if (!finished.wait(60000))
        return measured;
    measured.finished = true;
    measured.ticksWhileTraining -= ticksAtStart;
    QTest::qWait(3 * TrainingCharts::kRedrawDelayMs); // the last coalesced redraw too
    qInfo("training took %lld ms; the event loop ticked %d times; longest stall %lld ms",
          clock.elapsed(), meter.ticks(), meter.longestMs());
    qInfo("startTraining() itself took %lld ms", startMs);
    qInfo("gaps over 20 ms: %s", qPrintable(meter.longGaps().join(QStringLiteral(", "))));
    measured.longestStallMs = meter.longestMs();
    return measured;
}

void TestTrainingPanel::eventLoopKeepsAnsweringWhileTraining()
{
    // Training runs off the GUI thread: the event loop went on ticking while it ran.
    const Measured measured = trainWhileMeasuring();
    QVERIFY(measured.finished);
    QVERIFY2(measured.ticksWhileTraining > 0,
             qPrintable(QString::number(measured.ticksWhileTraining)));
}

// Label `timing` only (tests/CMakeLists.txt): a wall-clock limit.
void TestTrainingPanel::eventLoopStallsStayUnder50MsWhileTraining()
{
    if (!semrel::test::timingTestsEnabled())
        QSKIP("a wall-clock limit: run with ctest --preset timing");
    const Measured measured = trainWhileMeasuring();
    QVERIFY(measured.finished);
    QVERIFY2(measured.longestStallMs < 50, qPrintable(QString::number(measured.longestStallMs)));
}

void TestTrainingPanel::invalidSettingsShowAnErrorAndStartNothing()
{
    auto panel = makePanel(semrel::test::tinyTrainingConfig(2));
    auto* encoder = panel->form()->findChildren<QLineEdit*>().first();
    encoder->setText(QStringLiteral("sixteen"));
    QSignalSpy running(panel.get(), &TrainingPanel::runningChanged);
    panel->startTraining();
    QVERIFY(!panel->isRunning());
    QCOMPARE(running.count(), 0);
    auto* box = panel->findChild<QMessageBox*>(QStringLiteral("errorDialog"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("sixteen")), qPrintable(box->text()));

    // Without a dataset there is nothing to train on.
    TrainingPanel empty;
    QVERIFY(!empty.startAction()->isEnabled());
    empty.startTraining();
    QVERIFY(!empty.isRunning());
}

void TestTrainingPanel::earlierRunsAreOverlaidForComparison()
{
    auto panel = makePanel(semrel::test::tinyTrainingConfig(2));
    QSignalSpy finished(panel.get(), &TrainingPanel::trainingFinished);
    panel->startTraining();
    QVERIFY(finished.wait(20000));
    QCOMPARE(panel->charts()->overlaySeriesCount(), 0);
    panel->startTraining();
    QVERIFY(finished.wait(20000));
    // Run 1 as a dashed loss curve and a dashed ZSL curve.
    QCOMPARE(panel->charts()->overlaySeriesCount(), 2);
    QCOMPARE(int(panel->charts()->runs().size()), 2);
    panel->charts()->setOverlayVisible(false);
    QCOMPARE(panel->charts()->overlaySeriesCount(), 0);
}

void TestTrainingPanel::exportsChartsAndHistory()
{
    auto panel = makePanel(semrel::test::tinyTrainingConfig(2));
    QSignalSpy finished(panel.get(), &TrainingPanel::trainingFinished);
    panel->startTraining();
    QVERIFY(finished.wait(20000));
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("charts.png"));
    const QString svg = dir.filePath(QStringLiteral("charts.svg"));
    const QString csv = dir.filePath(QStringLiteral("history.csv"));
    QVERIFY(panel->exportChartsPng(png));
    QVERIFY(panel->exportChartsSvg(svg));
    QVERIFY(panel->exportHistoryCsv(csv));

    QImage image(png);
    QCOMPARE(image.size(), panel->charts()->size() * panel->charts()->devicePixelRatio());
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    QVERIFY(svgText.contains("<svg"));
    QVERIFY(svgText.contains("Training objective"));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(csvFile.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 2);
    QVERIFY(lines[0].startsWith(QStringLiteral("run,label,epoch,loss")));
    QVERIFY(lines[2].startsWith(QStringLiteral("1,\"Run 1")));
    // Validation was not measured: an empty cell, not "nan".
    QVERIFY(!lines[2].contains(QStringLiteral("nan")));
}

void TestTrainingPanel::stopInTheFirstEpochLeavesSaveDisabled()
{
    // Many batches in an epoch, stopped at once: no epoch ends, so there is no model.
    m_data = semrel::test::tinyTrainingDataset(/*samplesPerClass=*/200);
    TrainingConfig config = semrel::test::tinyTrainingConfig(1000);
    config.batchSize = 4;
    auto panel = makePanel(config);
    QSignalSpy finished(panel.get(), &TrainingPanel::trainingFinished);
    panel->startTraining();
    panel->stopTraining();
    QVERIFY(finished.wait(20000));
    QVERIFY(!panel->hasResult());
    QVERIFY(!panel->saveModelAction()->isEnabled());
    QVERIFY(!panel->resumeAction()->isEnabled());
    QVERIFY(!panel->saveModel(QDir::temp().filePath(QStringLiteral("never-written.h5"))));
    QVERIFY(!QFile::exists(QDir::temp().filePath(QStringLiteral("never-written.h5"))));
    auto* progress = panel->findChild<QProgressBar*>(QStringLiteral("trainingProgress"));
    QVERIFY2(progress->format().contains(QStringLiteral("no model")),
             qPrintable(progress->format()));
}

void TestTrainingPanel::tuneShowsEachPointThenTheChosenModel()
{
    auto panel = makePanel(semrel::test::tinyTrainingConfig(2));
    TuningGrid grid;
    grid.taus = {0.0, 0.4};
    grid.lambda1s = {1.0};
    grid.lambda2s = {0.5, 1.0};
    QSignalSpy finished(panel.get(), &TrainingPanel::trainingFinished);
    QSignalSpy running(panel.get(), &TrainingPanel::runningChanged);
    QVERIFY(panel->tuneAction()->isEnabled());
    panel->tune(grid);
    QVERIFY(panel->isRunning());
    QVERIFY(!panel->tuneAction()->isEnabled());
    QVERIFY(panel->stopAction()->isEnabled());
    QVERIFY(!panel->form()->isEnabled());
    TuningView* view = panel->tuningView();
    QVERIFY(view->isVisible()); // the Tuning tab comes to the front
    QTableWidget* table = view->table();
    QCOMPARE(table->rowCount(), 4);
    QVERIFY(finished.wait(60000));

    const TuningOutcome& outcome = panel->session()->tuning();
    QCOMPARE(int(outcome.points.size()), 4);
    for (const TuningPointResult& p : outcome.points) {
        const QString shown = table->item(p.index, TuningView::AccuracyColumn)->text();
        QCOMPARE(shown, QString::number(100.0 * p.validationAccuracy, 'f', 1));
        QVERIFY(qAbs(view->barValue(p.index) - 100.0 * p.validationAccuracy) < 1e-9);
        QCOMPARE(table->item(p.index, TuningView::TauColumn)->text(), QString::number(p.point.tau));
    }
    const int chosen = outcome.points[static_cast<std::size_t>(outcome.chosen)].index;
    QCOMPARE(view->chosenBar(), chosen);
    QVERIFY(table->item(chosen, TuningView::PointColumn)->font().bold());
    // Ends as a training does: the chosen point's model, its curves, Save.
    QVERIFY(!panel->isRunning());
    QCOMPARE(running.count(), 2);
    QVERIFY(panel->hasResult());
    QVERIFY(panel->saveModelAction()->isEnabled());
    QTRY_COMPARE(panel->charts()->series(QStringLiteral("loss"))->count(), 2);
    const auto result = finished.first().first().value<TrainingResult>();
    QCOMPARE(result.state.config.tau,
             outcome.points[static_cast<std::size_t>(outcome.chosen)].point.tau);
}

void TestTrainingPanel::tuneCanBeCancelled()
{
    auto panel = makePanel(semrel::test::tinyTrainingConfig(100000));
    QSignalSpy finished(panel.get(), &TrainingPanel::trainingFinished);
    QSignalSpy running(panel.get(), &TrainingPanel::runningChanged);
    QSignalSpy tuningProgress(panel->session(), &TrainingSession::tuningProgress);
    panel->tune(TuningGrid{});
    QVERIFY(panel->isRunning());
    QVERIFY(tuningProgress.wait(20000)); // the first grid point is training
    panel->stopAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isRunning(), 20000);
    QCOMPARE(finished.count(), 0);
    QVERIFY(!panel->hasResult());
    QVERIFY(panel->tuneAction()->isEnabled());
    auto* progress = panel->findChild<QProgressBar*>(QStringLiteral("trainingProgress"));
    QVERIFY2(progress->format().contains(QStringLiteral("no model")),
             qPrintable(progress->format()));
}

void TestTrainingPanel::tuneDialogChecksTheGrid()
{
    TrainingConfig base = semrel::test::tinyTrainingConfig(7);
    TuneDialog dialog(base);
    QCOMPARE(dialog.problem(), QString());
    QCOMPARE(dialog.epochs(), 7);
    const TuningGrid defaults;
    QCOMPARE(dialog.grid().taus, defaults.taus);
    TuningGrid grid;
    grid.taus = {0.1, 0.3};
    grid.lambda1s = {1.0};
    grid.lambda2s = {0.25};
    dialog.setGrid(grid);
    QCOMPARE(dialog.problem(), QString());
    QCOMPARE(dialog.grid().taus, grid.taus);
    QVERIFY(dialog.findChild<QLabel*>() != nullptr);
    auto* taus = dialog.findChild<QLineEdit*>(QStringLiteral("taus"));
    auto* lambda1s = dialog.findChild<QLineEdit*>(QStringLiteral("lambda1s"));
    QVERIFY(taus && lambda1s);
    lambda1s->setText(QStringLiteral("1, one"));
    QVERIFY2(dialog.problem().contains(QStringLiteral("'one'")), qPrintable(dialog.problem()));
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    lambda1s->setText(QStringLiteral("1"));
    taus->setText(QStringLiteral("0, 1.5")); // τ beyond (-1, 1]: the core refuses it
    QVERIFY(!dialog.problem().isEmpty());
    taus->setText(QStringLiteral("0"));
    QCOMPARE(dialog.problem(), QString());
    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());

    // Letting validation choose the attribute statistics tries every point with both.
    auto* chooseStats = dialog.findChild<QCheckBox*>(QStringLiteral("chooseAttributeStats"));
    QVERIFY(chooseStats && chooseStats->isEnabled() && !chooseStats->isChecked());
    QVERIFY(dialog.grid().attributeStats.empty()); // the form's choice
    const auto pointsShown = [&] {
        QStringList texts;
        for (const QLabel* label : dialog.findChildren<QLabel*>())
            texts << label->text();
        return texts.join('\n');
    };
    QVERIFY2(pointsShown().contains(QStringLiteral("1 distinct point")), qPrintable(pointsShown()));
    chooseStats->setChecked(true);
    QCOMPARE(dialog.grid().attributeStats,
             (std::vector<AttributeStats>{AttributeStats::Seen, AttributeStats::All}));
    QVERIFY2(pointsShown().contains(QStringLiteral("2 distinct point")), qPrintable(pointsShown()));
    grid.attributeStats = {AttributeStats::Seen, AttributeStats::All};
    TuneDialog again(base);
    again.setGrid(grid);
    QVERIFY(again.findChild<QCheckBox*>(QStringLiteral("chooseAttributeStats"))->isChecked());
}

void TestTrainingPanel::tuneLetsValidationChooseTheAttributeStatistics()
{
    auto panel = makePanel(semrel::test::tinyTrainingConfig(1));
    TuningGrid grid;
    grid.taus = {0.0};
    grid.lambda1s = {1.0};
    grid.lambda2s = {1.0};
    grid.attributeStats = {AttributeStats::Seen, AttributeStats::All};
    QSignalSpy finished(panel.get(), &TrainingPanel::trainingFinished);
    panel->tune(grid);
    QTableWidget* table = panel->tuningView()->table();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, TuningView::AttributesColumn)->text(), QStringLiteral("seen"));
    QCOMPARE(table->item(1, TuningView::AttributesColumn)->text(), QStringLiteral("all"));
    QVERIFY(finished.wait(60000));
    const TuningOutcome& outcome = panel->session()->tuning();
    QCOMPARE(int(outcome.points.size()), 2);
    const TuningPoint& chosen = outcome.points[static_cast<std::size_t>(outcome.chosen)].point;
    const auto result = finished.first().first().value<TrainingResult>();
    QCOMPARE(result.state.config.attributeStats, chosen.attributeStats);
}

void TestTrainingPanel::theFormCarriesTheProtocolChoices()
{
    TrainingConfig config = semrel::test::tinyTrainingConfig(2);
    config.attributeStats = AttributeStats::All;
    config.tuningSplits = TuningSplits::Raw;
    config.method = Method::Sae;
    config.saeLambda = 0.25;
    config.saeDirection = SaeDirection::VisualToSemantic;
    auto panel = makePanel(config);
    const TrainingConfig back = panel->form()->config();
    QCOMPARE(back.method, Method::Sae);
    QCOMPARE(back.attributeStats, AttributeStats::All);
    QCOMPARE(back.tuningSplits, TuningSplits::Raw);
    QCOMPARE(back.saeLambda, 0.25);
    QCOMPARE(back.saeDirection, SaeDirection::VisualToSemantic);

    // Through the settings too, as a restart would.
    TrainingForm other;
    other.setValues(panel->form()->values());
    QCOMPARE(other.config().attributeStats, AttributeStats::All);
    QCOMPARE(other.config().saeDirection, SaeDirection::VisualToSemantic);
}

void TestTrainingPanel::aClosedFormMethodTrainsInTheWindow()
{
    TrainingConfig config = semrel::test::tinyTrainingConfig(1);
    config.method = Method::Eszsl;
    config.eszslGamma = 0.1;
    config.eszslLambda = 10.0;
    auto panel = makePanel(config);
    QSignalSpy finished(panel.get(), &TrainingPanel::trainingFinished);
    panel->startTraining();
    QVERIFY(finished.wait(20000));
    const auto model = panel->session()->model();
    QVERIFY(model);
    QCOMPARE(model->config.method, Method::Eszsl);
    QCOMPARE(model->config.eszslGamma, 0.1);
    QCOMPARE(model->config.eszslLambda, 10.0);
    QCOMPARE(model->history.size(), std::size_t{1});
    QVERIFY(!std::isnan(model->history.back().zslAccuracy));

    // Its Tune dialog searches ESZSL's own grid: 7 γ × 7 λ, no τ or λ lists.
    TuneDialog dialog(config);
    QVERIFY(!dialog.findChild<QLineEdit*>(QStringLiteral("taus"))->isEnabled());
    QStringList texts;
    for (const QLabel* label : dialog.findChildren<QLabel*>())
        texts << label->text();
    QVERIFY2(!texts.filter(QStringLiteral("49 point")).isEmpty(), qPrintable(texts.join('\n')));
}

void TestTrainingPanel::bf16MiningIsACheckBoxOffByDefault()
{
    TrainingForm form;
    auto* box = form.findChild<QCheckBox*>(QStringLiteral("bf16Mining"));
    QVERIFY(box);
    QVERIFY(!box->isChecked());
    QVERIFY(!form.config().bf16Mining);
    QVERIFY(box->toolTip().contains(QStringLiteral("bfloat16")));
    QVERIFY(box->toolTip().contains(QStringLiteral("not bit-identical")));
    const QVariantMap exact = form.values();

    box->setChecked(true);
    QVERIFY(form.config().bf16Mining);
    // Remembered across a restart, and a setting saved before the box existed leaves it off.
    TrainingForm other;
    other.setValues(form.values());
    QVERIFY(other.config().bf16Mining);
    QVariantMap older = form.values();
    older.remove(QStringLiteral("bf16Mining"));
    TrainingForm fresh;
    fresh.setValues(older);
    QVERIFY(!fresh.config().bf16Mining);
    other.setValues(exact);
    QVERIFY(!other.config().bf16Mining);

    // A loaded configuration sets it; the closed forms mine nothing, so it is greyed out there.
    TrainingConfig config;
    config.bf16Mining = true;
    fresh.setConfig(config);
    QVERIFY(box->isEnabled());
    QVERIFY(fresh.config().bf16Mining);
    config.method = Method::Eszsl;
    form.setConfig(config);
    QVERIFY(!box->isEnabled());
}

void TestTrainingPanel::bf16MiningReachesTheModelAndItsRunRecord()
{
    TrainingConfig config = semrel::test::tinyTrainingConfig(1);
    auto panel = makePanel(config);
    panel->form()->findChild<QCheckBox*>(QStringLiteral("bf16Mining"))->setChecked(true);
    QSignalSpy finished(panel.get(), &TrainingPanel::trainingFinished);
    panel->startTraining();
    QVERIFY(finished.wait(20000));
    const auto model = panel->session()->model();
    QVERIFY(model);
    QVERIFY(model->config.bf16Mining);

    QTemporaryDir dir;
    const RunStore store(dir.path().toStdString());
    store.add(recordOfModel(*model, m_data.get(), RunKind::Training, "test"));
    const std::vector<RunRecord> runs = store.load();
    QCOMPARE(runs.size(), std::size_t{1});
    QVERIFY(runs[0].config.bf16Mining);
}

QTEST_MAIN(TestTrainingPanel)
#include "tst_training_panel.moc"
