// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/model_file/model_state.h>
#include <semrel/runs/run_record.h>
#include <semrel/runs/run_store.h>
#include <semrel/training/tuning.h>

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <vector>

namespace semrel::ui {

// The folder the window keeps its runs in: $SEMREL_RUNS_DIR when set (so that `semrel train
// --runs-dir` and the window can share one, and tests can point elsewhere), else "runs" in the
// user's data folder (QStandardPaths::AppDataLocation, e.g.
// ~/.local/share/SemRel/SemRel Studio/runs).
QString defaultRunsFolder();

// The window's side of the core's RunStore: reads the folder and adds runs off the GUI thread
// (a run of a final model is evaluated on its dataset first, which takes a moment), each as a
// BackgroundJob of its own so that none supersedes another. Watches the folder and reads it
// again shortly after it changes, so runs the command line adds, rewrites or
// deletes show without a restart. GUI thread only.
class RunRecorder : public QObject
{
    Q_OBJECT

public:
    explicit RunRecorder(const QString& folder, QObject* parent = nullptr);

    QString folder() const { return QString::fromStdString(m_store.folder()); }

    // Reads every run of the folder; loaded() follows (only for the latest of overlapping reads).
    void load();
    // A trained or opened model as a run; `data` (may be null) is where it is evaluated when it
    // fits. `model` is kept alive until the record is written; recorded() follows.
    void recordModel(std::shared_ptr<const ModelState> model, std::shared_ptr<const Dataset> data,
                     RunKind kind, const QString& modelPath = {});
    // One finished point of a tuning grid run with `base`'s other settings.
    void recordTuningPoint(const TrainingConfig& base, const TuningPointResult& point,
                           std::shared_ptr<const Dataset> data);
    // The run of `model` (recorded, or still being recorded) was saved to `path`.
    void noteModelSaved(const std::shared_ptr<const ModelState>& model, const QString& path);
    // Deletes runs' files. Returns the ids it removed.
    void remove(const std::vector<std::string>& ids);

Q_SIGNALS:
    void loaded(const std::vector<semrel::RunRecord>& runs, const QStringList& warnings);
    void recorded(const semrel::RunRecord& run);
    void updated(const semrel::RunRecord& run);
    void failed(const QString& message);

private:
    template <typename Work> void addInBackground(Work work, const ModelState* model);
    // Watches the folder, or its parent while the folder does not exist yet (the first run added
    // creates it).
    void watchFolder();

    RunStore m_store;
    QFileSystemWatcher* m_watcher;
    QTimer* m_reloadTimer; // gathers a burst of changes (a write is a temporary file and a rename)
    int m_loadGeneration = 0;
    // The run of a model that is still being recorded or was recorded, by the model's address,
    // so that a later save finds it; with the path of a save that came first.
    struct Pending
    {
        std::string id;
        QString savedPath;
        RunRecord record;
    };
    std::vector<std::pair<const ModelState*, Pending>> m_byModel;
};

} // namespace semrel::ui
