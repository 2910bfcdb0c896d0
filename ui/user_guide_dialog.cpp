// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "user_guide_dialog.h"

#include <QDialogButtonBox>
#include <QPointer>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace semrel::ui {

UserGuideDialog::UserGuideDialog(QWidget* parent)
    : QDialog(parent), m_browser(new QTextBrowser(this))
{
    setWindowTitle(tr("SemRel Studio User Guide"));
    m_browser->setOpenExternalLinks(true); // web links open in the browser, not in here
    m_browser->setSearchPaths({QStringLiteral(":/docs")});
    m_browser->setSource(QUrl(QString::fromLatin1(kGuideUrl)), QTextDocument::MarkdownResource);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(900, 760);
}

void showUserGuide(QWidget* parent)
{
    static QPointer<UserGuideDialog> open;
    if (!open) {
        open = new UserGuideDialog(parent);
        open->setAttribute(Qt::WA_DeleteOnClose);
    }
    open->show();
    open->raise();
    open->activateWindow();
}

} // namespace semrel::ui
