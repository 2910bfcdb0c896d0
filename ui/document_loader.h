// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "metatypes.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QProgressDialog;
class QWidget;

namespace semrel::ui {

class BackgroundJob;

// Opens what the user points at, off the GUI thread (a BackgroundJob): an xlsa17 folder
// (imported), a dataset file or a model file. A progress dialog with a Cancel button appears when
// it takes more than a moment; Cancel stops a dataset read or import within about a megabyte of
// features (a model file is small: it opens at once).
class DocumentLoader : public QObject
{
    Q_OBJECT

public:
    // Progress dialogs are parented to `dialogParent`.
    explicit DocumentLoader(QWidget* dialogParent);
    ~DocumentLoader() override;

    bool isBusy() const;
    // Starts opening `path`; returns false (and does nothing) while another open is running.
    bool open(const QString& path);
    // Stops the open in progress; cancelled() follows (or the document, if it was done).
    void cancel();

Q_SIGNALS:
    void datasetLoaded(std::shared_ptr<const semrel::Dataset> data, const QString& path);
    void modelLoaded(std::shared_ptr<const semrel::ModelState> model, const QString& path);
    void failed(const QString& path, const QString& message);
    void cancelled(const QString& path);
    void busyChanged(bool busy);

private:
    void closeProgress();

    QPointer<QWidget> m_dialogParent;
    QProgressDialog* m_progress = nullptr;
    BackgroundJob* m_job;
    QString m_path; // of the open in progress
};

} // namespace semrel::ui
