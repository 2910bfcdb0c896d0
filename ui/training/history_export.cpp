// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/history_export.h"

#include <QBuffer>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextStream>
#include <QWidget>

#include <cmath>

namespace semrel::ui {

namespace {

QString number(double value)
{
    // NaN marks "not measured": an empty cell, which spreadsheets and pandas read as missing.
    return std::isnan(value) ? QString() : QString::number(value, 'g', 8);
}

QString quoted(QString text)
{
    return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

QString commit(QSaveFile& file, const QString& path)
{
    if (!file.commit())
        return QObject::tr("%1: could not write the file (%2)").arg(path, file.errorString());
    return {};
}

} // namespace

QString writeHistoryCsv(const std::vector<TrainingRun>& runs, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return QObject::tr("%1: could not open for writing (%2)").arg(path, file.errorString());
    QTextStream out(&file);
    out << "run,label,epoch,loss,o1,o2,o3,validation,zsl,gzsl_ts,gzsl_tr,gzsl_h,seconds,"
           "eval_seconds\n";
    for (std::size_t r = 0; r < runs.size(); ++r) {
        for (const EpochReport& e : runs[r].history) {
            const QStringList cells = {QString::number(r + 1),
                                       quoted(runs[r].label),
                                       QString::number(e.epoch),
                                       number(e.loss),
                                       number(e.o1),
                                       number(e.o2),
                                       number(e.o3),
                                       number(e.validationAccuracy),
                                       number(e.zslAccuracy),
                                       number(e.gzslUnseen),
                                       number(e.gzslSeen),
                                       number(e.gzslH),
                                       number(e.seconds),
                                       number(e.evalSeconds)};
            out << cells.join(QLatin1Char(',')) << '\n';
        }
    }
    out.flush();
    return commit(file, path);
}

QString exportWidgetPng(QWidget* widget, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("%1: could not open for writing (%2)").arg(path, file.errorString());
    if (!widget->grab().save(&file, "PNG"))
        return QObject::tr("%1: could not encode the PNG image").arg(path);
    return commit(file, path);
}

QString exportWidgetSvg(QWidget* widget, const QString& path, const QString& title)
{
    // QSvgGenerator wants a device it can write as it paints: render into memory, then save.
    QBuffer buffer;
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(widget->size());
    generator.setViewBox(widget->rect());
    generator.setTitle(title);
    {
        QPainter painter;
        if (!painter.begin(&generator))
            return QObject::tr("%1: could not start the SVG renderer").arg(path);
        widget->render(&painter);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("%1: could not open for writing (%2)").arg(path, file.errorString());
    file.write(buffer.data());
    return commit(file, path);
}

} // namespace semrel::ui
