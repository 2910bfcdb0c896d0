// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "cli_runner.h"

#include "cli/commands.h"

#include <QJsonDocument>
#include <QTemporaryFile>

#include <cstdio>
#include <string>
#include <unistd.h>
#include <vector>

namespace semrel::test {

CliRun runVerb(const QStringList& arguments)
{
    CLI::App app{"semrel"};
    app.require_subcommand(1);
    cli::addInfoCommand(app);
    cli::addSynthCommand(app);
    cli::addTrainCommand(app);
    cli::addTuneCommand(app);
    cli::addEvalCommand(app);
    cli::addRelateCommand(app);
    cli::addReproduceCommand(app);
    std::vector<std::string> words{"semrel"};
    for (const QString& a : arguments)
        words.push_back(a.toStdString());
    std::vector<const char*> argv;
    for (const std::string& w : words)
        argv.push_back(w.c_str());

    QTemporaryFile out, err;
    CliRun run;
    if (!out.open() || !err.open())
        return run;
    std::fflush(stdout);
    std::fflush(stderr);
    const int savedOut = dup(STDOUT_FILENO);
    const int savedErr = dup(STDERR_FILENO);
    dup2(out.handle(), STDOUT_FILENO);
    dup2(err.handle(), STDERR_FILENO);
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
        run.status = 0;
    } catch (const CLI::ParseError& e) {
        run.status = app.exit(e);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "semrel: %s\n", e.what());
        run.status = 1;
    }
    std::fflush(stdout);
    std::fflush(stderr);
    dup2(savedOut, STDOUT_FILENO);
    dup2(savedErr, STDERR_FILENO);
    close(savedOut);
    close(savedErr);
    out.seek(0);
    err.seek(0);
    run.out = out.readAll();
    run.err = err.readAll();
    return run;
}

QJsonObject jsonOfVerb(const QStringList& arguments)
{
    const CliRun run = runVerb(arguments);
    if (run.status != 0)
        qWarning("semrel %s: %s", qPrintable(arguments.join(' ')), run.err.constData());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), run.out.constData());
    return doc.object();
}

} // namespace semrel::test
