// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "progress_bar.h"

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace semrel::cli {

ProgressBar::ProgressBar(std::string label)
    : m_label(std::move(label)), m_terminal(isatty(fileno(stderr)) != 0)
{}

ProgressBar::~ProgressBar()
{
    if (m_drawn && m_terminal)
        std::fputc('\n', stderr);
}

void ProgressBar::update(double fraction, const std::string& stage)
{
    fraction = std::clamp(fraction, 0.0, 1.0);
    const int percent = static_cast<int>(fraction * 100.0 + 0.5);
    if (!m_terminal) {
        const int decile = percent / 10;
        if (decile == m_lastDecile)
            return;
        m_lastDecile = decile;
        std::fprintf(stderr, "%s: %3d%% %s\n", m_label.c_str(), percent, stage.c_str());
        m_drawn = true;
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (m_drawn && fraction < 1.0 && now - m_lastDraw < std::chrono::milliseconds(100))
        return;
    m_lastDraw = now;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    const std::string bar = std::string(filled, '#') + std::string(kWidth - filled, '.');
    std::fprintf(stderr, "\r%s [%s] %3d%% %-30.30s", m_label.c_str(), bar.c_str(), percent,
                 stage.c_str());
    std::fflush(stderr);
    m_drawn = true;
}

ProgressCallback ProgressBar::callback()
{
    return [this](double fraction, const std::string& stage) {
        update(fraction, stage);
    };
}

} // namespace semrel::cli
