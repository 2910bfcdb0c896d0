// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "output_check.h"

#include <semrel/dataset/dataset_summary.h>
#include <semrel/storage/output_file.h>

#include <QObject>

#include <exception>
#include <string>

namespace semrel::ui {

QStringList openDocumentFiles(const QString& datasetPath, const QString& modelPath)
{
    QStringList files;
    if (!datasetPath.isEmpty())
        for (const std::string& file : datasetInputFiles(datasetPath.toStdString()))
            files << QString::fromStdString(file);
    if (!modelPath.isEmpty())
        files << modelPath;
    return files;
}

QString refusalToWrite(const QString& path, const QStringList& openFiles)
{
    for (const QString& file : openFiles)
        if (isSameFile(path.toStdString(), file.toStdString()))
            return QObject::tr("%1: is open in the window (%2); writing it would destroy it")
                .arg(path, file);
    try {
        checkOutputFile(path.toStdString(), {});
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace semrel::ui
