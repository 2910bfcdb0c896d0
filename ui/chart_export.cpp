// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "chart_export.h"

#include <QBuffer>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace semrel::ui {

namespace {

QString commit(QSaveFile& file, const QString& path)
{
    if (!file.commit())
        return QObject::tr("%1: could not write the file (%2)").arg(path, file.errorString());
    return {};
}

} // namespace

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
