// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QApplication>
#include <QtGlobal>

#include <benchmark/benchmark.h>

namespace semrel::bench {

// The whole main() of a Google Benchmark program that shows widgets: offscreen unless
// QT_QPA_PLATFORM names another platform, one QApplication for every benchmark.
inline int runWidgetBenchmarks(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

} // namespace semrel::bench
