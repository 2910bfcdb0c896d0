// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QWidget;

namespace semrel::ui {

// Saving a chart as a picture: `widget` rendered to a PNG or an SVG file. Return an error
// message, empty on success. Both writes are atomic (QSaveFile): a failed export never leaves a
// file that looks complete.
QString exportWidgetPng(QWidget* widget, const QString& path);
QString exportWidgetSvg(QWidget* widget, const QString& path, const QString& title);

} // namespace semrel::ui
