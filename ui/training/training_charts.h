// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/model_file/model_state.h>

#include <QList>
#include <QMap>
#include <QPointF>
#include <QTimer>
#include <QWidget>

#include <vector>

class QCheckBox;
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace semrel::ui {

// One training run of the session: its label ("Run 2 (proposed, τ 0.20)") and epochs.
struct TrainingRun
{
    QString label;
    std::vector<EpochReport> history;
};

// Live curves of a training session: the loss terms (total, O1, O2, O3) and the accuracies
// (validation, ZSL, GZSL ts / tr / H, in %) per epoch. Earlier runs of the session can be
// overlaid, dashed, for comparison. Redraws are coalesced: points land in a buffer and the
// series are replace()d at most every kRedrawDelayMs; animations are off.
class TrainingCharts : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kRedrawDelayMs = 50;
    static constexpr int kMaxOverlaidRuns = 4;

    explicit TrainingCharts(QWidget* parent = nullptr);

    // Begins a new current run; the previous one joins the earlier runs.
    void startRun(const QString& label, int epochs);
    void addEpoch(const EpochReport& report);
    // Adds a finished run (for example the history stored in an opened model) as an earlier run.
    void addEarlierRun(const TrainingRun& run);

    void setOverlayVisible(bool visible);
    bool overlayVisible() const;

    // The current run's series, by name: "loss", "O1", "O2", "O3", "validation", "ZSL",
    // "GZSL ts", "GZSL tr", "GZSL H". nullptr for an unknown name.
    QLineSeries* series(const QString& name) const;
    // Series drawn for the earlier runs right now.
    int overlaySeriesCount() const;
    // Every run of the session, the current one last.
    std::vector<TrainingRun> runs() const;

    // Draws pending points now (exports call it so that the file shows the latest epoch).
    void flush();

private:
    QChartView* makeChartView(QChart* chart, QValueAxis* x, QValueAxis* y, const QString& title,
                              const QString& yTitle);
    void addCurrentSeries(QChart* chart, QValueAxis* x, QValueAxis* y, const QString& name,
                          const QColor& color);
    void rebuildOverlay();
    void updateRanges();

    QChart* m_lossChart;
    QChart* m_accuracyChart;
    QValueAxis* m_lossX;
    QValueAxis* m_lossY;
    QValueAxis* m_accuracyX;
    QValueAxis* m_accuracyY;
    QCheckBox* m_overlayBox;
    QMap<QString, QLineSeries*> m_series;
    QMap<QString, QList<QPointF>> m_points;
    QList<QLineSeries*> m_overlaySeries;
    std::vector<TrainingRun> m_runs; // earlier runs, then the current one (if started)
    bool m_hasCurrentRun = false;
    int m_epochs = 1;
    QTimer m_redrawTimer;
};

} // namespace semrel::ui
