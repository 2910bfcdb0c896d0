// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/model_file/model_state.h>
#include <semrel/training/trainer.h>

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>

#include <vector>

namespace semrel::ui {

// One curve of the training charts: an epoch report's value, on the loss chart or (in %) on the
// accuracy chart.
struct EpochCurve
{
    const char* name; // "loss", "O1", ..., "ZSL", "GZSL H": also the series' name
    QColor color;
    bool accuracy;
    double (*value)(const EpochReport&); // NaN where the epoch did not measure it
};

// The loss terms (total, O1, O2, O3), then the accuracies (validation, ZSL, GZSL ts, tr, H).
const std::vector<EpochCurve>& epochCurves();

// The epoch's running loss after each reported batch, drawn within the epochs.
inline constexpr const char* kRunningLossName = "running loss";

// A point as drawn: where (in epochs), the value measured, and the value shown (smoothed).
struct CurvePoint
{
    double epoch = 0.0;
    double value = 0.0;
    double shown = 0.0;
};

// (epoch, value) of every epoch that measured the curve.
std::vector<QPointF> epochValues(const std::vector<EpochReport>& history, const EpochCurve& curve);
// (epoch − 1 + batch / batches, running loss) of every batch report.
std::vector<QPointF> runningLossValues(const std::vector<BatchReport>& batches);

// The points to draw: smoothed with `smoothing` (0 for none, semrel/reports/training_curves.h);
// those not above zero left out when `positiveOnly` (a log axis cannot show them).
std::vector<CurvePoint> drawnPoints(const std::vector<QPointF>& values, double smoothing,
                                    bool positiveOnly);
QList<QPointF> shownPoints(const std::vector<CurvePoint>& points);

// "ZSL, epoch 3: 45.2 %" (with "(smoothed 44.0 %)" when smoothing changed it).
QString describePoint(const QString& what, const CurvePoint& point, bool accuracy);

} // namespace semrel::ui
