// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "document_loader.h"

#include "jobs/background_job.h"

#include <semrel/dataset/document.h>

#include <QFileInfo>
#include <QProgressDialog>

#include <cmath>

namespace semrel::ui {

namespace {

constexpr int kProgressSteps = 1000;

// On the job's thread: nothing here may touch a widget. What the path is, the core decides
// (openDocument()). Throws what the core throws, or Cancelled when the user stopped it.
Document load(const QString& path, JobContext& context)
{
    return openDocument(path.toStdString(), context.cancellableProgress());
}

} // namespace

DocumentLoader::DocumentLoader(QWidget* dialogParent)
    : QObject(dialogParent), m_dialogParent(dialogParent), m_job(new BackgroundJob(this))
{
    registerMetaTypes();
    connect(m_job, &BackgroundJob::runningChanged, this, [this](bool running) {
        if (!running)
            closeProgress();
        Q_EMIT busyChanged(running);
    });
    connect(m_job, &BackgroundJob::progressChanged, this,
            [this](double fraction, const QString& stage) {
                if (!m_progress)
                    return;
                m_progress->setLabelText(
                    QStringLiteral("%1\n%2").arg(QFileInfo(m_path).fileName(), stage));
                // Last: a modal progress dialog that has shown itself processes events here,
                // which may end the open and close the dialog.
                m_progress->setValue(static_cast<int>(std::lround(fraction * kProgressSteps)));
            });
    connect(m_job, &BackgroundJob::failed, this,
            [this](const QString& message) { Q_EMIT failed(m_path, message); });
    connect(m_job, &BackgroundJob::cancelled, this, [this] { Q_EMIT cancelled(m_path); });
}

// The job (a child) stops a read in progress and waits for it.
DocumentLoader::~DocumentLoader() = default;

bool DocumentLoader::isBusy() const
{
    return m_job->isRunning();
}

bool DocumentLoader::open(const QString& path)
{
    if (isBusy())
        return false;
    m_path = path;
    m_progress = new QProgressDialog(tr("Opening %1…").arg(QFileInfo(path).fileName()),
                                     tr("Cancel"), 0, kProgressSteps, m_dialogParent);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setWindowTitle(tr("Opening"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400); // small files open without a flash of dialog
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, &DocumentLoader::cancel);
    m_job->start([path](JobContext& context) { return load(path, context); },
                 [this, path](const Document& document) {
                     if (document.dataset)
                         Q_EMIT datasetLoaded(document.dataset, path);
                     else if (document.model)
                         Q_EMIT modelLoaded(document.model, path);
                 });
    return true;
}

void DocumentLoader::cancel()
{
    m_job->cancel();
}

void DocumentLoader::closeProgress()
{
    if (!m_progress)
        return;
    m_progress->disconnect(this);
    m_progress->deleteLater();
    m_progress = nullptr;
}

} // namespace semrel::ui
