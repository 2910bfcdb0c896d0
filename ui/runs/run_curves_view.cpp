// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "runs/run_curves_view.h"

#include <semrel/runs/run_comparison.h>

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace semrel::ui {

RunCurvesView::RunCurvesView(QWidget* parent)
    : QWidget(parent), m_curve(new QComboBox(this)), m_chartView(new QChartView(new QChart, this))
{
    m_curve->setObjectName(QStringLiteral("curve"));
    m_curve->addItem(tr("Accuracy per epoch (ZSL; validation for tuning runs)"),
                     int(Curve::AccuracyPerEpoch));
    m_curve->addItem(tr("Seen–unseen curve (calibrated stacking), γ chosen on validation marked"),
                     int(Curve::SeenUnseen));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->chart()->setAnimationOptions(QChart::NoAnimation);
    m_chartView->chart()->legend()->setAlignment(Qt::AlignBottom);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_curve);
    layout->addWidget(m_chartView, 1);
    connect(m_curve, &QComboBox::currentIndexChanged, this, &RunCurvesView::rebuild);
    rebuild();
}

void RunCurvesView::setRuns(const std::vector<RunRecord>& runs)
{
    m_runs = runs;
    rebuild();
}

void RunCurvesView::setCurve(Curve curve)
{
    m_curve->setCurrentIndex(m_curve->findData(int(curve)));
}

RunCurvesView::Curve RunCurvesView::curve() const
{
    return static_cast<Curve>(m_curve->currentData().toInt());
}

QStringList RunCurvesView::seriesNames() const
{
    QStringList names;
    for (QAbstractSeries* s : m_chartView->chart()->series())
        names << s->name();
    return names;
}

void RunCurvesView::addEpochCurve(const RunRecord& run, const QString& label)
{
    auto* series = new QLineSeries;
    series->setName(label);
    for (const EpochReport& e : run.history) {
        const double y = std::isnan(e.zslAccuracy) ? e.validationAccuracy : e.zslAccuracy;
        if (!std::isnan(y))
            series->append(e.epoch, 100.0 * y);
    }
    // A run without its epochs (a tuning point, a reproduction run): its one final number.
    if (series->count() == 0) {
        const double y = std::isnan(run.zslAccuracy) ? run.validationAccuracy : run.zslAccuracy;
        if (!std::isnan(y))
            series->append(run.epochs, 100.0 * y);
        series->setPointsVisible(true);
    }
    m_chartView->chart()->addSeries(series);
}

void RunCurvesView::addSeenUnseenCurve(const RunRecord& run, const QString& label)
{
    auto* series = new QLineSeries;
    series->setName(label);
    for (const StackingPoint& p : run.seenUnseenCurve)
        series->append(100.0 * p.unseenAccuracy, 100.0 * p.seenAccuracy);
    m_chartView->chart()->addSeries(series);
    if (std::isnan(run.calibrated.unseenAccuracy) || run.seenUnseenCurve.empty())
        return;
    auto* marker = new QScatterSeries;
    marker->setName(tr("%1 · γ %2").arg(label).arg(run.calibration.gamma, 0, 'g', 3));
    marker->setMarkerSize(11);
    marker->setColor(series->color());
    marker->append(100.0 * run.calibrated.unseenAccuracy, 100.0 * run.calibrated.seenAccuracy);
    m_chartView->chart()->addSeries(marker);
}

void RunCurvesView::rebuild()
{
    QChart* chart = m_chartView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    const std::vector<std::string> labels = distinguishingLabels(m_runs);
    const bool seenUnseen = curve() == Curve::SeenUnseen;
    int maxEpoch = 1;
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        const QString label = QString::fromStdString(labels[i]);
        if (seenUnseen)
            addSeenUnseenCurve(m_runs[i], label);
        else
            addEpochCurve(m_runs[i], label);
        maxEpoch = std::max(maxEpoch, m_runs[i].epochs);
    }
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setTitleText(seenUnseen ? tr("ts: unseen test classes, accuracy (%)") : tr("epoch"));
    y->setTitleText(seenUnseen ? tr("tr: seen test classes, accuracy (%)") : tr("accuracy (%)"));
    x->setRange(seenUnseen ? 0 : 1, seenUnseen ? 100 : std::max(2, maxEpoch));
    if (!seenUnseen) {
        // Whole epochs only: ticks at 1 and every few epochs, never "1 1 1 2".
        const int last = std::max(2, maxEpoch);
        x->setLabelFormat(QStringLiteral("%d"));
        x->setTickType(QValueAxis::TicksDynamic);
        x->setTickAnchor(1);
        x->setTickInterval(std::max(1, (last - 1 + 7) / 8));
    }
    y->setRange(0, 100);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->setTitle(m_runs.empty() ? tr("Select runs in the table to compare their curves")
                                   : tr("%n run(s)", nullptr, static_cast<int>(m_runs.size())));
}

} // namespace semrel::ui
