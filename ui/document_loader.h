// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "metatypes.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QProgressDialog;
class QWidget;

namespace semrel::ui {

// What opening a path gave: a dataset, a model, or an error message.
struct LoadedDocument
{
    QString path;
    std::shared_ptr<const Dataset> dataset;
    std::shared_ptr<const ModelState> model;
    QString error;
};

// Opens what the user points at, off the GUI thread (QtConcurrent): an xlsa17 folder (imported),
// a dataset file or a model file. A progress dialog appears when it takes more than a moment.
class DocumentLoader : public QObject
{
    Q_OBJECT

public:
    // Progress dialogs are parented to `dialogParent`.
    explicit DocumentLoader(QWidget* dialogParent);
    ~DocumentLoader() override;

    bool isBusy() const { return m_watcher.isRunning(); }
    // Starts opening `path`; returns false (and does nothing) while another open is running.
    bool open(const QString& path);

Q_SIGNALS:
    void datasetLoaded(std::shared_ptr<const semrel::Dataset> data, const QString& path);
    void modelLoaded(std::shared_ptr<const semrel::ModelState> model, const QString& path);
    void failed(const QString& path, const QString& message);
    void busyChanged(bool busy);

private:
    void onFinished();

    QPointer<QWidget> m_dialogParent;
    QProgressDialog* m_progress = nullptr;
    QFutureWatcher<LoadedDocument> m_watcher;
};

} // namespace semrel::ui
