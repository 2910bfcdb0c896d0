// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/model_file/model_state.h>

#include <QString>

#include <vector>

class QWidget;

namespace semrel::ui {

// One training run of the session: its label ("Run 2: proposed, τ = 0.20") and epochs.
struct TrainingRun
{
    QString label;
    std::vector<EpochReport> history;
};

// Writes the runs as CSV, one row per epoch: run, epoch, loss terms, accuracies in [0, 1] (empty
// where not measured), seconds. Atomic (QSaveFile). Returns an error message, empty on success.
QString writeHistoryCsv(const std::vector<TrainingRun>& runs, const QString& path);

// Renders `widget` (the charts) to a PNG or an SVG file. Returns an error message, empty on
// success; PNG writes are atomic.
QString exportWidgetPng(QWidget* widget, const QString& path);
QString exportWidgetSvg(QWidget* widget, const QString& path, const QString& title);

} // namespace semrel::ui
