// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace semrel::ui {

// The choices of a class filter: "any class", then the classes in the order given (by name),
// for a combo box. A list model over shared data rather than one item per class, so that 20,000
// classes cost nothing to set. Row 0 has no class (ClassRole invalid).
class ClassListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr int ClassRole = Qt::UserRole;

    explicit ClassListModel(const QString& anyText, QObject* parent = nullptr);

    // nullptr order: only "any class".
    void setClasses(std::shared_ptr<const std::vector<std::int32_t>> order,
                    std::shared_ptr<const QStringList> names);
    // The row of class c, 0 ("any class") when it is not listed.
    int rowOf(int classIndex) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QString m_anyText;
    std::shared_ptr<const std::vector<std::int32_t>> m_order;
    std::shared_ptr<const QStringList> m_names;
    std::vector<int> m_rowOf; // class -> row
};

} // namespace semrel::ui
