// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QTextBrowser;

namespace semrel::ui {

// The user guide (docs/USER_GUIDE.md, with its pictures) in a window of its own. The guide is
// built into the program as a Qt resource, so that it is there wherever the program is installed
// or run from, and always the guide of this version.
class UserGuideDialog : public QDialog
{
    Q_OBJECT

public:
    // Where the guide lives among the program's resources.
    static constexpr const char* kGuideUrl = "qrc:/docs/USER_GUIDE.md";

    explicit UserGuideDialog(QWidget* parent = nullptr);

    QTextBrowser* browser() const { return m_browser; }

private:
    QTextBrowser* m_browser;
};

// Shows the guide (one window, raised when it is open already).
void showUserGuide(QWidget* parent);

} // namespace semrel::ui
