// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "runs/class_comparison_view.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace semrel::ui {

namespace {

QTableWidgetItem* cell(const QString& text, bool number)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

ClassComparisonView::ClassComparisonView(QWidget* parent)
    : QWidget(parent), m_kind(new QComboBox(this)), m_header(new QLabel(this)),
      m_table(new QTableWidget(this))
{
    m_kind->addItem(tr("ZSL: unseen classes among unseen classes"), false);
    m_kind->addItem(tr("GZSL: every test class among all classes"), true);
    m_header->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("classComparison"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Class"), tr("A %"), tr("B %"), tr("B − A")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kind);
    layout->addWidget(m_header);
    layout->addWidget(m_table, 1);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ClassComparisonView::refresh);
    clear();
}

void ClassComparisonView::compare(const RunRecord& a, const RunRecord& b, const QString& labelA,
                                  const QString& labelB)
{
    m_runs = std::make_pair(a, b);
    m_header->setText(tr("A: %1\nB: %2").arg(labelA, labelB));
    refresh();
}

void ClassComparisonView::clear()
{
    m_runs.reset();
    m_header->setText(tr("Select two runs with per-class accuracies (final models evaluated on "
                         "their dataset) to compare them class by class."));
    m_table->setRowCount(0);
}

void ClassComparisonView::refresh()
{
    if (!m_runs)
        return;
    const std::vector<ClassDifference> rows =
        compareClasses(m_runs->first, m_runs->second, m_kind->currentData().toBool());
    m_table->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
        const ClassDifference& d = rows[static_cast<std::size_t>(r)];
        m_table->setItem(r, 0, cell(QString::fromStdString(d.className), false));
        m_table->setItem(r, 1, cell(QString::number(100.0 * d.accuracyA, 'f', 1), true));
        m_table->setItem(r, 2, cell(QString::number(100.0 * d.accuracyB, 'f', 1), true));
        auto* diff = cell(QString::asprintf("%+.1f", 100.0 * d.difference), true);
        diff->setForeground(d.difference < 0 ? QColor(0xc0, 0x39, 0x2b) : QColor(0x1e, 0x84, 0x49));
        m_table->setItem(r, 3, diff);
    }
    m_table->resizeColumnsToContents();
    if (rows.empty())
        m_header->setText(m_header->text().section(QLatin1Char('\n'), 0, 1) + QLatin1Char('\n') +
                          tr("No class has an accuracy in both runs."));
}

} // namespace semrel::ui
