// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_charts.h"

#include "training/training_charts_axes.h"
#include "training/training_charts_legend.h"
#include "training/training_charts_view.h"

#include <QChart>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QScatterSeries>
#include <QSlider>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace semrel::ui {

TrainingCharts::TrainingCharts(QWidget* parent)
    : QWidget(parent), m_lossChart(new QChart), m_accuracyChart(new QChart),
      m_lossX(new QValueAxis(this)), m_lossY(new QValueAxis(this)),
      m_lossLogY(new QLogValueAxis(this)), m_accuracyX(new QValueAxis(this)),
      m_accuracyY(new QValueAxis(this)), m_runsLegend(new TrainingChartsLegend(this))
{
    m_lossView = makeChartView(m_lossChart, m_lossX, m_lossY, tr("Training objective"), tr("loss"));
    m_accuracyView = makeChartView(m_accuracyChart, m_accuracyX, m_accuracyY,
                                   tr("Accuracy (per-class top-1)"), tr("%"));
    m_lossLogY->setTitleText(tr("loss (log)"));
    m_lossLogY->setVisible(false);
    m_lossChart->addAxis(m_lossLogY, Qt::AlignLeft);
    for (const EpochCurve& curve : epochCurves())
        addSeries(curve.accuracy ? m_accuracyChart : m_lossChart, curve.name, QPen(curve.color, 2));
    addSeries(m_lossChart, kRunningLossName, QPen(QColor(0x22, 0x22, 0x22, 0x70), 1));
    m_bestMarker = new QScatterSeries(this);
    m_bestMarker->setName(tr("best epoch"));
    m_bestMarker->setMarkerSize(14);
    m_bestMarker->setColor(Qt::transparent);
    m_bestMarker->setBorderColor(QColor(0x2c, 0xa0, 0x2c));
    m_bestMarker->setPen(QPen(QColor(0x2c, 0xa0, 0x2c), 2.5));
    m_accuracyChart->addSeries(m_bestMarker);
    attach(m_bestMarker, /*accuracy=*/true);

    auto* charts = new QHBoxLayout;
    charts->addWidget(m_lossView);
    charts->addWidget(m_accuracyView);
    m_guide = new QLabel(this);
    m_guide->setObjectName(QStringLiteral("guide"));
    m_guide->setAlignment(Qt::AlignCenter);
    m_guide->setWordWrap(true);
    QFont guideFont = m_guide->font();
    guideFont.setPointSizeF(guideFont.pointSizeF() * 1.2);
    m_guide->setFont(guideFont);
    m_guide->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_guide);
    layout->addLayout(charts, 1);
    layout->addWidget(m_runsLegend);
    layout->addWidget(makeControls());
    m_runsLegend->setEntries({});

    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(kRedrawDelayMs);
    connect(&m_redrawTimer, &QTimer::timeout, this, &TrainingCharts::flush);
    flush();
}

TrainingChartView* TrainingCharts::makeChartView(QChart* chart, QValueAxis* x, QValueAxis* y,
                                                 const QString& title, const QString& yTitle)
{
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    x->setTitleText(tr("epoch"));
    y->setTitleText(yTitle);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto* view = new TrainingChartView(chart, this); // the view owns the chart
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(280, 220);
    view->setPointDescriber(
        [this](const QXYSeries* series, qsizetype index) { return describe(series, index); });
    connect(view, &TrainingChartView::zoomChanged, this, [this, x, y](bool zoomed) {
        if (!zoomed)
            return updateRanges();
        retickWithin(x, kEpochTicks);
        if (y->isVisible())
            retickWithin(y, kValueTicks);
    });
    return view;
}

QWidget* TrainingCharts::makeControls()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_overlayBox = new QCheckBox(tr("Overlay earlier runs"), bar);
    m_overlayBox->setObjectName(QStringLiteral("overlayEarlierRuns"));
    m_overlayBox->setChecked(true);
    m_logBox = new QCheckBox(tr("Log scale"), bar);
    m_logBox->setToolTip(tr("The loss on a log axis; values at or below zero are left out"));
    m_smoothingSlider = new QSlider(Qt::Horizontal, bar);
    m_smoothingSlider->setRange(0, 95);
    m_smoothingSlider->setMaximumWidth(120);
    m_smoothingSlider->setToolTip(tr("Smoothing: an exponential moving average of the curves"));
    auto* resetZoom = new QPushButton(tr("Whole Run"), bar);
    resetZoom->setToolTip(tr("Drag on a chart to zoom in, turn the wheel to zoom, right-click to "
                             "zoom out; this (or a double-click) shows the whole run"));
    m_bestLabel = new QLabel(bar);
    m_bestLabel->setObjectName(QStringLiteral("bestEpoch"));
    m_bestLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(m_overlayBox);
    row->addWidget(m_logBox);
    row->addWidget(new QLabel(tr("Smoothing:"), bar));
    row->addWidget(m_smoothingSlider);
    row->addWidget(resetZoom);
    row->addSpacing(12);
    row->addWidget(m_bestLabel, 1);
    connect(m_overlayBox, &QCheckBox::toggled, this, &TrainingCharts::rebuildOverlay);
    connect(m_logBox, &QCheckBox::toggled, this, &TrainingCharts::setLogScale);
    connect(m_smoothingSlider, &QSlider::valueChanged, this,
            [this](int value) { setSmoothing(value / 100.0); });
    connect(resetZoom, &QPushButton::clicked, this, &TrainingCharts::resetZoom);
    return bar;
}

QLineSeries* TrainingCharts::addSeries(QChart* chart, const QString& name, const QPen& pen)
{
    auto* series = new QLineSeries(this);
    series->setName(name);
    series->setPen(pen);
    chart->addSeries(series);
    attach(series, chart == m_accuracyChart);
    m_series.insert(name, series);
    return series;
}

void TrainingCharts::attach(QXYSeries* series, bool accuracy)
{
    series->attachAxis(accuracy ? m_accuracyX : m_lossX);
    if (accuracy)
        series->attachAxis(m_accuracyY);
    else
        series->attachAxis(logScale() ? static_cast<QAbstractAxis*>(m_lossLogY) : m_lossY);
}

void TrainingCharts::startRun(const QString& name, std::optional<TrainingConfig> config, int epochs,
                              const QString& note)
{
    flush();
    m_runs.push_back({name, std::move(config), {}, note, {}});
    m_hasCurrentRun = true;
    m_epochs = std::max(1, epochs);
    m_batches.clear();
    rebuildOverlay(); // the previous current run is an earlier run now
    flush();
}

void TrainingCharts::addBatch(const BatchReport& report)
{
    if (!m_hasCurrentRun)
        return;
    // Thin the points of long runs: at most so many per epoch, always each epoch's last.
    const int perEpoch = std::clamp(4000 / std::max(1, m_epochs), 4, kMaxBatchPointsPerEpoch);
    const auto at = [](const BatchReport& b) {
        return b.epoch - 1 + static_cast<double>(b.batch) / std::max<std::int64_t>(1, b.batches);
    };
    if (!m_batches.empty() && report.batch != report.batches &&
        at(report) - at(m_batches.back()) < 1.0 / perEpoch)
        return;
    m_batches.push_back(report);
    scheduleRedraw();
}

void TrainingCharts::addEpoch(const EpochReport& report)
{
    if (!m_hasCurrentRun)
        startRun(tr("Run %1").arg(m_runs.size() + 1), std::nullopt, report.epoch);
    m_runs.back().history.push_back(report);
    m_epochs = std::max(m_epochs, report.epoch);
    scheduleRedraw();
}

void TrainingCharts::addEarlierRun(TrainingRun run)
{
    // Earlier runs sit before the current one, so that the current run stays last.
    m_runs.insert(m_hasCurrentRun ? m_runs.end() - 1 : m_runs.end(), std::move(run));
    rebuildOverlay();
    flush();
}

void TrainingCharts::scheduleRedraw()
{
    if (!m_redrawTimer.isActive())
        m_redrawTimer.start();
}

void TrainingCharts::setOverlayVisible(bool visible)
{
    m_overlayBox->setChecked(visible);
}

bool TrainingCharts::overlayVisible() const
{
    return m_overlayBox->isChecked();
}

bool TrainingCharts::logScale() const
{
    return m_logBox && m_logBox->isChecked();
}

void TrainingCharts::setLogScale(bool logarithmic)
{
    if (m_logBox->isChecked() != logarithmic)
        return m_logBox->setChecked(logarithmic); // comes back here through toggled()
    QAbstractAxis* from = logarithmic ? static_cast<QAbstractAxis*>(m_lossY) : m_lossLogY;
    QAbstractAxis* to = logarithmic ? static_cast<QAbstractAxis*>(m_lossLogY) : m_lossY;
    for (QAbstractSeries* series : m_lossChart->series()) {
        series->detachAxis(from);
        series->attachAxis(to);
    }
    from->setVisible(false);
    to->setVisible(true);
    rebuildOverlay();
    flush();
}

void TrainingCharts::setSmoothing(double weight)
{
    m_smoothing = std::clamp(weight, 0.0, 0.95);
    const QSignalBlocker blocker(m_smoothingSlider);
    m_smoothingSlider->setValue(static_cast<int>(std::lround(m_smoothing * 100)));
    rebuildOverlay();
    flush();
}

void TrainingCharts::resetZoom()
{
    m_lossView->resetZoom();
    m_accuracyView->resetZoom();
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

void TrainingCharts::setGuideText(const QString& text)
{
    m_guide->setText(text);
    m_guide->setVisible(!text.isEmpty() && m_runs.empty());
}

QString TrainingCharts::guideText() const
{
    return m_guide->text();
}

bool TrainingCharts::guideVisible() const
{
    return !m_guide->isHidden();
}

void TrainingCharts::flush()
{
    m_redrawTimer.stop();
    m_guide->setVisible(!m_guide->text().isEmpty() && m_runs.empty());
    redrawCurrent();
    updateBest();
    updateRanges();
}

} // namespace semrel::ui
