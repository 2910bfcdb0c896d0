// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "main_window.h"

#include "app_settings.h"
#include "dataset/dataset_view.h"
#include "document_loader.h"
#include "embedding/embedding_view.h"
#include "error_dialog.h"
#include "jobs/background_job.h"
#include "output_check.h"
#include "predictions/predictions_view.h"
#include "query/query_view.h"
#include "recent_files.h"
#include "runs/run_recorder.h"
#include "runs/runs_view.h"
#include "status_panel.h"
#include "training/training_charts.h"
#include "training/training_form.h"
#include "training/training_panel.h"
#include "user_guide_dialog.h"

#include <semrel/dataset/dataset_summary.h>
#include <semrel/evaluation/model_fit.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTabWidget>

namespace semrel::ui {

namespace {

// "proposed, attributes all" or "sae, semantic-to-visual": the method and the protocol choice a
// model was trained with (the model file records it).
QString methodText(const TrainingConfig& c)
{
    const QString method = QString::fromUtf8(methodName(c.method));
    if (c.method == Method::Sae)
        return QStringLiteral("%1, %2").arg(method,
                                            QString::fromUtf8(saeDirectionName(c.saeDirection)));
    if (isClosedForm(c.method))
        return method;
    return QObject::tr("%1, attributes %2")
        .arg(method, QString::fromUtf8(attributeStatsName(c.attributeStats)));
}

// The first local file or folder among dropped URLs, or an empty string.
QString droppedPath(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile())
            return url.toLocalFile();
    }
    return {};
}

} // namespace

MainWindow::MainWindow(AppSettings& settings, QWidget* parent)
    : QMainWindow(parent), m_settings(settings), m_loader(new DocumentLoader(this)),
      m_modelBuild(new BackgroundJob(this)), m_tabs(new QTabWidget(this)),
      m_datasetView(new DatasetView(this)), m_trainingPanel(new TrainingPanel(this)),
      m_statusPanel(new StatusPanel(this)), m_predictionsView(new PredictionsView(this)),
      m_queryView(new QueryView(this)), m_embeddingView(new EmbeddingView(this)),
      m_runsView(new RunsView(defaultRunsFolder(), this))
{
    setWindowTitle(tr("SemRel Studio"));
    setAcceptDrops(true);
    m_tabs->setObjectName(QStringLiteral("views"));
    m_tabs->addTab(m_datasetView, tr("&Dataset"));
    m_tabs->addTab(m_trainingPanel, tr("&Training"));
    m_tabs->addTab(m_predictionsView, tr("&Predictions"));
    m_tabs->addTab(m_queryView, tr("&Query"));
    m_tabs->addTab(m_embeddingView, tr("&Embedding"));
    m_tabs->addTab(m_runsView, tr("&Runs"));
    m_queryView->setThumbnails(m_predictionsView->thumbnails());
    connect(m_predictionsView, &PredictionsView::sampleActivated, this, &MainWindow::openInQuery);
    connect(m_embeddingView, &EmbeddingView::sampleActivated, this, &MainWindow::openInQuery);
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    statusBar()->addPermanentWidget(m_statusPanel, 1);
    createMenus();

    connect(m_loader, &DocumentLoader::datasetLoaded, this, &MainWindow::onDatasetLoaded);
    connect(m_loader, &DocumentLoader::modelLoaded, this, &MainWindow::onModelLoaded);
    connect(m_loader, &DocumentLoader::failed, this, &MainWindow::onOpenFailed);
    connect(m_loader, &DocumentLoader::cancelled, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Opening %1 cancelled.").arg(QFileInfo(path).fileName()), 8000);
    });
    connect(m_trainingPanel, &TrainingPanel::threadsInUseChanged, m_statusPanel,
            &StatusPanel::setThreadsInUse);
    connect(m_trainingPanel, &TrainingPanel::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_trainingPanel, &TrainingPanel::trainingFinished, this,
            &MainWindow::onTrainingFinished);
    connect(m_trainingPanel, &TrainingPanel::modelSaved, this, [this](const QString& path) {
        m_statusPanel->setModel(tr("saved as %1").arg(QFileInfo(path).fileName()));
    });
    connect(m_trainingPanel, &TrainingPanel::runningChanged, this, [this](bool running) {
        if (running)
            m_statusPanel->setModel(tr("training…"));
    });
    m_modelBuild->setObjectName(QStringLiteral("modelBuild"));
    connect(m_modelBuild, &BackgroundJob::failed, this, [this](const QString& message) {
        showError(this, tr("Could not use the model"), message);
        setExplorationModel(nullptr, nullptr);
    });
    connectRunRecording();
    restoreSettings();
    showExploration(); // the empty views say what to do first
}

void MainWindow::connectRunRecording()
{
    RunRecorder* runs = m_runsView->recorder();
    TrainingSession* session = m_trainingPanel->session();
    connect(session, &TrainingSession::tuningPointFinished, this,
            [this, runs, session](const TuningPointResult& point) {
                runs->recordTuningPoint(session->tuning().base, point, m_dataset);
            });
    connect(m_trainingPanel, &TrainingPanel::modelSaved, this,
            [runs, session](const QString& path) {
                runs->noteModelSaved(session->model(), QFileInfo(path).absoluteFilePath());
            });
    connect(m_runsView, &RunsView::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open a dataset (.h5) or a model (.h5)"));
    QAction* folder =
        file->addAction(tr("Import xlsa17 &Folder…"), this, &MainWindow::chooseFolder);
    folder->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    m_recentFiles = new RecentFiles(file->addMenu(tr("Open &Recent")), this);
    connect(m_recentFiles, &RecentFiles::openRequested, this, &MainWindow::openFile);
    connect(m_recentFiles, &RecentFiles::changed, this,
            [this] { m_settings.setRecentFiles(m_recentFiles->files()); });
    file->addSeparator();
    file->addAction(m_trainingPanel->saveModelAction());
    file->addAction(m_trainingPanel->exportPngAction());
    file->addAction(m_trainingPanel->exportSvgAction());
    file->addAction(m_trainingPanel->exportCsvAction());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Dataset"), QKeySequence(Qt::CTRL | Qt::Key_1), this,
                    [this] { showView(DatasetTab); });
    view->addAction(tr("&Training"), QKeySequence(Qt::CTRL | Qt::Key_2), this,
                    [this] { showView(TrainingTab); });
    view->addAction(tr("&Predictions"), QKeySequence(Qt::CTRL | Qt::Key_3), this,
                    [this] { showView(PredictionsTab); });
    view->addAction(tr("&Query"), QKeySequence(Qt::CTRL | Qt::Key_4), this,
                    [this] { showView(QueryTab); });
    view->addAction(tr("&Embedding"), QKeySequence(Qt::CTRL | Qt::Key_5), this,
                    [this] { showView(EmbeddingTab); });
    view->addAction(tr("&Runs"), QKeySequence(Qt::CTRL | Qt::Key_6), this,
                    [this] { showView(RunsTab); });

    QMenu* training = menuBar()->addMenu(tr("&Training"));
    training->addAction(m_trainingPanel->startAction());
    training->addAction(m_trainingPanel->stopAction());
    training->addAction(m_trainingPanel->resumeAction());
    training->addSeparator();
    training->addAction(m_trainingPanel->tuneAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* guide = help->addAction(tr("&User Guide"), this, [this] { showUserGuide(this); });
    guide->setShortcut(QKeySequence::HelpContents);
    guide->setObjectName(QStringLiteral("userGuide"));
    help->addAction(tr("&About SemRel Studio"), this, [this] {
        QMessageBox::about(this, tr("About SemRel Studio"),
                           tr("<b>SemRel Studio %1</b><p>Zero-shot learning that preserves "
                              "semantic relations (Annadani &amp; Biswas, CVPR 2018).</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::restoreSettings()
{
    m_recentFiles->setFiles(m_settings.recentFiles());
    const QByteArray geometry = m_settings.widgetState(QStringLiteral("mainWindow/geometry"));
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
    restoreState(m_settings.widgetState(QStringLiteral("mainWindow/state")));
    m_datasetView->restoreLayout(m_settings.widgetState(QStringLiteral("datasetView/layout")));
    m_trainingPanel->restoreLayout(m_settings.widgetState(QStringLiteral("trainingPanel/layout")));
    m_predictionsView->restoreLayout(
        m_settings.widgetState(QStringLiteral("predictionsView/layout")));
    m_runsView->restoreLayout(m_settings.widgetState(QStringLiteral("runsView/layout")));
    m_datasetView->setTau(m_settings.tau());
    m_trainingPanel->form()->setValues(m_settings.trainingValues());
    showView(m_settings.currentView() == TrainingTab ? TrainingTab : DatasetTab);
}

void MainWindow::saveSettings()
{
    m_settings.setWidgetState(QStringLiteral("mainWindow/geometry"), saveGeometry());
    m_settings.setWidgetState(QStringLiteral("mainWindow/state"), saveState());
    m_settings.setWidgetState(QStringLiteral("datasetView/layout"), m_datasetView->saveLayout());
    m_settings.setWidgetState(QStringLiteral("trainingPanel/layout"),
                              m_trainingPanel->saveLayout());
    m_settings.setWidgetState(QStringLiteral("predictionsView/layout"),
                              m_predictionsView->saveLayout());
    m_settings.setWidgetState(QStringLiteral("runsView/layout"), m_runsView->saveLayout());
    m_settings.setTau(m_datasetView->tau());
    m_settings.setTrainingValues(m_trainingPanel->form()->values());
    m_settings.setCurrentView(m_tabs->currentIndex());
    m_settings.setRecentFiles(m_recentFiles->files());
    m_settings.sync();
}

void MainWindow::showView(View view)
{
    m_tabs->setCurrentIndex(view);
}

void MainWindow::openFile(const QString& path)
{
    if (!m_loader->open(path))
        statusBar()->showMessage(tr("Still opening the previous file; try again in a moment."),
                                 5000);
}

void MainWindow::chooseFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Dataset or Model"), m_settings.lastDirectory(),
                                     tr("SemRel files (*.h5);;All files (*)"));
    if (path.isEmpty())
        return;
    m_settings.setLastDirectory(QFileInfo(path).absolutePath());
    openFile(path);
}

void MainWindow::chooseFolder()
{
    const QString path = QFileDialog::getExistingDirectory(
        this, tr("Import xlsa17 Folder (res101.mat, att_splits.mat)"), m_settings.lastDirectory());
    if (path.isEmpty())
        return;
    m_settings.setLastDirectory(path);
    openFile(path);
}

void MainWindow::onDatasetLoaded(std::shared_ptr<const Dataset> data, const QString& path)
{
    m_statusPanel->setDataset(summarizeDataset(*data));
    m_datasetView->setDataset(data);
    m_trainingPanel->setDataset(data);
    m_queryView->setDatasetPath(path);
    m_dataset = data;
    m_datasetPath = path;
    updateOpenFiles();
    showExploration();
    m_recentFiles->add(path);
    setWindowTitle(tr("%1 — SemRel Studio").arg(QString::fromStdString(data->name)));
    for (const std::string& warning : data->warnings)
        qInfo("%s: %s", qPrintable(path), warning.c_str());
    if (!data->warnings.empty())
        statusBar()->showMessage(QString::fromStdString(data->warnings.front()), 10000);
    Q_EMIT datasetOpened(path);
}

void MainWindow::onModelLoaded(std::shared_ptr<const ModelState> model, const QString& path)
{
    const QString name = QFileInfo(path).fileName();
    m_statusPanel->setModel(tr("%1 (%2, %3 epochs, on %4)")
                                .arg(name, methodText(model->config))
                                .arg(model->history.size())
                                .arg(QString::fromStdString(model->datasetName)));
    m_trainingPanel->setModel(model, name);
    m_model = model;
    m_modelPath = path;
    updateOpenFiles();
    showExploration();
    m_runsView->recorder()->recordModel(model, m_dataset, RunKind::LoadedModel,
                                        QFileInfo(path).absoluteFilePath());
    m_recentFiles->add(path);
    showView(TrainingTab);
    Q_EMIT modelOpened(path);
}

void MainWindow::updateOpenFiles()
{
    const QStringList files = openDocumentFiles(m_datasetPath, m_modelPath);
    m_trainingPanel->setOpenFiles(files);
    m_queryView->setOpenFiles(files);
}

void MainWindow::onOpenFailed(const QString& path, const QString& message)
{
    showError(this, tr("Could not open %1").arg(QFileInfo(path).fileName()), message);
    Q_EMIT openFailed(path, message);
}

void MainWindow::onTrainingFinished(const TrainingResult& result)
{
    // The session's model shares the result's memory: no copy of the weights on this thread.
    const std::shared_ptr<const ModelState> model = m_trainingPanel->session()->model();
    if (!model) {
        // Stopped before its first epoch ended: the views keep what they showed.
        m_statusPanel->setModel(tr("stopped before the first epoch ended: no model"));
        return;
    }
    m_statusPanel->setModel(tr("%1, %2 epochs trained, %3")
                                .arg(methodText(model->config))
                                .arg(model->history.size())
                                .arg(result.stopped ? tr("stopped, not saved") : tr("not saved")));
    m_model = model;
    showExploration();
    m_runsView->recorder()->recordModel(model, m_dataset, RunKind::Training);
}

void MainWindow::showExploration()
{
    QString reason;
    // A model of another dataset (say, the demo's beside an AWA2 file) is not an error: the
    // exploration views say why they wait for a matching pair.
    if (m_model && m_dataset) {
        const std::optional<std::string> misfit =
            modelMisfit(*m_model, *m_dataset, QFileInfo(m_datasetPath).fileName().toStdString());
        if (!misfit) {
            buildExplorationModel();
            return;
        }
        reason = tr("The model does not fit this dataset: %1").arg(QString::fromStdString(*misfit));
    }
    m_modelBuild->discard(); // a model being built for an earlier pair
    setExplorationModel(nullptr, nullptr);
    // First steps: each empty view says what to do next.
    if (reason.isEmpty())
        reason = !m_dataset ? tr("Open a dataset (Ctrl+O), then train a model (F5) or open one.")
                            : tr("Train a model (F5) or open one (Ctrl+O) to explore it here.");
    m_predictionsView->setUnavailableReason(reason);
    m_queryView->setUnavailableReason(reason);
    m_embeddingView->setUnavailableReason(reason);
    m_trainingPanel->charts()->setGuideText(
        m_dataset ? tr("Press Train (F5) to train a model on %1; its curves appear here.")
                        .arg(QFileInfo(m_datasetPath).fileName())
                  : tr("Open a dataset (Ctrl+O), then press Train (F5): the curves appear here."));
}

void MainWindow::buildExplorationModel()
{
    // Copying the weights, building the network and mapping the classes takes about 0.1 s at
    // SUN's Table 1 size (docs/BENCHMARKS.md): off the GUI thread. Until it is there, the views
    // keep the pair they show.
    m_modelBuild->start(
        [model = m_model](JobContext&) {
            auto built = std::make_shared<const RelationModel>(*model);
            built->mappedClasses(); // computed once here, not by the first view that asks
            return built;
        },
        [this, data = m_dataset](std::shared_ptr<const RelationModel> model) {
            setExplorationModel(std::move(model), data);
        });
}

void MainWindow::setExplorationModel(std::shared_ptr<const RelationModel> model,
                                     std::shared_ptr<const Dataset> data)
{
    if (!model)
        data.reset();
    m_predictionsView->setModelAndDataset(model, data);
    m_queryView->setModelAndDataset(model, data);
    m_embeddingView->setModelAndDataset(model, data);
}

void MainWindow::openInQuery(qint64 sample)
{
    if (m_queryView->showSample(sample))
        showView(QueryTab);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedPath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = droppedPath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openFile(path);
}

} // namespace semrel::ui
