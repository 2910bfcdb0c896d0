// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The Runs view: runs kept on disk across a restart, runs that differ only in λ1 told apart in
// the table, the overlay and the exported CSV, class-by-class comparison, deletion, and the
// window recording its trainings and opened models (one row per model file), following the
// folder as the command line adds runs.
#include "app_settings.h"
#include "main_window.h"
#include "runs/class_comparison_view.h"
#include "runs/run_curves_view.h"
#include "runs/run_recorder.h"
#include "runs/run_table_model.h"
#include "runs/runs_view.h"
#include "training/training_form.h"
#include "training/training_panel.h"
#include "training_fixture.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/model_file/model_file.h>
#include <semrel/runs/run_store.h>
#include <semrel/training/trainer.h>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace semrel;
using namespace semrel::ui;

namespace {

// A model trained for one epoch with λ1 = `lambda1`, everything else equal.
std::shared_ptr<const ModelState> trained(const Dataset& data, double lambda1)
{
    TrainingConfig config = test::tinyTrainingConfig(1);
    config.lambda1 = lambda1;
    const StopFlag stop;
    return std::make_shared<const ModelState>(Trainer(config).run(data, stop).state);
}

// Runs are recorded off the GUI thread (a final model is evaluated first).
#define WAIT_FOR_ROWS(view, rows) QTRY_COMPARE_WITH_TIMEOUT((view).model()->rowCount(), rows, 20000)

QString cellText(const RunsView& view, int row, int column)
{
    return view.table()->model()->index(row, column).data().toString();
}

} // namespace

class TestRunsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aRunSurvivesARestart();
    void runsDifferingOnlyInLambda1AreToldApart();
    void comparesTwoRunsClassByClass();
    void filtersSortsAndDeletes();
    void showsRunsTheCommandLineAdded();
    void followsTheFolderWithoutReload();
    void theWindowRecordsItsTrainingAndTheSavedModel();

private:
    QString freshFolder();

    QTemporaryDir m_dir;
    std::shared_ptr<const Dataset> m_data;
    int m_folders = 0;
};

void TestRunsView::initTestCase()
{
    registerMetaTypes();
    m_data = test::tinyTrainingDataset();
}

QString TestRunsView::freshFolder()
{
    return m_dir.filePath(QStringLiteral("runs-%1").arg(++m_folders));
}

void TestRunsView::aRunSurvivesARestart()
{
    const QString folder = freshFolder();
    {
        RunsView view(folder);
        QSignalSpy recorded(view.recorder(), &RunRecorder::recorded);
        view.recorder()->recordModel(trained(*m_data, 1.0), m_data, RunKind::Training);
        QVERIFY(recorded.wait(20000));
        QCOMPARE(view.model()->rowCount(), 1);
    } // the window closes
    RunsView again(folder);
    WAIT_FOR_ROWS(again, 1);
    const RunRecord* run = again.model()->runAt(0);
    QCOMPARE(run->config.method, Method::Proposed);
    QCOMPARE(run->epochs, 1);
    QVERIFY(!std::isnan(run->zslAccuracy));
    QVERIFY(!run->zslPerClass.empty());
    QCOMPARE(cellText(again, 0, RunTableModel::MethodColumn), QStringLiteral("proposed"));
}

void TestRunsView::runsDifferingOnlyInLambda1AreToldApart()
{
    RunsView view(freshFolder());
    QSignalSpy recorded(view.recorder(), &RunRecorder::recorded);
    view.recorder()->recordModel(trained(*m_data, 0.5), m_data, RunKind::Training);
    view.recorder()->recordModel(trained(*m_data, 1.0), m_data, RunKind::Training);
    WAIT_FOR_ROWS(view, 2);

    // The table: λ1 has its own column, and the label names what differs.
    QStringList labels, lambda1s;
    for (int row = 0; row < 2; ++row) {
        labels << cellText(view, row, RunTableModel::LabelColumn);
        lambda1s << cellText(view, row, RunTableModel::Lambda1Column);
    }
    labels.sort();
    lambda1s.sort();
    QCOMPARE(labels, (QStringList{"λ1 0.5", "λ1 1"}));
    QCOMPARE(lambda1s, (QStringList{"0.5", "1"}));

    // The overlay: one curve per run, named by its λ1.
    view.selectRows({0, 1});
    QStringList curves = view.curves()->seriesNames();
    curves.sort();
    QCOMPARE(curves, (QStringList{"λ1 0.5", "λ1 1"}));
    view.curves()->setCurve(RunCurvesView::Curve::SeenUnseen);
    QCOMPARE(view.curves()->seriesNames().filter(QStringLiteral("λ1 0.5")).size(), 1);

    // The exported CSV: both runs, their λ1 and their labels.
    const QString csv = m_dir.filePath(QStringLiteral("runs.csv"));
    QVERIFY(view.exportCsv(csv));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QString rows = lines[1] + '\n' + lines[2];
    QVERIFY2(rows.contains(QStringLiteral(",\"λ1 0.5\",proposed,0,0.5,")), qPrintable(rows));
    QVERIFY2(rows.contains(QStringLiteral(",\"λ1 1\",proposed,0,1,")), qPrintable(rows));
}

void TestRunsView::comparesTwoRunsClassByClass()
{
    RunsView view(freshFolder());
    view.recorder()->recordModel(trained(*m_data, 0.5), m_data, RunKind::Training);
    view.recorder()->recordModel(trained(*m_data, 2.0), m_data, RunKind::Training);
    WAIT_FOR_ROWS(view, 2);
    view.selectRows({0, 1});
    QTableWidget* table = view.comparison()->table();
    QCOMPARE(table->rowCount(), static_cast<int>(m_data->unseenClasses().size()));
    const std::vector<RunRecord> selected = view.selectedRuns();
    const auto differences = compareClasses(selected[0], selected[1], false);
    QCOMPARE(table->item(0, 0)->text(), QString::fromStdString(differences[0].className));
    QCOMPARE(table->item(0, 3)->text(),
             QString::asprintf("%+.1f", 100.0 * differences[0].difference));
    view.selectRows({0});
    QCOMPARE(table->rowCount(), 0); // one run: nothing to compare
}

void TestRunsView::filtersSortsAndDeletes()
{
    const QString folder = freshFolder();
    RunsView view(folder);
    view.recorder()->recordModel(trained(*m_data, 0.5), m_data, RunKind::Training);
    view.recorder()->recordModel(trained(*m_data, 1.0), m_data, RunKind::LoadedModel);
    WAIT_FOR_ROWS(view, 2);
    view.setFilter(QStringLiteral("loaded"));
    QCOMPARE(view.shownRuns().size(), std::size_t{1});
    QCOMPARE(view.shownRuns()[0].kind, RunKind::LoadedModel);
    view.setFilter(QString());
    view.table()->sortByColumn(RunTableModel::Lambda1Column, Qt::AscendingOrder);
    QCOMPARE(view.shownRuns()[0].config.lambda1, 0.5);
    view.table()->sortByColumn(RunTableModel::Lambda1Column, Qt::DescendingOrder);
    QCOMPARE(view.shownRuns()[0].config.lambda1, 1.0);

    view.deleteRuns({view.shownRuns()[0].id});
    QCOMPARE(view.model()->rowCount(), 1);
    QCOMPARE(RunStore(folder.toStdString()).load().size(), std::size_t{1});
}

void TestRunsView::showsRunsTheCommandLineAdded()
{
    const QString folder = freshFolder();
    RunRecord fromCli =
        recordOfModel(*trained(*m_data, 1.0), m_data.get(), RunKind::Training, "semrel train");
    RunStore(folder.toStdString()).add(fromCli);
    RunsView view(folder);
    WAIT_FOR_ROWS(view, 1);
    QCOMPARE(view.model()->runAt(0)->source, std::string("semrel train"));

    // A run the command line adds while the window is open appears on Reload.
    fromCli.id.clear();
    fromCli.source = "semrel eval";
    RunStore(folder.toStdString()).add(fromCli);
    view.reloadAction()->trigger();
    WAIT_FOR_ROWS(view, 2);
}

void TestRunsView::followsTheFolderWithoutReload()
{
    // The folder does not exist yet when the window opens: the command line creates it.
    const QString folder = freshFolder();
    RunsView view(folder);
    const RunStore cli(folder.toStdString());
    RunRecord fromCli =
        recordOfModel(*trained(*m_data, 1.0), m_data.get(), RunKind::Training, "semrel train");
    const RunRecord first = cli.add(fromCli);
    WAIT_FOR_ROWS(view, 1);
    view.selectRows({0});

    fromCli.source = "semrel tune";
    const RunRecord second = cli.add(fromCli);
    WAIT_FOR_ROWS(view, 2);
    // Reading the folder again keeps what the user selected.
    QCOMPARE(view.selectedRuns().size(), std::size_t{1});
    QCOMPARE(view.selectedRuns()[0].id, first.id);

    RunRecord saved = second;
    saved.modelPath = "/elsewhere/m.h5";
    cli.update(saved);
    QTRY_COMPARE_WITH_TIMEOUT(view.model()->runs().back().modelPath, std::string("/elsewhere/m.h5"),
                              20000);
    cli.remove(first.id);
    WAIT_FOR_ROWS(view, 1);
    QCOMPARE(view.model()->runAt(0)->id, second.id);
}

void TestRunsView::theWindowRecordsItsTrainingAndTheSavedModel()
{
    const QString folder = freshFolder();
    qputenv("SEMREL_RUNS_DIR", folder.toUtf8());
    const QString dataPath = m_dir.filePath(QStringLiteral("tiny.h5"));
    writeDatasetFile(*m_data, dataPath.toStdString());
    AppSettings settings(m_dir.filePath(QStringLiteral("settings.ini")));
    {
        MainWindow window(settings);
        QCOMPARE(window.runsView()->recorder()->folder(), folder);
        QSignalSpy opened(&window, &MainWindow::datasetOpened);
        window.openFile(dataPath);
        QVERIFY(opened.wait(10000));
        window.trainingPanel()->form()->setConfig(test::tinyTrainingConfig(1));
        QSignalSpy finished(window.trainingPanel(), &TrainingPanel::trainingFinished);
        window.trainingPanel()->startTraining();
        QVERIFY(finished.wait(20000));
        WAIT_FOR_ROWS(*window.runsView(), 1);
        const QString model = m_dir.filePath(QStringLiteral("saved.h5"));
        QVERIFY(window.trainingPanel()->saveModel(model));
        QTRY_COMPARE_WITH_TIMEOUT(
            QString::fromStdString(window.runsView()->model()->runAt(0)->modelPath), model, 5000);

        // Opening the saved model twice gives one "loaded model" row, updated the second time.
        QSignalSpy recorded(window.runsView()->recorder(), &RunRecorder::recorded);
        for (int time = 1; time <= 2; ++time) {
            window.openFile(model);
            QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), time, 20000);
        }
        QCOMPARE(window.runsView()->model()->rowCount(), 2);
    }
    // After a restart the runs are there: the training with its model file, the opened model.
    std::vector<RunRecord> runs = RunStore(folder.toStdString()).load();
    QCOMPARE(runs.size(), std::size_t{2});
    QCOMPARE(runs[0].kind, RunKind::Training);
    QCOMPARE(runs[1].kind, RunKind::LoadedModel);
    for (const RunRecord& run : runs)
        QCOMPARE(QString::fromStdString(run.modelPath), m_dir.filePath(QStringLiteral("saved.h5")));
    qunsetenv("SEMREL_RUNS_DIR");
}

QTEST_MAIN(TestRunsView)
#include "tst_runs_view.moc"
