// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "limited_process.h"

#include <QElapsedTimer>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace semrel::test {

QString LimitedRun::describe() const
{
    if (timedOut)
        return QStringLiteral("killed by the watchdog");
    if (!exited)
        return QStringLiteral("signal %1 (%2)")
            .arg(signal)
            .arg(QString::fromUtf8(strsignal(signal)));
    return QStringLiteral("exit %1").arg(status);
}

namespace {

// Reads what is there without waiting; false once the writer has closed its end.
bool drain(int fd, QByteArray& into)
{
    char buffer[4096];
    for (;;) {
        const ssize_t n = read(fd, buffer, sizeof buffer);
        if (n > 0) {
            into.append(buffer, static_cast<int>(n));
            continue;
        }
        return n < 0 && (errno == EAGAIN || errno == EINTR);
    }
}

} // namespace

LimitedRun runLimited(const QString& program, const QStringList& arguments, long long fileSizeLimit,
                      int timeoutSeconds)
{
    LimitedRun run;
    // Pipes, not files, for the output: the file size limit would cut a file short.
    int out[2];
    int err[2];
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0)
        return run;
    // Everything the child needs is prepared before fork(): after it, only async-signal-safe
    // calls until exec.
    std::vector<std::string> words{program.toStdString()};
    for (const QString& a : arguments)
        words.push_back(a.toStdString());
    std::vector<char*> argv;
    for (std::string& w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);

    const pid_t child = fork();
    if (child == 0) {
        if (fileSizeLimit >= 0) {
            const rlimit limit{static_cast<rlim_t>(fileSizeLimit),
                               static_cast<rlim_t>(fileSizeLimit)};
            setrlimit(RLIMIT_FSIZE, &limit);
        }
        signal(SIGXFSZ, SIG_IGN); // stays ignored across exec
        dup2(out[1], STDOUT_FILENO);
        dup2(err[1], STDERR_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    if (child < 0) {
        close(out[0]);
        close(err[0]);
        return run;
    }
    fcntl(out[0], F_SETFL, O_NONBLOCK);
    fcntl(err[0], F_SETFL, O_NONBLOCK);
    int status = 0;
    QElapsedTimer clock;
    clock.start();
    while (waitpid(child, &status, WNOHANG) == 0) {
        drain(out[0], run.out);
        drain(err[0], run.err);
        if (clock.elapsed() > timeoutSeconds * 1000LL) {
            kill(child, SIGKILL);
            waitpid(child, &status, 0);
            run.timedOut = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    while (drain(out[0], run.out) || drain(err[0], run.err)) {
    }
    close(out[0]);
    close(err[0]);
    run.exited = !run.timedOut && WIFEXITED(status);
    run.status = run.exited ? WEXITSTATUS(status) : -1;
    run.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    return run;
}

} // namespace semrel::test
