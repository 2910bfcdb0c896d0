// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_charts.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <limits>

namespace semrel::ui {

namespace {

struct Curve
{
    const char* name;
    QColor color;
    bool accuracy;
    double (*value)(const EpochReport&);
};

// Losses as they are; accuracies as percentages.
const Curve kCurves[] = {
    {"loss", QColor(0x22, 0x22, 0x22), false,
     [](const EpochReport& e) {
         return e.loss;
     }},
    {"O1", QColor(0x1f, 0x77, 0xb4), false,
     [](const EpochReport& e) {
         return e.o1;
     }},
    {"O2", QColor(0x2c, 0xa0, 0x2c), false,
     [](const EpochReport& e) {
         return e.o2;
     }},
    {"O3", QColor(0xd6, 0x27, 0x28), false,
     [](const EpochReport& e) {
         return e.o3;
     }},
    {"validation", QColor(0x94, 0x67, 0xbd), true,
     [](const EpochReport& e) {
         return 100.0 * e.validationAccuracy;
     }},
    {"ZSL", QColor(0x1f, 0x77, 0xb4), true,
     [](const EpochReport& e) {
         return 100.0 * e.zslAccuracy;
     }},
    {"GZSL ts", QColor(0xff, 0x7f, 0x0e), true,
     [](const EpochReport& e) {
         return 100.0 * e.gzslUnseen;
     }},
    {"GZSL tr", QColor(0x8c, 0x56, 0x4b), true,
     [](const EpochReport& e) {
         return 100.0 * e.gzslSeen;
     }},
    {"GZSL H", QColor(0xd6, 0x27, 0x28), true,
     [](const EpochReport& e) {
         return 100.0 * e.gzslH;
     }},
};

QList<QPointF> pointsOf(const std::vector<EpochReport>& history, const Curve& curve)
{
    QList<QPointF> points;
    for (const EpochReport& e : history) {
        const double v = curve.value(e);
        if (std::isfinite(v))
            points.append(QPointF(e.epoch, v));
    }
    return points;
}

void setEpochAxis(QValueAxis* axis, int epochs)
{
    const int last = std::max(2, epochs);
    const double interval = std::max(1, (last + 9) / 10);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(1);
    // Change the coarser of range and interval first: 10^5 epochs at the old interval of 1 would
    // make the axis create 10^5 tick items on the way.
    if (interval >= axis->tickInterval()) {
        axis->setTickInterval(interval);
        axis->setRange(1, last);
    } else {
        axis->setRange(1, last);
        axis->setTickInterval(interval);
    }
}

} // namespace

TrainingCharts::TrainingCharts(QWidget* parent)
    : QWidget(parent), m_lossChart(new QChart), m_accuracyChart(new QChart),
      m_lossX(new QValueAxis(this)), m_lossY(new QValueAxis(this)),
      m_accuracyX(new QValueAxis(this)), m_accuracyY(new QValueAxis(this)),
      m_overlayBox(new QCheckBox(tr("Overlay earlier runs"), this))
{
    QChartView* lossView =
        makeChartView(m_lossChart, m_lossX, m_lossY, tr("Training objective"), tr("loss"));
    QChartView* accuracyView = makeChartView(m_accuracyChart, m_accuracyX, m_accuracyY,
                                             tr("Accuracy (per-class top-1)"), tr("%"));
    m_accuracyY->setRange(0, 100);
    m_accuracyY->setTickCount(6);
    m_accuracyY->setLabelFormat(QStringLiteral("%.0f"));
    m_lossY->setTickCount(6);
    m_lossY->setLabelFormat(QStringLiteral("%.2f"));
    for (const Curve& curve : kCurves) {
        if (curve.accuracy)
            addCurrentSeries(m_accuracyChart, m_accuracyX, m_accuracyY, curve.name, curve.color);
        else
            addCurrentSeries(m_lossChart, m_lossX, m_lossY, curve.name, curve.color);
    }
    m_overlayBox->setObjectName(QStringLiteral("overlayEarlierRuns"));
    m_overlayBox->setChecked(true);
    connect(m_overlayBox, &QCheckBox::toggled, this, &TrainingCharts::rebuildOverlay);

    auto* charts = new QHBoxLayout;
    charts->addWidget(lossView);
    charts->addWidget(accuracyView);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(charts, 1);
    layout->addWidget(m_overlayBox);

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(kRedrawDelayMs);
    connect(&m_redrawTimer, &QTimer::timeout, this, &TrainingCharts::flush);
    setEpochAxis(m_lossX, 1);
    setEpochAxis(m_accuracyX, 1);
    updateRanges();
}

QChartView* TrainingCharts::makeChartView(QChart* chart, QValueAxis* x, QValueAxis* y,
                                          const QString& title, const QString& yTitle)
{
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    x->setTitleText(tr("epoch"));
    x->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(yTitle);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto* view = new QChartView(chart, this); // the view owns the chart
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(280, 220);
    return view;
}

void TrainingCharts::addCurrentSeries(QChart* chart, QValueAxis* x, QValueAxis* y,
                                      const QString& name, const QColor& color)
{
    auto* series = new QLineSeries(this);
    series->setName(name);
    series->setPen(QPen(color, 2));
    series->setPointsVisible(true);
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    m_series.insert(name, series);
}

void TrainingCharts::startRun(const QString& label, int epochs)
{
    flush();
    m_runs.push_back({label, {}});
    m_hasCurrentRun = true;
    m_epochs = std::max(1, epochs);
    m_points.clear();
    rebuildOverlay(); // the previous current run is an earlier run now
    flush();
}

void TrainingCharts::addEpoch(const EpochReport& report)
{
    if (!m_hasCurrentRun)
        startRun(tr("Run %1").arg(m_runs.size() + 1), report.epoch);
    m_runs.back().history.push_back(report);
    for (const Curve& curve : kCurves) {
        const double v = curve.value(report);
        if (std::isfinite(v))
            m_points[curve.name].append(QPointF(report.epoch, v));
    }
    m_epochs = std::max(m_epochs, report.epoch);
    if (!m_redrawTimer.isActive())
        m_redrawTimer.start();
}

void TrainingCharts::addEarlierRun(const TrainingRun& run)
{
    // Earlier runs sit before the current one, so that the current run stays last.
    m_runs.insert(m_hasCurrentRun ? m_runs.end() - 1 : m_runs.end(), run);
    rebuildOverlay();
    flush();
}

void TrainingCharts::setOverlayVisible(bool visible)
{
    m_overlayBox->setChecked(visible);
}

bool TrainingCharts::overlayVisible() const
{
    return m_overlayBox->isChecked();
}

QLineSeries* TrainingCharts::series(const QString& name) const
{
    return m_series.value(name, nullptr);
}

int TrainingCharts::overlaySeriesCount() const
{
    return static_cast<int>(m_overlaySeries.size());
}

std::vector<TrainingRun> TrainingCharts::runs() const
{
    return m_runs;
}

void TrainingCharts::flush()
{
    m_redrawTimer.stop();
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it) {
        const QList<QPointF> points = m_points.value(it.key());
        if (it.value()->count() != points.size())
            it.value()->replace(points);
        // Curves that this configuration never measures (e.g. validation when training on
        // trainval) leave the legend.
        const QList<QLegendMarker*> markers = it.value()->chart()->legend()->markers(it.value());
        for (QLegendMarker* marker : markers)
            marker->setVisible(!points.isEmpty());
    }
    updateRanges();
}

void TrainingCharts::rebuildOverlay()
{
    for (QLineSeries* series : std::as_const(m_overlaySeries)) {
        series->chart()->removeSeries(series);
        delete series;
    }
    m_overlaySeries.clear();
    if (!m_overlayBox->isChecked())
        return updateRanges();
    const std::size_t earlier = m_runs.size() - (m_hasCurrentRun ? 1 : 0);
    const std::size_t first = earlier > kMaxOverlaidRuns ? earlier - kMaxOverlaidRuns : 0;
    for (std::size_t r = first; r < earlier; ++r) {
        const TrainingRun& run = m_runs[r];
        // One curve per chart keeps the comparison readable: total loss, and the headline
        // accuracy (ZSL, or validation when tuning).
        for (const Curve& curve : kCurves) {
            const QString name = QString::fromLatin1(curve.name);
            if (name != QLatin1String("loss") && name != QLatin1String("ZSL") &&
                name != QLatin1String("validation"))
                continue;
            const QList<QPointF> points = pointsOf(run.history, curve);
            if (points.isEmpty())
                continue;
            auto* series = new QLineSeries(this);
            series->setName(QStringLiteral("%1: %2").arg(run.label, name));
            const int shade = 120 + int(60 * (earlier - 1 - r)) % 100;
            series->setPen(QPen(QColor(shade, shade, shade), 1.5, Qt::DashLine));
            series->replace(points);
            QChart* chart = curve.accuracy ? m_accuracyChart : m_lossChart;
            chart->addSeries(series);
            series->attachAxis(curve.accuracy ? m_accuracyX : m_lossX);
            series->attachAxis(curve.accuracy ? m_accuracyY : m_lossY);
            m_overlaySeries.append(series);
            for (const EpochReport& e : run.history)
                m_epochs = std::max(m_epochs, e.epoch);
        }
    }
    updateRanges();
}

void TrainingCharts::updateRanges()
{
    setEpochAxis(m_lossX, m_epochs);
    setEpochAxis(m_accuracyX, m_epochs);
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    const auto extend = [&](const QList<QPointF>& points) {
        for (const QPointF& p : points) {
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
    };
    for (const Curve& curve : kCurves) {
        if (!curve.accuracy)
            extend(m_points.value(curve.name));
    }
    for (QLineSeries* series : std::as_const(m_overlaySeries)) {
        if (series->chart() == m_lossChart)
            extend(series->points());
    }
    if (!std::isfinite(low)) {
        m_lossY->setRange(0, 1);
        return;
    }
    // Not applyNiceNumbers(): it rounds -0.7..1.2 out to -2..2 with three labels.
    const double margin = std::max(1e-3, 0.08 * (high - low));
    m_lossY->setRange(low - margin, high + margin);
}

} // namespace semrel::ui
