// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/progress.h>

#include <chrono>
#include <string>

namespace semrel::cli {

// A one-line progress bar on stderr, redrawn at most every 100 ms. On a terminal it redraws in
// place; when stderr is a file or pipe it prints a line per 10% so logs stay readable.
class ProgressBar
{
public:
    explicit ProgressBar(std::string label);
    ~ProgressBar(); // ends the line

    void update(double fraction, const std::string& stage);
    // A ProgressCallback that feeds this bar.
    ProgressCallback callback();

private:
    std::string m_label;
    bool m_terminal;
    int m_lastDecile = -1;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_lastDraw;
};

} // namespace semrel::cli
