// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// `semrel`: the command-line face of the core. Progress goes to stderr, results to stdout.
#include "cli/commands.h"
#include "cli/option_checks.h"
#include "install/version.h"

#include <semrel/errors.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <new>
#include <string>

namespace {

// Every failure is one line, "semrel: <message>", and exit status 1 (docs/CLI.md).
int fail(const std::string& message)
{
    std::fprintf(stderr, "semrel: %s\n", semrel::cli::printable(message).c_str());
    return 1;
}

} // namespace

int main(int argc, char** argv)
{
    // A write beyond the file size limit (ulimit -f) then fails with EFBIG, which the writer
    // reports, instead of killing the process with SIGXFSZ.
    std::signal(SIGXFSZ, SIG_IGN);
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
    semrel::cli::refuseEmptyValues(app);
    semrel::cli::addReproduceCommand(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version are "errors" that exit 0 after printing.
        if (e.get_exit_code() == 0)
            return app.exit(e);
        return fail(std::string(e.what()) + " (see semrel --help)");
    } catch (const semrel::Error& e) {
        return fail(e.what());
    } catch (const std::bad_alloc&) {
        return fail("out of memory: the data or the settings ask for more memory than there is");
    } catch (const std::exception& e) {
        return fail(std::string("unexpected error: ") + e.what());
    }
    return 0;
}
