// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "error_dialog.h"

#include <semrel/errors.h>

#include <QMessageBox>

namespace semrel::ui {

QMessageBox* showError(QWidget* parent, const QString& title, const QString& message)
{
    qWarning("%s: %s", qPrintable(title), qPrintable(message));
    // The core's first line is for the user; what a library said follows it (errors.h).
    const ErrorText text = splitErrorText(message.toStdString());
    auto* box = new QMessageBox(QMessageBox::Warning, title, QString::fromStdString(text.message),
                                QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("errorDialog"));
    if (!text.detail.empty())
        box->setDetailedText(QString::fromStdString(text.detail));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

} // namespace semrel::ui
