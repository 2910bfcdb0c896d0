// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "metatypes.h"
#include "training/time_left_estimator.h"

#include <semrel/dataset/dataset.h>
#include <semrel/training/trainer.h>

#include <QPointer>
#include <QTemporaryDir>
#include <QThread>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QSplitter;

namespace semrel::ui {

class TrainingCharts;
class TrainingForm;
class TrainingWorker;

// The Training view: the hyper-parameter form, Start / Stop / Resume, a progress bar with the
// time left, the live charts, and saving the model and exporting charts and history. Training
// runs the core Trainer in a TrainingWorker on a thread this panel owns.
class TrainingPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TrainingPanel(QWidget* parent = nullptr);
    // Stops a running training (within one batch) and waits for the thread to end.
    ~TrainingPanel() override;

    void setDataset(std::shared_ptr<const Dataset> data);
    // An opened model: its settings fill the form, its history joins the charts as an earlier
    // run, and it can be resumed when it carries optimiser state.
    void setModel(std::shared_ptr<const ModelState> model, const QString& label);

    bool isRunning() const { return m_running; }
    bool hasResult() const { return m_result != nullptr; }
    const TrainingResult* lastResult() const { return m_result.get(); }

    // Writes the last result's model (atomic, via the core). Shows errors; returns success.
    bool saveModel(const QString& path);
    bool exportChartsPng(const QString& path);
    bool exportChartsSvg(const QString& path);
    bool exportHistoryCsv(const QString& path);

    // Actions for the window's menus; the panel's buttons show the same actions.
    QAction* startAction() const { return m_startAction; }
    QAction* stopAction() const { return m_stopAction; }
    QAction* resumeAction() const { return m_resumeAction; }
    QAction* saveModelAction() const { return m_saveModelAction; }
    QAction* exportPngAction() const { return m_exportPngAction; }
    QAction* exportSvgAction() const { return m_exportSvgAction; }
    QAction* exportCsvAction() const { return m_exportCsvAction; }

    TrainingForm* form() const { return m_form; }
    TrainingCharts* charts() const { return m_charts; }
    TrainingWorker* worker() const { return m_worker; }
    QThread* workerThread() { return &m_thread; }

    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray& layout);

public Q_SLOTS:
    // Starts training with the form's settings on the current dataset. Shows an error (and
    // changes nothing) when the settings are invalid or no dataset is open.
    void startTraining();
    void stopTraining();
    // Continues the last stopped run (or an opened checkpoint) up to the form's epoch count.
    void resumeTraining();

Q_SIGNALS:
    void runningChanged(bool running);
    void threadsInUseChanged(int threads); // 0 when idle
    void epochFinished(const semrel::EpochReport& report);
    void trainingFinished(const semrel::TrainingResult& result);
    void trainingFailed(const QString& message);
    void statusMessage(const QString& message);
    void modelSaved(const QString& path);

    // To the worker (queued across threads).
    void trainRequested(const semrel::TrainingConfig& config,
                        std::shared_ptr<const semrel::Dataset> data);
    void resumeRequested(const semrel::TrainingConfig& config,
                         std::shared_ptr<const semrel::Dataset> data,
                         std::shared_ptr<const semrel::ModelState> checkpoint);

private:
    void createActions();
    QWidget* makeControls();
    bool prepareConfig(TrainingConfig* config);
    void setRunning(bool running);
    void updateActions();
    void onBatchProgress(int epoch, qint64 batch, qint64 batches);
    void onEpochFinished(const EpochReport& report);
    void onFinished(const TrainingResult& result);
    void onFailed(const QString& message);
    QString runLabel(const TrainingConfig& config) const;
    QString askPath(const QString& title, const QString& filter, const QString& suffix);

    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<const TrainingResult> m_result;
    std::shared_ptr<const ModelState> m_checkpoint; // what Resume continues from
    bool m_running = false;
    int m_runCount = 0;
    int m_runEpochs = 0;
    TimeLeftEstimator m_timeLeft;
    QTemporaryDir m_checkpointDir;
    QString m_lastDirectory;

    TrainingForm* m_form;
    TrainingCharts* m_charts;
    QProgressBar* m_progress;
    QLabel* m_resultLabel;
    QSplitter* m_splitter;
    QAction* m_startAction = nullptr;
    QAction* m_stopAction = nullptr;
    QAction* m_resumeAction = nullptr;
    QAction* m_saveModelAction = nullptr;
    QAction* m_exportPngAction = nullptr;
    QAction* m_exportSvgAction = nullptr;
    QAction* m_exportCsvAction = nullptr;

    QThread m_thread;
    TrainingWorker* m_worker; // lives on m_thread; deleted when it finishes
};

} // namespace semrel::ui
