// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "dataset/class_table_model.h"

#include <QBrush>
#include <QColor>

namespace semrel::ui {

namespace {

QString splitTitle(Split split)
{
    switch (split) {
    case Split::Trainval:
        return ClassTableModel::tr("Trainval");
    case Split::Train:
        return ClassTableModel::tr("Train");
    case Split::Val:
        return ClassTableModel::tr("Val");
    case Split::TestSeen:
        return ClassTableModel::tr("Test seen");
    case Split::TestUnseen:
        return ClassTableModel::tr("Test unseen");
    }
    return {};
}

} // namespace

QString classRoleText(ClassRole role)
{
    switch (role) {
    case ClassRole::Seen:
        return ClassTableModel::tr("seen");
    case ClassRole::Validation:
        return ClassTableModel::tr("validation");
    case ClassRole::Unseen:
        return ClassTableModel::tr("unseen");
    case ClassRole::Unused:
        return ClassTableModel::tr("unused");
    }
    return {};
}

ClassTableModel::ClassTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClassTableModel::setDataset(std::shared_ptr<const Dataset> data)
{
    beginResetModel();
    m_data = std::move(data);
    m_roles = m_data ? classRoles(*m_data) : ClassRoles{};
    endResetModel();
}

ClassRole ClassTableModel::classRole(int classIndex) const
{
    return m_roles.role(classIndex);
}

int ClassTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_roles.roles.size());
}

int ClassTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : FirstSplitColumn + static_cast<int>(kAllSplits.size());
}

QVariant ClassTableModel::data(const QModelIndex& index, int role) const
{
    if (!m_data || !index.isValid() || index.row() < 0 || index.row() >= rowCount() ||
        index.column() < 0 || index.column() >= columnCount())
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    if (role == kClassIndexRole)
        return index.row();
    if (index.column() == NameColumn && role == Qt::DisplayRole)
        return QString::fromStdString(m_data->classNames.at(row));
    if (index.column() == RoleColumn) {
        const ClassRole classRole = m_roles.roles[row];
        if (role == Qt::DisplayRole)
            return classRoleText(classRole);
        if (role == Qt::ForegroundRole && classRole == ClassRole::Unseen)
            return QBrush(QColor(0x1f, 0x5f, 0xbf));
        if (role == Qt::ForegroundRole && classRole == ClassRole::Validation)
            return QBrush(QColor(0xb3, 0x6b, 0x00));
        return {};
    }
    if (index.column() >= FirstSplitColumn) {
        const Split split = kAllSplits[static_cast<std::size_t>(index.column() - FirstSplitColumn)];
        if (role == Qt::DisplayRole)
            return static_cast<qlonglong>(m_roles.samples(split, index.row()));
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ClassTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section == NameColumn)
        return tr("Class");
    if (section == RoleColumn)
        return tr("Role");
    if (section >= FirstSplitColumn && section < columnCount())
        return splitTitle(kAllSplits[static_cast<std::size_t>(section - FirstSplitColumn)]);
    return {};
}

} // namespace semrel::ui
