// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace semrel::ui {

// The File > Open Recent list: most recent first, no duplicates, at most kMaxFiles entries.
// Keeps `menu` in step with the list; choosing an entry emits openRequested().
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxFiles = 8;

    explicit RecentFiles(QMenu* menu, QObject* parent = nullptr);

    QStringList files() const { return m_files; }
    void setFiles(const QStringList& files);
    // Puts `path` (made absolute) at the top.
    void add(const QString& path);

Q_SIGNALS:
    void openRequested(const QString& path);
    void changed();

private:
    void rebuildMenu();

    QMenu* m_menu;
    QStringList m_files;
};

} // namespace semrel::ui
