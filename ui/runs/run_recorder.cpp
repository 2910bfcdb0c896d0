// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "runs/run_recorder.h"

#include "jobs/background_job.h"

#include <semrel/errors.h>

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace semrel::ui {

namespace {

// The models whose runs a save can still find: enough for a session's recent trainings.
constexpr std::size_t kRememberedModels = 32;
// How long the folder must be quiet before it is read again after a change.
constexpr int kReloadDelayMs = 300;

} // namespace

QString defaultRunsFolder()
{
    const std::string fromEnvironment = runsFolderFromEnvironment();
    if (!fromEnvironment.empty())
        return QString::fromStdString(fromEnvironment);
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("runs"));
}

RunRecorder::RunRecorder(const QString& folder, QObject* parent)
    : QObject(parent), m_store(folder.toStdString()), m_watcher(new QFileSystemWatcher(this)),
      m_reloadTimer(new QTimer(this))
{
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(kReloadDelayMs);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_reloadTimer,
            qOverload<>(&QTimer::start));
    connect(m_reloadTimer, &QTimer::timeout, this, &RunRecorder::load);
}

void RunRecorder::watchFolder()
{
    // Until the folder exists (the command line may create it), its parent says when it appears.
    const QFileInfo info(folder());
    const QString watched = info.isDir() ? info.absoluteFilePath() : info.absolutePath();
    if (m_watcher->directories() == QStringList{watched})
        return;
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    if (QFileInfo(watched).isDir())
        m_watcher->addPath(watched);
}

void RunRecorder::load()
{
    watchFolder();
    const int generation = ++m_loadGeneration;
    auto* job = new BackgroundJob(this);
    const RunStore store = m_store;
    job->start(
        [store](JobContext&) {
            std::vector<std::string> warnings;
            std::vector<RunRecord> runs = store.load(&warnings);
            QStringList texts;
            for (const std::string& w : warnings)
                texts << QString::fromStdString(w);
            return std::make_pair(std::move(runs), texts);
        },
        [this, generation](std::pair<std::vector<RunRecord>, QStringList> result) {
            if (generation == m_loadGeneration) // an older read finishing late is stale
                Q_EMIT loaded(result.first, result.second);
        });
    connect(job, &BackgroundJob::runningChanged, job, [job](bool running) {
        if (!running)
            job->deleteLater();
    });
    connect(job, &BackgroundJob::failed, this, &RunRecorder::failed);
}

template <typename Work> void RunRecorder::addInBackground(Work work, const ModelState* model)
{
    auto* job = new BackgroundJob(this);
    const RunStore store = m_store;
    job->start([store, work](JobContext&) { return store.add(work()); },
               [this, model](RunRecord written) {
                   for (auto& [key, pending] : m_byModel)
                       if (model && key == model) {
                           pending.id = written.id;
                           pending.record = written;
                           if (!pending.savedPath.isEmpty()) {
                               written.modelPath = pending.savedPath.toStdString();
                               m_store.update(written);
                           }
                       }
                   watchFolder(); // the first run creates the folder
                   Q_EMIT recorded(written);
               });
    connect(job, &BackgroundJob::runningChanged, job, [job](bool running) {
        if (!running)
            job->deleteLater();
    });
    connect(job, &BackgroundJob::failed, this, [this](const QString& message) {
        Q_EMIT failed(tr("The run was not recorded: %1").arg(message));
    });
}

void RunRecorder::recordModel(std::shared_ptr<const ModelState> model,
                              std::shared_ptr<const Dataset> data, RunKind kind,
                              const QString& modelPath)
{
    if (!model)
        return;
    if (m_byModel.size() >= kRememberedModels)
        m_byModel.erase(m_byModel.begin());
    m_byModel.push_back({model.get(), Pending{}});
    const std::string path = modelPath.toStdString();
    addInBackground(
        [model, data, kind, path] {
            RunRecord record = recordOfModel(*model, data.get(), kind, "semrel-studio");
            record.modelPath = path;
            return record;
        },
        model.get());
}

void RunRecorder::recordTuningPoint(const TrainingConfig& base, const TuningPointResult& point,
                                    std::shared_ptr<const Dataset> data)
{
    if (!data)
        return;
    addInBackground(
        [base, point, data] { return recordOfTuningPoint(base, point, *data, "semrel-studio"); },
        nullptr);
}

void RunRecorder::noteModelSaved(const std::shared_ptr<const ModelState>& model,
                                 const QString& path)
{
    for (auto& [key, pending] : m_byModel) {
        if (key != model.get())
            continue;
        pending.savedPath = path;
        if (pending.id.empty())
            return; // still being recorded: written with the path when it is
        RunRecord record = pending.record;
        record.modelPath = path.toStdString();
        try {
            m_store.update(record);
            pending.record = record;
            Q_EMIT updated(record);
        } catch (const std::exception& e) {
            Q_EMIT failed(QString::fromUtf8(e.what()));
        }
        return;
    }
}

void RunRecorder::remove(const std::vector<std::string>& ids)
{
    for (const std::string& id : ids) {
        try {
            m_store.remove(id);
        } catch (const std::exception& e) {
            Q_EMIT failed(QString::fromUtf8(e.what()));
        }
    }
}

} // namespace semrel::ui
