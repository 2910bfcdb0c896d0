// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "metatypes.h"
#include "training/training_session.h"

#include <semrel/dataset/dataset.h>
#include <semrel/training/trainer.h>

#include <QWidget>

#include <memory>

class QAction;
class QSplitter;
class QTabWidget;

namespace semrel::ui {

class RunStatusView;
class TrainingCharts;
class TrainingForm;
class TuningView;

// The Training view: the hyper-parameter form, Start / Stop / Resume / Tune, a progress bar with
// the time left, the live charts and the tuning's grid points, and saving the model and
// exporting charts and history. What can be
// done when, and the run itself, belong to its TrainingSession; the panel shows them.
class TrainingPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TrainingPanel(QWidget* parent = nullptr);
    ~TrainingPanel() override;

    void setDataset(std::shared_ptr<const Dataset> data);
    // An opened model: its settings fill the form, its history joins the charts as an earlier
    // run, and it can be resumed when it carries optimiser state.
    void setModel(std::shared_ptr<const ModelState> model, const QString& label);

    bool isRunning() const { return m_session->isRunning(); }
    // True when there is a trained model to save (a run completed at least one epoch).
    bool hasResult() const { return m_session->model() != nullptr; }
    const TrainingResult* lastResult() const { return m_session->lastResult().get(); }

    // Writes the last result's model (atomic, via the core). Shows errors; returns success.
    bool saveModel(const QString& path);
    bool exportChartsPng(const QString& path);
    bool exportChartsSvg(const QString& path);
    bool exportHistoryCsv(const QString& path);

    // Actions for the window's menus; the panel's buttons show the same actions.
    QAction* startAction() const { return m_startAction; }
    QAction* stopAction() const { return m_stopAction; }
    QAction* resumeAction() const { return m_resumeAction; }
    QAction* tuneAction() const { return m_tuneAction; }
    QAction* saveModelAction() const { return m_saveModelAction; }
    QAction* exportPngAction() const { return m_exportPngAction; }
    QAction* exportSvgAction() const { return m_exportSvgAction; }
    QAction* exportCsvAction() const { return m_exportCsvAction; }

    TrainingForm* form() const { return m_form; }
    TrainingCharts* charts() const { return m_charts; }
    TuningView* tuningView() const { return m_tuningView; }
    TrainingSession* session() const { return m_session; }

    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray& layout);

public Q_SLOTS:
    // Starts training with the form's settings on the current dataset. Shows an error (and
    // changes nothing) when the settings are invalid or no dataset is open.
    void startTraining();
    void stopTraining();
    // Continues the last stopped run (or an opened checkpoint) up to the form's epoch count.
    void resumeTraining();
    // Tunes τ, λ1, λ2 over `grid` with the form's other settings (epochs > 0 replaces the
    // form's epochs for every run); the chosen point's model ends as a training's does. Shows an
    // error (and changes nothing) when it cannot start.
    void tune(const semrel::TuningGrid& grid, int epochs = 0);

Q_SIGNALS:
    void runningChanged(bool running);
    void threadsInUseChanged(int threads); // 0 when idle
    void epochFinished(const semrel::EpochReport& report);
    void trainingFinished(const semrel::TrainingResult& result);
    void trainingFailed(const QString& message);
    void statusMessage(const QString& message);
    void modelSaved(const QString& path);

private:
    void createActions();
    QWidget* makeControls();
    bool readForm(TrainingConfig* config);
    void updateActions();
    void onStateChanged(TrainingSession::State state);
    void onRunStarted(const TrainingConfig& config, int firstEpoch);
    void onFinished(const TrainingResult& result);
    void onFailed(const QString& message);
    void onTuningStarted();
    void onTuningFinished();
    void askAndTune();
    QString runLabel(const TrainingConfig& config) const;
    QString askPath(const QString& title, const QString& filter, const QString& suffix);

    TrainingSession* m_session;
    bool m_wasRunning = false; // for runningChanged()
    QString m_lastDirectory;

    TrainingForm* m_form;
    TrainingCharts* m_charts;
    RunStatusView* m_status;
    QSplitter* m_splitter;
    QTabWidget* m_views; // the curves and the tuning
    TuningView* m_tuningView;
    QAction* m_startAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_resumeAction = nullptr;
    QAction* m_tuneAction = nullptr;
    QAction* m_saveModelAction = nullptr;
    QAction* m_exportPngAction = nullptr;
    QAction* m_exportSvgAction = nullptr;
    QAction* m_exportCsvAction = nullptr;
};

} // namespace semrel::ui
