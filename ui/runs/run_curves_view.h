// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/runs/run_record.h>

#include <QStringList>
#include <QWidget>

#include <vector>

class QChartView;
class QComboBox;

namespace semrel::ui {

// Several runs' curves on one chart, each named by the hyper-parameters that tell them apart
// (distinguishingLabels()): the accuracy per epoch (ZSL on test, or validation for a tuning run),
// or calibrated stacking's seen-unseen curve (ts against tr) with the point at the γ chosen on
// validation marked. Shows what it is given; computes nothing.
class RunCurvesView : public QWidget
{
    Q_OBJECT

public:
    enum class Curve { AccuracyPerEpoch, SeenUnseen };

    explicit RunCurvesView(QWidget* parent = nullptr);

    void setRuns(const std::vector<RunRecord>& runs);
    void setCurve(Curve curve);
    Curve curve() const;

    // The names of the series shown (curves, then the γ markers), for tests and export.
    QStringList seriesNames() const;
    QChartView* chartView() const { return m_chartView; }

private:
    void rebuild();
    void addEpochCurve(const RunRecord& run, const QString& label);
    void addSeenUnseenCurve(const RunRecord& run, const QString& label);

    QComboBox* m_curve;
    QChartView* m_chartView;
    std::vector<RunRecord> m_runs;
};

} // namespace semrel::ui
