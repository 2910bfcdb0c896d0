// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/class_roles.h>

#include <QSet>
#include <QWidget>

#include <string>
#include <vector>

class QLineEdit;
class QListWidget;

namespace semrel::ui {

// The Query view's list of the classes whose embeddings are compared: one tickable row per class
// ("name (role)"), a filter by name, and a button that shows them all again. Unticking a class
// hides its embedding, as if the model had never heard of it. GUI thread only.
class ClassPicker : public QWidget
{
    Q_OBJECT

public:
    explicit ClassPicker(QWidget* parent = nullptr);

    // One row per class of `names` (class index order), ticked unless in `hidden`. Emits nothing.
    void setClasses(const std::vector<std::string>& names, const ClassRoles& roles,
                    const QSet<int>& hidden);
    // Ticks or unticks a class's row. Emits nothing.
    void setClassHidden(int classIndex, bool hidden);
    int classCount() const;

Q_SIGNALS:
    // The user ticked (hidden false) or unticked a class.
    void classHiddenChanged(int classIndex, bool hidden);
    void showAllRequested();

private:
    QLineEdit* m_filter;
    QListWidget* m_list;
};

} // namespace semrel::ui
