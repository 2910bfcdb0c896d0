// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

// Runs `semrel` verbs for the command-line tests: in this process as main does (starting the
// program costs seconds of library loading per run), or as the built program when what main adds
// matters (exit status, signals).
namespace semrel::test {

struct CliRun
{
    int status = -1;
    QByteArray out;
    QByteArray err;
};

// Every verb registered as in cli_main.cpp; stdout and stderr captured through temporary files.
CliRun runVerb(const QStringList& arguments);
// stdout parsed as a JSON object (empty, with a warning, when it is not one).
QJsonObject jsonOfVerb(const QStringList& arguments);

} // namespace semrel::test
