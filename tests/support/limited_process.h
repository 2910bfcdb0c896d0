// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace semrel::test {

// How a program run by runLimited() ended.
struct LimitedRun
{
    bool exited = false;   // ended by exit(), not by a signal or the watchdog
    int status = -1;       // exit status when `exited`
    int signal = 0;        // the signal that ended it, if any
    bool timedOut = false; // the watchdog killed it
    QByteArray out;
    QByteArray err;

    // "exit 1", "signal 11 (SIGSEGV)", "killed by the watchdog after 60 s", for messages.
    QString describe() const;
};

// Runs `program` with `arguments` in a child process whose largest writable file is
// `fileSizeLimit` bytes (RLIMIT_FSIZE; negative: no limit). SIGXFSZ is ignored in the child, so
// a write past the limit fails with EFBIG as a write to a full disk fails with ENOSPC: this is
// how the fault tests fill the disk, unprivileged and without mounting anything. A watchdog
// kills the child after `timeoutSeconds`, so a program that hangs fails the test instead of
// hanging the suite.
LimitedRun runLimited(const QString& program, const QStringList& arguments,
                      long long fileSizeLimit = -1, int timeoutSeconds = 120);

} // namespace semrel::test
