// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "startup_script.h"

#include "embedding/embedding_view.h"
#include "jobs/background_job.h"
#include "predictions/predictions_view.h"
#include "query/query_view.h"
#include "training/training_charts.h"
#include "training/training_form.h"
#include "training/training_panel.h"

#include <QPixmap>
#include <QTimer>

namespace semrel::ui {

StartupScript::StartupScript(MainWindow& window, StartupOptions options, QObject* parent)
    : QObject(parent), m_window(window), m_options(std::move(options))
{
    connect(&m_window, &MainWindow::datasetOpened, this, &StartupScript::onDatasetOpened);
    connect(&m_window, &MainWindow::modelOpened, this, [this] {
        if (!openSecondFile())
            onDone(true, {});
    });
    connect(&m_window, &MainWindow::openFailed, this,
            [this](const QString&, const QString& message) { onDone(false, message); });
    TrainingPanel* panel = m_window.trainingPanel();
    connect(panel, &TrainingPanel::trainingFinished, this, [this] {
        if (m_trainingStarted)
            onDone(true, {});
    });
    connect(panel, &TrainingPanel::trainingFailed, this, [this](const QString& message) {
        if (m_trainingStarted)
            onDone(false, message);
    });
}

void StartupScript::run()
{
    if (m_options.view)
        m_window.showView(*m_options.view);
    if (!m_options.file.isEmpty())
        m_window.openFile(m_options.file);
    else
        onDone(true, {});
}

bool StartupScript::openSecondFile()
{
    if (m_options.secondFile.isEmpty() || m_secondFileOpened)
        return false;
    m_secondFileOpened = true;
    // Queued: the loader reports the first file before it counts as idle again.
    QTimer::singleShot(0, this, [this] { m_window.openFile(m_options.secondFile); });
    return true;
}

void StartupScript::onDatasetOpened()
{
    if (openSecondFile())
        return;
    if (m_options.trainEpochs > 0 && !m_trainingStarted) {
        TrainingPanel* panel = m_window.trainingPanel();
        panel->form()->setEpochs(m_options.trainEpochs);
        m_window.showView(m_options.view.value_or(MainWindow::TrainingTab));
        m_trainingStarted = true;
        panel->startTraining();
        if (panel->isRunning())
            return; // the screenshot waits for the end of training
        onDone(false, QStringLiteral("training did not start"));
        return;
    }
    onDone(true, {});
}

void StartupScript::onDone(bool ok, const QString& why)
{
    if (!ok) {
        if (!m_options.screenshotPath.isEmpty()) {
            qWarning("semrel-studio: no screenshot: %s", qPrintable(why));
            Q_EMIT finished(1);
        }
        return;
    }
    // The model reaches the exploration views, and their maps and evaluation, in the background.
    whenIdle([this] { showAskedView(); });
}

void StartupScript::whenIdle(const std::function<void()>& then)
{
    for (BackgroundJob* job : m_window.findChildren<BackgroundJob*>()) {
        if (job->isRunning()) {
            // One job's result may start another: look at them all again when this one ends.
            connect(
                job, &BackgroundJob::runningChanged, this, [this, then] { whenIdle(then); },
                Qt::SingleShotConnection);
            return;
        }
    }
    then();
}

void StartupScript::showAskedView()
{
    if (m_options.sample >= 0) {
        m_window.queryView()->showSample(m_options.sample);
        m_window.embeddingView()->selectSample(m_options.sample);
    }
    if (m_options.setting)
        m_window.predictionsView()->setSetting(*m_options.setting);
    // Opening a model switches to the Training view; the view asked for wins.
    if (m_options.view)
        m_window.showView(*m_options.view);
    if (m_options.screenshotPath.isEmpty())
        return;
    QTimer::singleShot(kSettleMs, this, &StartupScript::grab);
}

void StartupScript::grab()
{
    m_window.trainingPanel()->charts()->flush();
    // A first paint asks for thumbnails, decoded in the background: the picture waits for them.
    m_window.grab();
    whenIdle([this] {
        const bool saved = m_window.grab().save(m_options.screenshotPath, "PNG");
        if (!saved)
            qWarning("semrel-studio: could not write %s", qPrintable(m_options.screenshotPath));
        Q_EMIT finished(saved ? 0 : 1);
    });
}

} // namespace semrel::ui
