// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "query/class_picker.h"

#include "dataset/class_table_model.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace semrel::ui {

ClassPicker::ClassPicker(QWidget* parent)
    : QWidget(parent), m_filter(new QLineEdit(this)), m_list(new QListWidget(this))
{
    m_filter->setPlaceholderText(tr("Find class"));
    m_filter->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("queryClasses"));
    m_list->setToolTip(tr("Untick a class to hide its embedding, as if the model had never "
                          "heard of it"));
    auto* showAll = new QPushButton(tr("Show All Classes"), this);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(new QLabel(tr("Class embeddings compared:"), this));
    column->addWidget(m_filter);
    column->addWidget(m_list, 1);
    column->addWidget(showAll);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setHidden(
                !m_list->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        Q_EMIT classHiddenChanged(item->data(Qt::UserRole).toInt(),
                                  item->checkState() != Qt::Checked);
    });
    connect(showAll, &QPushButton::clicked, this, &ClassPicker::showAllRequested);
}

void ClassPicker::setClasses(const std::vector<std::string>& names, const ClassRoles& roles,
                             const QSet<int>& hidden)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (std::size_t c = 0; c < names.size(); ++c) {
        const int index = static_cast<int>(c);
        auto* item =
            new QListWidgetItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(names[c]),
                                                              classRoleText(roles.role(index))),
                                m_list);
        item->setData(Qt::UserRole, index);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(hidden.contains(index) ? Qt::Unchecked : Qt::Checked);
        item->setHidden(!m_filter->text().isEmpty() &&
                        !item->text().contains(m_filter->text(), Qt::CaseInsensitive));
    }
}

void ClassPicker::setClassHidden(int classIndex, bool hidden)
{
    // Rows are in class index order.
    QListWidgetItem* item = m_list->item(classIndex);
    if (!item || item->data(Qt::UserRole).toInt() != classIndex)
        return;
    const QSignalBlocker blocker(m_list);
    item->setCheckState(hidden ? Qt::Unchecked : Qt::Checked);
}

int ClassPicker::classCount() const
{
    return m_list->count();
}

} // namespace semrel::ui
