// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/evaluation/prediction_stats.h>

#include <QChartView>
#include <QStringList>

#include <vector>

class QBarSeries;
class QBarSet;
class QBarCategoryAxis;
class QValueAxis;

namespace semrel::ui {

// Per-class top-1 accuracy as bars (percent), one per class, in the order given. Clicking a bar
// asks for that class's samples.
class ClassAccuracyChart : public QChartView
{
    Q_OBJECT

public:
    // Above this many classes the axis shows no names (they would overlap); tooltips still do.
    static constexpr int kMaxLabelledClasses = 40;

    explicit ClassAccuracyChart(QWidget* parent = nullptr);

    // `classNames` covers every class of the dataset.
    void setAccuracies(const std::vector<ClassAccuracy>& accuracies, const QStringList& classNames,
                       const QString& title);

    int barCount() const;
    // Percent shown for bar i.
    double barValue(int i) const;
    int barClass(int i) const;

Q_SIGNALS:
    void classClicked(int classIndex);

private:
    QBarSeries* m_series;
    QBarSet* m_set;
    QBarCategoryAxis* m_categories;
    QValueAxis* m_values;
    std::vector<int> m_classes;
    QStringList m_names;
};

} // namespace semrel::ui
