// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "document_loader.h"

#include <semrel/dataset/document.h>

#include <QFileInfo>
#include <QProgressDialog>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace semrel::ui {

namespace {

constexpr int kProgressSteps = 1000;

// Runs on a pool thread: nothing here may touch a widget.
void load(QPromise<LoadedDocument>& promise, const QString& path)
{
    LoadedDocument document;
    document.path = path;
    const std::string file = path.toStdString();
    promise.setProgressRange(0, kProgressSteps);
    const ProgressCallback progress = [&promise](double fraction, const std::string& stage) {
        promise.setProgressValueAndText(static_cast<int>(std::lround(fraction * kProgressSteps)),
                                        QString::fromStdString(stage));
    };
    try {
        Document opened = openDocument(file, progress);
        document.dataset = std::move(opened.dataset);
        document.model = std::move(opened.model);
    } catch (const std::exception& e) {
        document.error = QString::fromUtf8(e.what());
    } catch (...) {
        document.error = DocumentLoader::tr("%1: could not be opened (unknown error)").arg(path);
    }
    promise.addResult(std::move(document));
}

} // namespace

DocumentLoader::DocumentLoader(QWidget* dialogParent)
    : QObject(dialogParent), m_dialogParent(dialogParent)
{
    registerMetaTypes();
    connect(&m_watcher, &QFutureWatcher<LoadedDocument>::finished, this,
            &DocumentLoader::onFinished);
}

// The load itself cannot be interrupted; the watcher's end drops its result.
DocumentLoader::~DocumentLoader() = default;

bool DocumentLoader::open(const QString& path)
{
    if (isBusy())
        return false;
    m_progress = new QProgressDialog(tr("Opening %1…").arg(QFileInfo(path).fileName()), QString(),
                                     0, kProgressSteps, m_dialogParent);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setWindowTitle(tr("Opening"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setMinimumDuration(400); // small files open without a flash of dialog
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(&m_watcher, &QFutureWatcher<LoadedDocument>::progressValueChanged, m_progress,
            &QProgressDialog::setValue);
    connect(&m_watcher, &QFutureWatcher<LoadedDocument>::progressTextChanged, m_progress,
            [dialog = m_progress, path](const QString& stage) {
                dialog->setLabelText(
                    QStringLiteral("%1\n%2").arg(QFileInfo(path).fileName(), stage));
            });
    m_watcher.setFuture(QtConcurrent::run(load, path));
    Q_EMIT busyChanged(true);
    return true;
}

void DocumentLoader::onFinished()
{
    if (m_progress) {
        m_progress->disconnect();
        m_watcher.disconnect(m_progress);
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    const LoadedDocument document = m_watcher.result();
    Q_EMIT busyChanged(false);
    if (!document.error.isEmpty())
        Q_EMIT failed(document.path, document.error);
    else if (document.dataset)
        Q_EMIT datasetLoaded(document.dataset, document.path);
    else if (document.model)
        Q_EMIT modelLoaded(document.model, document.path);
}

} // namespace semrel::ui
