// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "training/training_charts_curves.h"

#include <semrel/method/training_config.h>
#include <semrel/model_file/model_state.h>
#include <semrel/reports/training_curves.h>
#include <semrel/training/trainer.h>

#include <QHash>
#include <QList>
#include <QMap>
#include <QTimer>
#include <QWidget>

#include <optional>
#include <vector>

class QChart;
class QCheckBox;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QSlider;
class QValueAxis;
class QXYSeries;

namespace semrel::ui {

class TrainingChartView;
class TrainingChartsLegend;

// One training run of the session: what it is called, how it was trained, its epochs.
struct TrainingRun
{
    QString name;                         // "Run 2", or the file a model came from
    std::optional<TrainingConfig> config; // the settings, when known
    std::vector<EpochReport> history;
    QString note; // "resumed", "tuned"; empty for none
    // name, the settings that tell it from the session's other runs (semrel/reports/
    // training_curves.h) and the note: "Run 2 (proposed, τ 0.20, λ1 0.5), resumed". Set by the
    // charts whenever the runs change.
    QString label;
};

// Live curves of a training session: the loss terms (total, O1, O2, O3) per epoch with the
// running loss within epochs, and the accuracies (validation, ZSL, GZSL ts / tr / H, in %) per
// epoch, on round ticks fitted to the data. The best epoch is marked with its numbers. Earlier
// runs of the session can be overlaid, dashed and labelled below the charts. Optional log scale
// (loss) and smoothing; zoom and hover values (TrainingChartView). Redraws are coalesced: points
// land in a buffer and the series are replace()d at most every kRedrawDelayMs; no animations.
class TrainingCharts : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kRedrawDelayMs = 50;
    static constexpr int kMaxOverlaidRuns = 4;
    // Running-loss points kept per epoch of the current run: enough to see an epoch's trend,
    // few enough that a thousand-epoch run stays cheap to draw.
    static constexpr int kMaxBatchPointsPerEpoch = 40;
    static constexpr int kValueTicks = 6;  // intervals on a value axis, about
    static constexpr int kEpochTicks = 10; // on the epoch axis, at most

    explicit TrainingCharts(QWidget* parent = nullptr);

    // Begins a new current run of `epochs` epochs; the previous one joins the earlier runs.
    void startRun(const QString& name, std::optional<TrainingConfig> config, int epochs,
                  const QString& note = {});
    void addBatch(const BatchReport& report);
    void addEpoch(const EpochReport& report);
    // Adds a finished run (for example the history stored in an opened model) as an earlier run.
    void addEarlierRun(TrainingRun run);

    void setOverlayVisible(bool visible);
    bool overlayVisible() const;
    void setLogScale(bool logarithmic); // the loss axis
    bool logScale() const;
    // Smoothing weight in [0, 0.95] (0: none).
    void setSmoothing(double weight);
    double smoothing() const { return m_smoothing; }
    // What to do first, shown above the charts until the first run (or the first curves of an
    // opened model) arrives: "Open a dataset (Ctrl+O), then press Train (F5)…".
    void setGuideText(const QString& text);
    QString guideText() const;
    bool guideVisible() const;
    // Both charts show the whole run again.
    void resetZoom();

    // The current run's series, by name: "loss", "O1", "O2", "O3", kRunningLossName,
    // "validation", "ZSL", "GZSL ts", "GZSL tr", "GZSL H". nullptr for an unknown name.
    QLineSeries* series(const QString& name) const;
    // The best epoch of the current run (none before its first accuracy), its marker and text:
    // "Best epoch 7: ZSL 77.5 % (last, epoch 10: 74.8 %)".
    std::optional<BestEpoch> bestEpoch() const;
    QScatterSeries* bestMarker() const { return m_bestMarker; }
    QString bestEpochText() const;
    // Series drawn for the earlier runs right now.
    int overlaySeriesCount() const;
    // Every run of the session, the current one last, labelled.
    std::vector<TrainingRun> runs() const;
    TrainingChartView* lossView() const { return m_lossView; }
    TrainingChartView* accuracyView() const { return m_accuracyView; }
    TrainingChartsLegend* runsLegend() const { return m_runsLegend; }
    QValueAxis* accuracyAxis() const { return m_accuracyY; }
    QValueAxis* accuracyEpochAxis() const { return m_accuracyX; }
    QValueAxis* lossAxis() const { return m_lossY; }

    // Draws pending points now (exports call it so that the file shows the latest epoch).
    void flush();

private:
    struct Drawn // what a series on a chart shows, for hovering
    {
        QString what;
        bool accuracy = false;
        std::vector<CurvePoint> points;
    };

    TrainingChartView* makeChartView(QChart* chart, QValueAxis* x, QValueAxis* y,
                                     const QString& title, const QString& yTitle);
    QWidget* makeControls();
    QLineSeries* addSeries(QChart* chart, const QString& name, const QPen& pen);
    void attach(QXYSeries* series, bool accuracy);
    void redrawCurrent();
    void rebuildOverlay();
    void relabel();
    void updateBest();
    void updateRanges();
    void scheduleRedraw();
    // training_charts_drawing.cpp: what the series show.
    QString describe(const QXYSeries* series, qsizetype index) const;

    QChart* m_lossChart;
    QChart* m_accuracyChart;
    QValueAxis* m_lossX;
    QValueAxis* m_lossY;
    QLogValueAxis* m_lossLogY;
    QValueAxis* m_accuracyX;
    QValueAxis* m_accuracyY;
    TrainingChartView* m_lossView;
    TrainingChartView* m_accuracyView;
    TrainingChartsLegend* m_runsLegend;
    QCheckBox* m_overlayBox = nullptr;
    QCheckBox* m_logBox = nullptr;
    QSlider* m_smoothingSlider = nullptr;
    QLabel* m_bestLabel = nullptr;
    QLabel* m_guide = nullptr;
    QMap<QString, QLineSeries*> m_series;
    QScatterSeries* m_bestMarker = nullptr;
    QList<QLineSeries*> m_overlaySeries;
    QHash<const QXYSeries*, Drawn> m_drawn;
    std::vector<TrainingRun> m_runs;    // earlier runs, then the current one (if started)
    std::vector<BatchReport> m_batches; // the current run's, thinned (kMaxBatchPointsPerEpoch)
    bool m_hasCurrentRun = false;
    int m_epochs = 1;
    double m_smoothing = 0.0;
    QTimer m_redrawTimer;
};

} // namespace semrel::ui
