// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// What the training charts draw: the current run's curves, the earlier runs' overlay and their
// labels, the best epoch, and the axes fitted to it all. The widget and its inputs are in
// training_charts.cpp.
#include "training/training_charts.h"
#include "training/training_charts_axes.h"
#include "training/training_charts_legend.h"
#include "training/training_charts_view.h"

#include <QChart>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace semrel::ui {

namespace {

// Earlier runs: grey, each with its own dash pattern (the runs legend says which is which).
QPen overlayPen(std::size_t position)
{
    static const Qt::PenStyle styles[] = {Qt::DashLine, Qt::DotLine, Qt::DashDotLine,
                                          Qt::DashDotDotLine};
    return QPen(QColor(0x70, 0x70, 0x70), 1.5, styles[position % 4]);
}

void showInLegend(QXYSeries* series, bool visible)
{
    QLegend* legend = series->chart()->legend();
    bool changed = false;
    for (QLegendMarker* marker : legend->markers(series)) {
        changed = changed || marker->isVisible() != visible;
        marker->setVisible(visible); // a marker just added may not say it is visible yet
    }
    // The legend does not lay itself out again when a marker reappears: it would stay squeezed.
    if (changed && legend->layout())
        legend->layout()->invalidate();
}

// The half-width in pixels of the best-epoch ring (its marker's radius and half its pen), with a
// pixel to spare.
constexpr double kRingRoomPixels = 14.0 / 2 + 2.5 / 2 + 1.0;

// `ticks` widened beyond a round end when `value` lies within the ring's room of it, so that
// the ring is not cut in half at the plot's edge. The room is less than a step and the ticks
// are anchored: no tick is added. `pixels` is the plot's extent along the axis (0: not laid out
// yet, then a twentieth of the span).
RoundTicks withRingRoom(RoundTicks ticks, double value, double pixels)
{
    const double span = ticks.high - ticks.low;
    const double room = span * (pixels > 4.0 * kRingRoomPixels ? kRingRoomPixels / pixels : 0.05);
    ticks.high = std::max(ticks.high, value + room);
    ticks.low = std::min(ticks.low, value - room);
    return ticks;
}

// Whole epochs, from 0 so that the first epoch's running loss has room.
RoundTicks epochTicks(int epochs)
{
    const int last = std::max(1, epochs);
    RoundTicks ticks = roundTicks(0.0, last, TrainingCharts::kEpochTicks, 0.0,
                                  std::numeric_limits<double>::infinity());
    if (ticks.step < 1.0) {
        ticks.step = 1.0;
        ticks.high = last;
    }
    ticks.decimals = 0;
    return ticks;
}

// The smallest and largest value shown by the given drawn curves, and measured too when
// `measured` (the best-epoch marker sits on a measured value, whatever the smoothing).
std::pair<double, double> extent(const std::vector<const std::vector<CurvePoint>*>& curves,
                                 bool measured)
{
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    for (const auto* points : curves)
        for (const CurvePoint& p : *points) {
            low = std::min({low, p.shown, measured ? p.value : p.shown});
            high = std::max({high, p.shown, measured ? p.value : p.shown});
        }
    return {low, high};
}

// The headline accuracy curve of a run: the one its best epoch is judged by.
const EpochCurve* headlineCurve(const std::vector<EpochReport>& history)
{
    const std::optional<BestEpoch> best = semrel::bestEpoch(history);
    const char* name = !best                                          ? "ZSL"
                       : best->measure == HeadlineMeasure::Validation ? "validation"
                       : best->measure == HeadlineMeasure::Zsl        ? "ZSL"
                                                                      : "GZSL H";
    for (const EpochCurve& curve : epochCurves())
        if (QLatin1String(curve.name) == QLatin1String(name))
            return &curve;
    return nullptr;
}

} // namespace

void TrainingCharts::redrawCurrent()
{
    static const std::vector<EpochReport> none;
    const std::vector<EpochReport>& history = m_hasCurrentRun ? m_runs.back().history : none;
    const auto show = [this](QLineSeries* series, const std::vector<QPointF>& values,
                             bool accuracy) {
        Drawn drawn{series->name(), accuracy,
                    drawnPoints(values, m_smoothing, logScale() && !accuracy)};
        series->replace(shownPoints(drawn.points));
        // Curves this configuration never measures (e.g. validation when training on trainval)
        // leave the legend.
        showInLegend(series, !values.empty());
        m_drawn.insert(series, std::move(drawn));
    };
    for (const EpochCurve& curve : epochCurves())
        show(m_series.value(curve.name), epochValues(history, curve), curve.accuracy);
    show(m_series.value(kRunningLossName), runningLossValues(m_batches), false);
}

void TrainingCharts::relabel()
{
    std::vector<TrainingConfig> configs;
    for (const TrainingRun& run : m_runs)
        if (run.config)
            configs.push_back(*run.config);
    const std::vector<std::string> settings = distinguishingSettings(configs);
    std::size_t next = 0;
    for (TrainingRun& run : m_runs) {
        run.label = run.name;
        if (run.config)
            run.label += QStringLiteral(" (%1)").arg(QString::fromStdString(settings[next++]));
        if (!run.note.isEmpty())
            run.label += QStringLiteral(", ") + run.note;
    }
}

void TrainingCharts::rebuildOverlay()
{
    relabel();
    for (QLineSeries* series : std::as_const(m_overlaySeries)) {
        m_drawn.remove(series);
        series->chart()->removeSeries(series);
        delete series;
    }
    m_overlaySeries.clear();
    QList<TrainingChartsLegend::Entry> legend;
    const std::size_t earlier = m_runs.size() - (m_hasCurrentRun ? 1 : 0);
    const std::size_t first = earlier > kMaxOverlaidRuns ? earlier - kMaxOverlaidRuns : 0;
    for (std::size_t r = first; overlayVisible() && r < earlier; ++r) {
        const TrainingRun& run = m_runs[r];
        // One curve per chart keeps the comparison readable: the total loss, and the headline
        // accuracy (validation when the run measured it, else ZSL).
        for (const EpochCurve* curve : {&epochCurves().front(), headlineCurve(run.history)}) {
            const std::vector<QPointF> values = epochValues(run.history, *curve);
            if (values.empty())
                continue;
            auto* series = new QLineSeries(this);
            series->setName(QStringLiteral("%1: %2").arg(run.label, curve->name));
            series->setPen(overlayPen(r - first));
            Drawn drawn{series->name(), curve->accuracy,
                        drawnPoints(values, m_smoothing, logScale() && !curve->accuracy)};
            series->replace(shownPoints(drawn.points));
            (curve->accuracy ? m_accuracyChart : m_lossChart)->addSeries(series);
            attach(series, curve->accuracy);
            showInLegend(series, false); // named in the runs legend instead
            m_drawn.insert(series, std::move(drawn));
            m_overlaySeries.append(series);
        }
        for (const EpochReport& e : run.history)
            m_epochs = std::max(m_epochs, e.epoch);
        legend.append({overlayPen(r - first), run.label});
    }
    if (!legend.isEmpty() && m_hasCurrentRun)
        legend.append({QPen(QColor(0x22, 0x22, 0x22), 2), m_runs.back().label});
    m_runsLegend->setEntries(legend);
    updateRanges();
}

std::optional<BestEpoch> TrainingCharts::bestEpoch() const
{
    if (!m_hasCurrentRun)
        return std::nullopt;
    return semrel::bestEpoch(m_runs.back().history);
}

QString TrainingCharts::bestEpochText() const
{
    const std::optional<BestEpoch> best = bestEpoch();
    if (!best)
        return {};
    const EpochReport& last = m_runs.back().history.back();
    const QString measure = QString::fromUtf8(headlineMeasureName(best->measure));
    QString text = tr("Best epoch %1: %2 %3 %")
                       .arg(best->epoch)
                       .arg(measure)
                       .arg(100.0 * best->accuracy, 0, 'f', 1);
    if (last.epoch != best->epoch)
        text += tr(" (last, epoch %1: %2 %)")
                    .arg(last.epoch)
                    .arg(100.0 * headlineAccuracy(last, best->measure), 0, 'f', 1);
    return text;
}

void TrainingCharts::updateBest()
{
    const std::optional<BestEpoch> best = bestEpoch();
    m_bestMarker->replace(best ? QList<QPointF>{QPointF(best->epoch, 100.0 * best->accuracy)}
                               : QList<QPointF>{});
    showInLegend(m_bestMarker, best.has_value());
    m_bestLabel->setText(bestEpochText());
}

void TrainingCharts::updateRanges()
{
    std::vector<const std::vector<CurvePoint>*> loss, accuracy;
    for (auto it = m_drawn.cbegin(); it != m_drawn.cend(); ++it)
        (it->accuracy ? accuracy : loss).push_back(&it->points);
    if (!m_lossView->isZoomed()) {
        applyRoundTicks(m_lossX, epochTicks(m_epochs));
        const auto [low, high] = extent(loss, /*measured=*/false);
        if (logScale())
            applyLogRange(m_lossLogY, std::isfinite(low) ? low : 0.1,
                          std::isfinite(high) ? high : 1.0);
        else
            applyRoundTicks(m_lossY, std::isfinite(low)
                                         ? roundTicks(low, high, kValueTicks,
                                                      -std::numeric_limits<double>::infinity(),
                                                      std::numeric_limits<double>::infinity())
                                         : roundTicks(0.0, 1.0, 5, 0.0, 1.0)); // no point yet
    }
    if (!m_accuracyView->isZoomed()) {
        RoundTicks x = epochTicks(m_epochs);
        const auto [low, high] = extent(accuracy, /*measured=*/true);
        // Fitted to the data (SUN's early curves are not left on the floor), in 0 to 100 %.
        RoundTicks y = std::isfinite(low) ? roundTicks(low, high, kValueTicks, 0.0, 100.0)
                                          : roundTicks(0.0, 100.0, 5, 0.0, 100.0);
        if (const std::optional<BestEpoch> best = bestEpoch()) {
            const QRectF plot = m_accuracyChart->plotArea();
            x = withRingRoom(x, best->epoch, plot.width());
            y = withRingRoom(y, 100.0 * best->accuracy, plot.height());
        }
        applyRoundTicks(m_accuracyX, x);
        applyRoundTicks(m_accuracyY, y);
    }
}

QString TrainingCharts::describe(const QXYSeries* series, qsizetype index) const
{
    if (series == m_bestMarker)
        return bestEpochText();
    const auto it = m_drawn.constFind(series);
    if (it == m_drawn.cend() || index < 0 || index >= static_cast<qsizetype>(it->points.size()))
        return {};
    return describePoint(it->what, it->points[static_cast<std::size_t>(index)], it->accuracy);
}

} // namespace semrel::ui
