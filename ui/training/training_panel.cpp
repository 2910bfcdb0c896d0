// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_panel.h"

#include "chart_export.h"
#include "error_dialog.h"
#include "training/training_charts.h"
#include "training/training_form.h"
#include "training/training_worker.h"

#include <semrel/errors.h>
#include <semrel/model_file/model_file.h>
#include <semrel/reports/history_csv.h>

#include <QAction>
#include <QDataStream>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QIODevice>
#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace semrel::ui {

TrainingPanel::TrainingPanel(QWidget* parent)
    : QWidget(parent), m_form(new TrainingForm(this)), m_charts(new TrainingCharts(this)),
      m_progress(new QProgressBar(this)), m_resultLabel(new QLabel(this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)), m_worker(new TrainingWorker)
{
    registerMetaTypes();
    m_lastDirectory = QDir::homePath();
    createActions();

    // The worker has no parent so that it can move; QThread::finished deletes it on its thread.
    m_thread.setObjectName(QStringLiteral("semrel-training"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &TrainingPanel::trainRequested, m_worker, &TrainingWorker::train);
    connect(this, &TrainingPanel::resumeRequested, m_worker, &TrainingWorker::resume);
    connect(m_worker, &TrainingWorker::started, this, &TrainingPanel::threadsInUseChanged);
    connect(m_worker, &TrainingWorker::batchProgress, this, &TrainingPanel::onBatchProgress);
    connect(m_worker, &TrainingWorker::epochFinished, this, &TrainingPanel::onEpochFinished);
    connect(m_worker, &TrainingWorker::checkpointReady, this,
            [this](std::shared_ptr<const ModelState> checkpoint) {
                m_checkpoint = std::move(checkpoint);
            });
    connect(m_worker, &TrainingWorker::finished, this, &TrainingPanel::onFinished);
    connect(m_worker, &TrainingWorker::failed, this, &TrainingPanel::onFailed);
    m_thread.start();

    m_splitter->addWidget(makeControls());
    m_splitter->addWidget(m_charts);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);
    updateActions();
}

TrainingPanel::~TrainingPanel()
{
    m_worker->requestStop(); // leave the epoch loop first, or wait() blocks until training ends
    m_thread.quit();
    m_thread.wait();
}

void TrainingPanel::createActions()
{
    m_startAction = new QAction(tr("&Start Training"), this);
    m_startAction->setShortcut(Qt::Key_F5);
    m_stopAction = new QAction(tr("S&top Training"), this);
    m_stopAction->setShortcut(Qt::SHIFT | Qt::Key_F5);
    m_resumeAction = new QAction(tr("&Resume Training"), this);
    m_resumeAction->setShortcut(Qt::CTRL | Qt::Key_F5);
    m_saveModelAction = new QAction(tr("&Save Model…"), this);
    m_saveModelAction->setShortcut(QKeySequence::Save);
    m_exportPngAction = new QAction(tr("Export Charts as &PNG…"), this);
    m_exportSvgAction = new QAction(tr("Export Charts as S&VG…"), this);
    m_exportCsvAction = new QAction(tr("Export History as &CSV…"), this);
    // Menus show text(); the panel's buttons show the shorter iconText().
    m_startAction->setIconText(tr("Start"));
    m_stopAction->setIconText(tr("Stop"));
    m_resumeAction->setIconText(tr("Resume"));
    m_saveModelAction->setIconText(tr("Save model…"));
    m_exportPngAction->setIconText(tr("PNG…"));
    m_exportSvgAction->setIconText(tr("SVG…"));
    m_exportCsvAction->setIconText(tr("CSV…"));
    connect(m_startAction, &QAction::triggered, this, &TrainingPanel::startTraining);
    connect(m_stopAction, &QAction::triggered, this, &TrainingPanel::stopTraining);
    connect(m_resumeAction, &QAction::triggered, this, &TrainingPanel::resumeTraining);
    connect(m_saveModelAction, &QAction::triggered, this, [this] {
        const QString path = askPath(tr("Save Model"), tr("SemRel models (*.h5)"), "h5");
        if (!path.isEmpty())
            saveModel(path);
    });
    connect(m_exportPngAction, &QAction::triggered, this, [this] {
        const QString path = askPath(tr("Export Charts"), tr("PNG images (*.png)"), "png");
        if (!path.isEmpty())
            exportChartsPng(path);
    });
    connect(m_exportSvgAction, &QAction::triggered, this, [this] {
        const QString path = askPath(tr("Export Charts"), tr("SVG drawings (*.svg)"), "svg");
        if (!path.isEmpty())
            exportChartsSvg(path);
    });
    connect(m_exportCsvAction, &QAction::triggered, this, [this] {
        const QString path = askPath(tr("Export History"), tr("CSV files (*.csv)"), "csv");
        if (!path.isEmpty())
            exportHistoryCsv(path);
    });
}

QWidget* TrainingPanel::makeControls()
{
    auto* formBox = new QGroupBox(tr("Hyper-parameters"), this);
    auto* formLayout = new QVBoxLayout(formBox);
    formLayout->setContentsMargins(6, 6, 6, 6);
    auto* scroll = new QScrollArea(formBox);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    formLayout->addWidget(scroll);

    auto* buttons = new QGridLayout;
    const QList<QAction*> actions = {m_startAction,     m_stopAction,      m_resumeAction,
                                     m_saveModelAction, m_exportPngAction, m_exportSvgAction,
                                     m_exportCsvAction};
    for (int i = 0; i < actions.size(); ++i) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(actions[i]); // shows the action's short iconText
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        button->setObjectName(actions[i]->iconText());
        // Start / Stop / Resume / Save on the first row, the exports below.
        buttons->addWidget(button, i < 4 ? 0 : 1, i < 4 ? i : i - 4);
    }
    m_progress->setObjectName(QStringLiteral("trainingProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setFormat(tr("idle"));
    m_progress->setTextVisible(true);
    m_resultLabel->setWordWrap(true);
    m_resultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QWidget(this);
    auto* layout = new QVBoxLayout(controls);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(formBox, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_progress);
    layout->addWidget(m_resultLabel);
    return controls;
}

void TrainingPanel::setDataset(std::shared_ptr<const Dataset> data)
{
    // A running training keeps its own reference to the dataset it started with.
    m_data = std::move(data);
    m_checkpoint.reset(); // a checkpoint of another dataset cannot be resumed on this one
    if (m_data)
        m_form->selectPresetFor(QString::fromStdString(m_data->name));
    updateActions();
}

void TrainingPanel::setModel(std::shared_ptr<const ModelState> model, const QString& label)
{
    if (!model)
        return;
    m_form->setConfig(model->config);
    if (!model->history.empty())
        m_charts->addEarlierRun({label, model->history});
    if (!model->optimizerState.empty())
        m_checkpoint = std::move(model);
    updateActions();
}

bool TrainingPanel::prepareConfig(TrainingConfig* config)
{
    if (!m_data) {
        showError(this, tr("Training"), tr("Open a dataset first."));
        return false;
    }
    try {
        *config = m_form->config();
        validateConfig(*config);
    } catch (const std::exception& e) {
        showError(this, tr("Training settings"), QString::fromUtf8(e.what()));
        return false;
    }
    // A checkpoint after every epoch is what Resume continues from when the run is stopped.
    if (m_checkpointDir.isValid())
        config->checkpointPath =
            m_checkpointDir.filePath(QStringLiteral("checkpoint.h5")).toStdString();
    return true;
}

void TrainingPanel::startTraining()
{
    TrainingConfig config;
    if (m_running || !prepareConfig(&config))
        return;
    m_checkpoint.reset(); // this run overwrites the checkpoint file
    m_runEpochs = config.epochs;
    m_charts->startRun(runLabel(config), config.epochs);
    m_timeLeft.start(1, config.epochs);
    m_worker->prepareRun();
    setRunning(true);
    Q_EMIT trainRequested(config, m_data);
}

void TrainingPanel::resumeTraining()
{
    TrainingConfig config;
    if (m_running || !m_checkpoint || !prepareConfig(&config))
        return;
    if (config.epochs <= m_checkpoint->completedEpochs) {
        showError(this, tr("Resume"),
                  tr("The checkpoint has %1 epochs done already; set Epochs higher to go on.")
                      .arg(m_checkpoint->completedEpochs));
        return;
    }
    m_runEpochs = config.epochs;
    m_charts->startRun(runLabel(config) + tr(" resumed"), config.epochs);
    for (const EpochReport& report : m_checkpoint->history)
        m_charts->addEpoch(report);
    m_timeLeft.start(m_checkpoint->completedEpochs + 1, config.epochs);
    m_worker->prepareRun();
    setRunning(true);
    Q_EMIT resumeRequested(config, m_data, m_checkpoint);
}

void TrainingPanel::stopTraining()
{
    if (!m_running)
        return;
    m_worker->requestStop();
    m_progress->setFormat(tr("stopping…"));
}

void TrainingPanel::onBatchProgress(int epoch, qint64 batch, qint64 batches)
{
    m_timeLeft.update(epoch, batch, batches);
    m_progress->setValue(static_cast<int>(std::lround(m_timeLeft.fractionDone() * 1000)));
    m_progress->setFormat(tr("Epoch %1 / %2 — %3")
                              .arg(epoch)
                              .arg(m_runEpochs)
                              .arg(TimeLeftEstimator::describe(m_timeLeft.secondsLeft())));
}

void TrainingPanel::onEpochFinished(const EpochReport& report)
{
    m_charts->addEpoch(report);
    Q_EMIT epochFinished(report);
}

void TrainingPanel::onFinished(const TrainingResult& result)
{
    m_result = std::make_shared<const TrainingResult>(result);
    // A finished run has nothing left to resume; a stopped one got checkpointReady() first.
    if (!result.stopped)
        m_checkpoint.reset();
    m_charts->flush();
    setRunning(false);
    const int epochs = static_cast<int>(result.state.history.size());
    m_progress->setFormat(result.stopped ? tr("stopped after %1 epochs").arg(epochs)
                                         : tr("done: %1 epochs").arg(epochs));
    if (!result.stopped)
        m_progress->setValue(m_progress->maximum());
    QStringList lines;
    if (!result.state.history.empty()) {
        const EpochReport& last = result.state.history.back();
        const auto percent = [](double v) {
            return std::isnan(v) ? QStringLiteral("–") : QString::number(100 * v, 'f', 1);
        };
        if (!std::isnan(last.validationAccuracy))
            lines << tr("Last epoch: validation %1 %").arg(percent(last.validationAccuracy));
        if (!std::isnan(last.zslAccuracy))
            lines << tr("Last epoch: ZSL %1 %").arg(percent(last.zslAccuracy))
                  << tr("GZSL: ts %1 · tr %2 · H %3 %")
                         .arg(percent(last.gzslUnseen), percent(last.gzslSeen),
                              percent(last.gzslH));
    }
    for (const std::string& warning : result.warnings)
        lines << QString::fromStdString(warning);
    m_resultLabel->setText(lines.join(QLatin1Char('\n')));
    Q_EMIT statusMessage(result.stopped ? tr("Training stopped; the model so far can be saved.")
                                        : tr("Training finished; the model can be saved."));
    Q_EMIT trainingFinished(result);
}

void TrainingPanel::onFailed(const QString& message)
{
    m_charts->flush();
    setRunning(false);
    m_progress->setFormat(tr("failed"));
    showError(this, tr("Training failed"), message);
    Q_EMIT trainingFailed(message);
}

void TrainingPanel::setRunning(bool running)
{
    m_running = running;
    m_form->setEnabled(!running);
    if (running) {
        m_progress->setValue(0);
        m_progress->setFormat(tr("starting…"));
        m_resultLabel->clear();
    }
    updateActions();
    if (!running)
        Q_EMIT threadsInUseChanged(0);
    Q_EMIT runningChanged(running);
}

void TrainingPanel::updateActions()
{
    m_startAction->setEnabled(!m_running && m_data);
    m_stopAction->setEnabled(m_running);
    m_resumeAction->setEnabled(!m_running && m_data && m_checkpoint);
    m_saveModelAction->setEnabled(!m_running && m_result);
}

QString TrainingPanel::runLabel(const TrainingConfig& config) const
{
    return tr("Run %1 (%2, τ %3)")
        .arg(m_charts->runs().size() + 1)
        .arg(QString::fromUtf8(methodName(config.method)))
        .arg(effectiveTau(config), 0, 'f', 2);
}

bool TrainingPanel::saveModel(const QString& path)
{
    if (!m_result) {
        showError(this, tr("Save Model"), tr("There is no trained model to save yet."));
        return false;
    }
    try {
        writeModelFile(m_result->state, path.toStdString());
    } catch (const std::exception& e) {
        showError(this, tr("Save Model"), QString::fromUtf8(e.what()));
        return false;
    }
    Q_EMIT statusMessage(tr("Model saved to %1").arg(QDir::toNativeSeparators(path)));
    Q_EMIT modelSaved(path);
    return true;
}

bool TrainingPanel::exportChartsPng(const QString& path)
{
    m_charts->flush();
    const QString error = exportWidgetPng(m_charts, path);
    if (!error.isEmpty())
        showError(this, tr("Export Charts"), error);
    return error.isEmpty();
}

bool TrainingPanel::exportChartsSvg(const QString& path)
{
    m_charts->flush();
    const QString error = exportWidgetSvg(m_charts, path, tr("SemRel Studio training curves"));
    if (!error.isEmpty())
        showError(this, tr("Export Charts"), error);
    return error.isEmpty();
}

bool TrainingPanel::exportHistoryCsv(const QString& path)
{
    std::vector<RunHistory> runs;
    for (const TrainingRun& run : m_charts->runs())
        runs.push_back({run.label.toStdString(), run.history});
    try {
        writeHistoryCsv(runs, path.toStdString());
        return true;
    } catch (const std::exception& e) {
        showError(this, tr("Export History"), QString::fromUtf8(e.what()));
        return false;
    }
}

QString TrainingPanel::askPath(const QString& title, const QString& filter, const QString& suffix)
{
    QString path = QFileDialog::getSaveFileName(this, title, m_lastDirectory, filter);
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    m_lastDirectory = QFileInfo(path).absolutePath();
    return path;
}

QByteArray TrainingPanel::saveLayout() const
{
    return m_splitter->saveState();
}

void TrainingPanel::restoreLayout(const QByteArray& layout)
{
    if (!layout.isEmpty())
        m_splitter->restoreState(layout);
}

} // namespace semrel::ui
