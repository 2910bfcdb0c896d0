// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace semrel::ui {

// The window's check of a file the user chose to save or export to: the command line's rule for
// every output (semrel::checkOutputFile, docs/CLI.md "Outputs"), with the files of the documents
// open in the window as the inputs, since replacing one would destroy what the user works on.

// The files behind what is open: a dataset file or an xlsa17 folder with the files it was
// imported from (semrel::datasetInputFiles), and a model file. Either path may be empty.
QStringList openDocumentFiles(const QString& datasetPath, const QString& modelPath);

// Why `path` may not be written, naming it (a folder, a device, a FIFO, one of `openFiles`, a
// folder where no file can be created), or an empty string when it may. Nothing is written.
QString refusalToWrite(const QString& path, const QStringList& openFiles);

} // namespace semrel::ui
