// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "recent_files.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>

namespace semrel::ui {

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), m_menu(menu)
{
    rebuildMenu();
}

void RecentFiles::setFiles(const QStringList& files)
{
    m_files.clear();
    for (const QString& file : files) {
        if (!file.isEmpty() && !m_files.contains(file) && m_files.size() < kMaxFiles)
            m_files.append(file);
    }
    rebuildMenu();
    Q_EMIT changed();
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QStringList files = m_files;
    files.removeAll(absolute);
    files.prepend(absolute);
    setFiles(files);
}

void RecentFiles::rebuildMenu()
{
    m_menu->clear();
    for (int i = 0; i < m_files.size(); ++i) {
        const QString path = m_files.at(i);
        // &1..&8 give keyboard access from the open menu.
        const QString text = QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName());
        QAction* action = m_menu->addAction(text);
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT openRequested(path); });
    }
    if (!m_files.isEmpty()) {
        m_menu->addSeparator();
        connect(m_menu->addAction(tr("Clear List")), &QAction::triggered, this,
                [this] { setFiles({}); });
    }
    m_menu->setEnabled(!m_files.isEmpty());
}

} // namespace semrel::ui
