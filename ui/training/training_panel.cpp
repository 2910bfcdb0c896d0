// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_panel.h"

#include "chart_export.h"
#include "error_dialog.h"
#include "training/run_status_view.h"
#include "training/training_charts.h"
#include "training/training_form.h"
#include "training/tune_dialog.h"
#include "training/tuning_view.h"

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
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace semrel::ui {

TrainingPanel::TrainingPanel(QWidget* parent)
    : QWidget(parent), m_session(new TrainingSession(this)), m_form(new TrainingForm(this)),
      m_charts(new TrainingCharts(this)), m_status(new RunStatusView(m_session, this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)), m_views(new QTabWidget(this)),
      m_tuningView(new TuningView(this))
{
    m_lastDirectory = QDir::homePath();
    createActions();
    connect(m_session, &TrainingSession::stateChanged, this, &TrainingPanel::onStateChanged);
    connect(m_session, &TrainingSession::runStarted, this, &TrainingPanel::onRunStarted);
    connect(m_session, &TrainingSession::threadsInUseChanged, this,
            &TrainingPanel::threadsInUseChanged);
    connect(m_session, &TrainingSession::epochFinished, this, [this](const EpochReport& report) {
        m_charts->addEpoch(report);
        Q_EMIT epochFinished(report);
    });
    connect(m_session, &TrainingSession::finished, this, &TrainingPanel::onFinished);
    connect(m_session, &TrainingSession::failed, this, &TrainingPanel::onFailed);
    connect(m_session, &TrainingSession::tuningStarted, this, &TrainingPanel::onTuningStarted);
    connect(m_session, &TrainingSession::tuningPointFinished, m_tuningView, &TuningView::addPoint);
    connect(m_session, &TrainingSession::tuningFinished, this, &TrainingPanel::onTuningFinished);

    m_views->setDocumentMode(true);
    m_views->addTab(m_charts, tr("Curves"));
    m_views->addTab(m_tuningView, tr("Tuning"));
    m_splitter->addWidget(makeControls());
    m_splitter->addWidget(m_views);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);
    updateActions();
}

// The session (a child) stops a running training and waits for its thread.
TrainingPanel::~TrainingPanel() = default;

void TrainingPanel::createActions()
{
    m_startAction = new QAction(tr("&Start Training"), this);
    m_startAction->setShortcut(Qt::Key_F5);
    m_stopAction = new QAction(tr("S&top Training"), this);
    m_stopAction->setShortcut(Qt::SHIFT | Qt::Key_F5);
    m_resumeAction = new QAction(tr("&Resume Training"), this);
    m_resumeAction->setShortcut(Qt::CTRL | Qt::Key_F5);
    m_tuneAction = new QAction(tr("T&une τ, λ1, λ2…"), this);
    m_tuneAction->setStatusTip(
        tr("Choose τ, λ1 and λ2 on the validation split, then train the best on trainval"));
    m_saveModelAction = new QAction(tr("&Save Model…"), this);
    m_saveModelAction->setShortcut(QKeySequence::Save);
    m_exportPngAction = new QAction(tr("Export Charts as &PNG…"), this);
    m_exportSvgAction = new QAction(tr("Export Charts as S&VG…"), this);
    m_exportCsvAction = new QAction(tr("Export History as &CSV…"), this);
    // Menus show text(); the panel's buttons show the shorter iconText().
    m_startAction->setIconText(tr("Start"));
    m_stopAction->setIconText(tr("Stop"));
    m_resumeAction->setIconText(tr("Resume"));
    m_tuneAction->setIconText(tr("Tune…"));
    m_saveModelAction->setIconText(tr("Save model…"));
    m_exportPngAction->setIconText(tr("PNG…"));
    m_exportSvgAction->setIconText(tr("SVG…"));
    m_exportCsvAction->setIconText(tr("CSV…"));
    connect(m_startAction, &QAction::triggered, this, &TrainingPanel::startTraining);
    connect(m_stopAction, &QAction::triggered, this, &TrainingPanel::stopTraining);
    connect(m_resumeAction, &QAction::triggered, this, &TrainingPanel::resumeTraining);
    connect(m_tuneAction, &QAction::triggered, this, &TrainingPanel::askAndTune);
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
                                     m_tuneAction,      m_saveModelAction, m_exportPngAction,
                                     m_exportSvgAction, m_exportCsvAction};
    for (int i = 0; i < actions.size(); ++i) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(actions[i]); // shows the action's short iconText
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        button->setObjectName(actions[i]->iconText());
        // Start / Stop / Resume / Tune on the first row, Save and the exports below.
        buttons->addWidget(button, i < 4 ? 0 : 1, i < 4 ? i : i - 4);
    }

    auto* controls = new QWidget(this);
    auto* layout = new QVBoxLayout(controls);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(formBox, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    return controls;
}

void TrainingPanel::setDataset(std::shared_ptr<const Dataset> data)
{
    if (data)
        m_form->selectPresetFor(QString::fromStdString(data->name));
    m_session->setDataset(std::move(data));
}

void TrainingPanel::setModel(std::shared_ptr<const ModelState> model, const QString& label)
{
    if (!model)
        return;
    m_form->setConfig(model->config);
    if (!model->history.empty())
        m_charts->addEarlierRun({label, model->history});
    m_session->setOpenedModel(std::move(model));
}

bool TrainingPanel::readForm(TrainingConfig* config)
{
    if (!m_session->hasDataset()) {
        showError(this, tr("Training"), tr("Open a dataset first."));
        return false;
    }
    try {
        *config = m_form->config();
    } catch (const std::exception& e) {
        showError(this, tr("Training settings"), QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

void TrainingPanel::startTraining()
{
    TrainingConfig config;
    QString why;
    if (m_session->isRunning() || !readForm(&config))
        return;
    if (!m_session->start(config, &why))
        showError(this, tr("Training settings"), why);
}

void TrainingPanel::resumeTraining()
{
    TrainingConfig config;
    QString why;
    if (!m_session->canResume() || !readForm(&config))
        return;
    if (!m_session->resume(config, &why))
        showError(this, tr("Resume"), why);
}

void TrainingPanel::askAndTune()
{
    TrainingConfig config;
    if (!m_session->canTune() || !readForm(&config))
        return;
    TuneDialog dialog(config, this);
    if (dialog.exec() == QDialog::Accepted)
        tune(dialog.grid(), dialog.epochs());
}

void TrainingPanel::tune(const TuningGrid& grid, int epochs)
{
    TrainingConfig config;
    QString why;
    if (m_session->isRunning() || !readForm(&config))
        return;
    if (epochs > 0)
        config.epochs = epochs;
    if (!m_session->tune(config, grid, &why))
        showError(this, tr("Tune"), why);
}

void TrainingPanel::onTuningStarted()
{
    m_tuningView->start(m_session->tuning().grid, m_session->runEpochs());
    m_views->setCurrentWidget(m_tuningView);
}

void TrainingPanel::onTuningFinished()
{
    const TuningOutcome& outcome = m_session->tuning();
    m_tuningView->finish(outcome);
    if (!outcome.retrained) // else the final training ends as a training does: onFinished()
        Q_EMIT statusMessage(tr("Tuning stopped before the best point was trained: no model."));
}

void TrainingPanel::stopTraining()
{
    m_session->stop();
}

void TrainingPanel::onRunStarted(const TrainingConfig& config, int firstEpoch)
{
    const bool resumed = firstEpoch > 1;
    QString label = runLabel(config) + (resumed ? tr(" resumed") : QString());
    if (m_session->state() != TrainingSession::State::Training)
        label = tr("%1, tuned").arg(label); // the final training of a tuning
    m_charts->startRun(label, config.epochs);
    if (resumed && m_session->checkpoint())
        for (const EpochReport& report : m_session->checkpoint()->history)
            m_charts->addEpoch(report);
}

void TrainingPanel::onStateChanged(TrainingSession::State state)
{
    m_form->setEnabled(state == TrainingSession::State::Idle);
    updateActions();
    const bool running = state != TrainingSession::State::Idle;
    if (running != m_wasRunning) {
        m_wasRunning = running;
        Q_EMIT runningChanged(running);
    }
}

void TrainingPanel::onFinished(const TrainingResult& result)
{
    m_charts->flush();
    if (result.state.history.empty())
        Q_EMIT statusMessage(tr("Training stopped before its first epoch ended: no model."));
    else
        Q_EMIT statusMessage(result.stopped ? tr("Training stopped; the model so far can be saved.")
                                            : tr("Training finished; the model can be saved."));
    Q_EMIT trainingFinished(result);
}

void TrainingPanel::onFailed(const QString& message)
{
    m_charts->flush();
    showError(this, tr("Training failed"), message);
    Q_EMIT trainingFailed(message);
}

void TrainingPanel::updateActions()
{
    m_startAction->setEnabled(m_session->canStart());
    m_stopAction->setEnabled(m_session->canStop());
    m_resumeAction->setEnabled(m_session->canResume());
    m_tuneAction->setEnabled(m_session->canTune());
    m_saveModelAction->setEnabled(m_session->canSave());
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
    const std::shared_ptr<const ModelState> model = m_session->model();
    if (!model) {
        showError(this, tr("Save Model"), tr("There is no trained model to save yet."));
        return false;
    }
    try {
        writeModelFile(*model, path.toStdString());
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
