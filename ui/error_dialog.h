// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QMessageBox;
class QWidget;

namespace semrel::ui {

// Shows a core error to the user: logs it with qWarning() and opens a window-modal message box
// parented to `parent`: the message's first line as the text, technical detail after it (HDF5's
// own words, semrel/errors.h) behind the box's "Show Details…" button. Non-blocking (open(), not
// exec()), so the event loop, a running training and the tests keep going. The box deletes itself
// when closed; it is returned so that callers (and tests) can inspect it.
QMessageBox* showError(QWidget* parent, const QString& title, const QString& message);

} // namespace semrel::ui
