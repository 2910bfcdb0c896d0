// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// `semrel`: the command-line face of the core. Progress goes to stderr, results to stdout.
#include "cli/commands.h"
#include "install/version.h"

#include <semrel/errors.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

int main(int argc, char** argv)
{
    CLI::App app{"semrel: zero-shot learning that preserves semantic relations (CVPR 2018)",
                 "semrel"};
    app.set_version_flag("--version", std::string("semrel ") + semrel::app::programVersion(),
                         "Print the version and exit");
    app.require_subcommand(1);
    semrel::cli::addInfoCommand(app);
    semrel::cli::addImportCommand(app);
    semrel::cli::addSynthCommand(app);
    semrel::cli::addDemoCommand(app);
    semrel::cli::addTrainCommand(app);
    semrel::cli::addTuneCommand(app);
    semrel::cli::addEvalCommand(app);
    semrel::cli::addRelateCommand(app);
    semrel::cli::addReproduceCommand(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const semrel::Error& e) {
        std::fprintf(stderr, "semrel: %s\n", e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "semrel: unexpected error: %s\n", e.what());
        return 1;
    }
    return 0;
}
