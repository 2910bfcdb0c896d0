// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "training/training_session.h"

#include <QWidget>

class QBarSet;
class QChartView;
class QLabel;
class QTableWidget;

namespace semrel::ui {

// What a tuning found, point by point: a table of the grid (τ, λ1, λ2, attribute statistics,
// validation accuracy, time)
// filled in as each point finishes, and the validation accuracies as bars, the chosen point's
// highlighted. Shows; computes nothing (the session's TuningOutcome says what was chosen).
class TuningView : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        PointColumn,
        TauColumn,
        Lambda1Column,
        Lambda2Column,
        AttributesColumn, // the attribute statistics: seen or all classes
        AccuracyColumn,
        TimeColumn
    };

    explicit TuningView(QWidget* parent = nullptr);

    // A new tuning: one row (and one bar, empty) per point of `grid`.
    void start(const std::vector<TuningPoint>& grid, int epochsPerPoint);
    void addPoint(const TuningPointResult& result);
    // Marks the chosen point, or says that none was chosen.
    void finish(const TuningOutcome& outcome);

    QTableWidget* table() const { return m_table; }
    // The bar of grid point `index`, in % (0 while it has not finished).
    double barValue(int index) const;
    int chosenBar() const { return m_chosen; }

private:
    QTableWidget* m_table;
    QChartView* m_chartView;
    QBarSet* m_bars = nullptr;
    QLabel* m_summary;
    int m_chosen = -1;
};

} // namespace semrel::ui
