// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/class_list_model.h"

namespace semrel::ui {

ClassListModel::ClassListModel(const QString& anyText, QObject* parent)
    : QAbstractListModel(parent), m_anyText(anyText)
{}

void ClassListModel::setClasses(std::shared_ptr<const std::vector<std::int32_t>> order,
                                std::shared_ptr<const QStringList> names)
{
    beginResetModel();
    m_order = order && names ? std::move(order) : nullptr;
    m_names = m_order ? std::move(names) : nullptr;
    m_rowOf.assign(m_names ? static_cast<std::size_t>(m_names->size()) : 0, 0);
    if (m_order)
        for (std::size_t i = 0; i < m_order->size(); ++i) {
            const std::int32_t c = (*m_order)[i];
            if (c >= 0 && static_cast<std::size_t>(c) < m_rowOf.size())
                m_rowOf[static_cast<std::size_t>(c)] = static_cast<int>(i) + 1;
        }
    endResetModel();
}

int ClassListModel::rowOf(int classIndex) const
{
    return classIndex >= 0 && static_cast<std::size_t>(classIndex) < m_rowOf.size()
               ? m_rowOf[static_cast<std::size_t>(classIndex)]
               : 0;
}

int ClassListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1 + (m_order ? static_cast<int>(m_order->size()) : 0);
}

QVariant ClassListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount())
        return {};
    if (index.row() == 0)
        return role == Qt::DisplayRole || role == Qt::EditRole ? QVariant(m_anyText) : QVariant();
    const std::int32_t c = (*m_order)[static_cast<std::size_t>(index.row() - 1)];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return m_names->value(c, QString::number(c));
    case ClassRole:
        return c;
    default:
        return {};
    }
}

} // namespace semrel::ui
