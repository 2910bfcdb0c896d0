// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "error_dialog.h"

#include <QMessageBox>

namespace semrel::ui {

QMessageBox* showError(QWidget* parent, const QString& title, const QString& message)
{
    qWarning("%s: %s", qPrintable(title), qPrintable(message));
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("errorDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

} // namespace semrel::ui
