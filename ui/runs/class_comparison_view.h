// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/runs/run_comparison.h>

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QTableWidget;

namespace semrel::ui {

// Two runs class by class (compareClasses()): each class's accuracy in run A and in run B and
// the difference, largest first, for ZSL (unseen classes) or GZSL (every test class).
class ClassComparisonView : public QWidget
{
    Q_OBJECT

public:
    explicit ClassComparisonView(QWidget* parent = nullptr);

    // Shows `a` against `b` with their labels; clear() when there are not two runs.
    void compare(const RunRecord& a, const RunRecord& b, const QString& labelA,
                 const QString& labelB);
    void clear();

    QTableWidget* table() const { return m_table; }

private:
    void refresh();

    QComboBox* m_kind;
    QLabel* m_header;
    QTableWidget* m_table;
    std::optional<std::pair<RunRecord, RunRecord>> m_runs;
};

} // namespace semrel::ui
