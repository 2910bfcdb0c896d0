// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "training/training_session.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace semrel::ui {

// Where the session's run or tuning is, in words: a progress bar ("Epoch 3 / 30 — 1:05 left",
// "Tuning point 2 of 12 …", "stopped after 4 epochs") and, when a run ends, the last epoch's
// accuracies and the run's warnings. Follows the session's signals; changes nothing.
class RunStatusView : public QWidget
{
    Q_OBJECT

public:
    // `session` must outlive the view.
    explicit RunStatusView(TrainingSession* session, QWidget* parent = nullptr);

    QString progressText() const;

private:
    void restart(const QString& text);
    void showProgress(double fraction, const QString& text);
    void onFinished(const TrainingResult& result);
    void onTuningFinished();

    TrainingSession* m_session;
    QProgressBar* m_progress; // object name "trainingProgress"
    QLabel* m_result;
};

} // namespace semrel::ui
