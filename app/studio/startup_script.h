// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "main_window.h"
#include "predictions/prediction_table_model.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace semrel::ui {

// What `semrel-studio` was asked to do at launch.
struct StartupOptions
{
    QString file;           // dataset, xlsa17 folder or model to open
    QString screenshotPath; // grab the window to this PNG once loaded (and trained), then quit
    int trainEpochs = 0;    // > 0: start training with the form's settings and this many epochs
    std::optional<MainWindow::View> view; // the view to show (and grab)
    QString secondFile;                   // opened after `file`: `semrel-studio MODEL.h5 DATA.h5`
    qint64 sample = -1;                   // >= 0: the sample the Query and Embedding views show
    std::optional<Setting> setting;       // the Predictions view's setting (ZSL or GZSL)
};

// Drives the window through the launch options: open, maybe train, maybe grab a screenshot.
// Emits finished() with the process exit code when a screenshot was asked for (written or
// failed); without one, the window simply stays open. It only uses what the window offers
// everyone (its views, their signals, and the BackgroundJobs among its children, whose ends it
// waits for): the window knows nothing of it.
class StartupScript : public QObject
{
    Q_OBJECT

public:
    // Time for the last coalesced chart redraw and layout to settle before grabbing.
    static constexpr int kSettleMs = 400;

    StartupScript(MainWindow& window, StartupOptions options, QObject* parent = nullptr);
    void run();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onDatasetOpened();
    void onDone(bool ok, const QString& why);
    // Calls `then` once none of the window's background jobs is running.
    void whenIdle(const std::function<void()>& then);
    void showAskedView();
    void grab();
    bool openSecondFile();

    MainWindow& m_window;
    StartupOptions m_options;
    bool m_trainingStarted = false;
    bool m_secondFileOpened = false;
};

} // namespace semrel::ui
