// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "metatypes.h"

#include <semrel/evaluation/relation_model.h>

#include <QMainWindow>

class QTabWidget;

namespace semrel::ui {

class AppSettings;
class BackgroundJob;
class DatasetView;
class DocumentLoader;
class EmbeddingView;
class PredictionsView;
class QueryView;
class RecentFiles;
class RunsView;
class StatusPanel;
class TrainingPanel;

// The SemRel Studio window: composes the Dataset, Training, Predictions, Query, Embedding and
// Runs views, the menus, the status bar and drag and drop, and remembers its layout in
// AppSettings. Owns no logic of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum View {
        DatasetTab = 0,
        TrainingTab = 1,
        PredictionsTab = 2,
        QueryTab = 3,
        EmbeddingTab = 4,
        RunsTab = 5
    };

    // `settings` must outlive the window.
    explicit MainWindow(AppSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a dataset file, an xlsa17 folder or a model file in the background. Errors appear
    // in a dialog and leave the window as it was.
    void openFile(const QString& path);
    void showView(View view);

    DatasetView* datasetView() const { return m_datasetView; }
    TrainingPanel* trainingPanel() const { return m_trainingPanel; }
    StatusPanel* statusPanel() const { return m_statusPanel; }
    PredictionsView* predictionsView() const { return m_predictionsView; }
    QueryView* queryView() const { return m_queryView; }
    EmbeddingView* embeddingView() const { return m_embeddingView; }
    RunsView* runsView() const { return m_runsView; }
    RecentFiles* recentFiles() const { return m_recentFiles; }

    // Writes geometry, splitters, the open view and the form to the settings (also on close).
    void saveSettings();

Q_SIGNALS:
    // After the views show what was opened.
    void datasetOpened(const QString& path);
    void modelOpened(const QString& path);
    void openFailed(const QString& path, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void restoreSettings();
    void onDatasetLoaded(std::shared_ptr<const Dataset> data, const QString& path);
    void onModelLoaded(std::shared_ptr<const ModelState> model, const QString& path);
    void onOpenFailed(const QString& path, const QString& message);
    // Tells the views which files no save or export may replace (openDocumentFiles()).
    void updateOpenFiles();
    void onTrainingFinished(const TrainingResult& result);
    void chooseFile();
    void chooseFolder();
    // Hands the open model and dataset to the exploration views when both are there.
    void showExploration();
    void buildExplorationModel();
    void setExplorationModel(std::shared_ptr<const RelationModel> model,
                             std::shared_ptr<const Dataset> data);
    void openInQuery(qint64 sample);
    // Every training, tuning point and opened model becomes a run of the Runs view.
    void connectRunRecording();

    AppSettings& m_settings;
    DocumentLoader* m_loader;
    BackgroundJob* m_modelBuild; // the RelationModel the exploration views share
    QTabWidget* m_tabs;
    DatasetView* m_datasetView;
    TrainingPanel* m_trainingPanel;
    StatusPanel* m_statusPanel;
    RecentFiles* m_recentFiles = nullptr;
    PredictionsView* m_predictionsView;
    QueryView* m_queryView;
    EmbeddingView* m_embeddingView;
    RunsView* m_runsView;
    std::shared_ptr<const Dataset> m_dataset;
    QString m_datasetPath;
    std::shared_ptr<const ModelState> m_model;
    QString m_modelPath;
};

} // namespace semrel::ui
