// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/class_roles.h>
#include <semrel/dataset/dataset.h>

#include <QAbstractTableModel>

#include <memory>

namespace semrel::ui {

// A class's role (classRoles(), core) in words for the user.
QString classRoleText(ClassRole role);

// One row per class: name, role (seen / validation / unseen) and its sample count in each split.
// Numbers are returned as numbers (for sorting); every data() call is bounds-checked, and the
// model resets itself when a new dataset arrives.
class ClassTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, RoleColumn, FirstSplitColumn };
    // The class index of a row, whatever the sorting of a proxy above.
    static constexpr int kClassIndexRole = Qt::UserRole + 1;

    explicit ClassTableModel(QObject* parent = nullptr);

    void setDataset(std::shared_ptr<const Dataset> data);

    ClassRole classRole(int classIndex) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const Dataset> m_data;
    ClassRoles m_roles;
};

} // namespace semrel::ui
