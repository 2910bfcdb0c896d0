// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_charts_curves.h"

#include <semrel/reports/training_curves.h>

#include <QCoreApplication>

#include <cmath>

namespace semrel::ui {

const std::vector<EpochCurve>& epochCurves()
{
    // Losses as they are; accuracies as percentages.
    static const std::vector<EpochCurve> curves = {
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
    return curves;
}

std::vector<QPointF> epochValues(const std::vector<EpochReport>& history, const EpochCurve& curve)
{
    std::vector<QPointF> values;
    for (const EpochReport& e : history) {
        const double v = curve.value(e);
        if (std::isfinite(v))
            values.emplace_back(e.epoch, v);
    }
    return values;
}

std::vector<QPointF> runningLossValues(const std::vector<BatchReport>& batches)
{
    std::vector<QPointF> values;
    values.reserve(batches.size());
    for (const BatchReport& b : batches)
        if (b.batches > 0 && std::isfinite(b.runningLoss))
            values.emplace_back(b.epoch - 1 + static_cast<double>(b.batch) / b.batches,
                                b.runningLoss);
    return values;
}

std::vector<CurvePoint> drawnPoints(const std::vector<QPointF>& values, double smoothing,
                                    bool positiveOnly)
{
    std::vector<double> raw;
    raw.reserve(values.size());
    for (const QPointF& p : values)
        raw.push_back(p.y());
    const std::vector<double> smoothed = smoothedCurve(raw, smoothing);
    std::vector<CurvePoint> points;
    points.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!positiveOnly || smoothed[i] > 0.0)
            points.push_back({values[i].x(), raw[i], smoothed[i]});
    return points;
}

QList<QPointF> shownPoints(const std::vector<CurvePoint>& points)
{
    QList<QPointF> list;
    list.reserve(static_cast<qsizetype>(points.size()));
    for (const CurvePoint& p : points)
        list.append(QPointF(p.epoch, p.shown));
    return list;
}

QString describePoint(const QString& what, const CurvePoint& point, bool accuracy)
{
    const auto text = [accuracy](double v) {
        return accuracy ? QStringLiteral("%1 %").arg(v, 0, 'f', 1) : QString::number(v, 'g', 4);
    };
    const bool whole = point.epoch == std::floor(point.epoch);
    QString line = QCoreApplication::translate("TrainingCharts", "%1, epoch %2: %3")
                       .arg(what,
                            whole ? QString::number(point.epoch, 'f', 0)
                                  : QString::number(point.epoch, 'f', 2),
                            text(point.value));
    if (point.shown != point.value)
        line +=
            QCoreApplication::translate("TrainingCharts", " (smoothed %1)").arg(text(point.shown));
    return line;
}

} // namespace semrel::ui
