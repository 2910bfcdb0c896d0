// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/step_threads.h"

#include <QTest>

#include <map>

using semrel::StepThreads;

namespace {

// Runs `steps` steps, each taking seconds[count]; returns how many ran on each count.
std::map<int, int> simulate(StepThreads& chooser, const std::map<int, double>& seconds, int steps)
{
    std::map<int, int> runs;
    for (int s = 0; s < steps; ++s) {
        const int count = chooser.next();
        ++runs[count];
        chooser.record(seconds.at(count));
    }
    return runs;
}

} // namespace

class TestStepThreads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixedCountIsAlwaysTheMaximum();
    void settlesOnTheFastestCount();
    void followsALoadChange();
    void keepsTheCurrentBestOnNoise();
    void aSlowFirstStepDoesNotDecide();
    void oneSlowStepDoesNotMoveTheChoice();
};

void TestStepThreads::fixedCountIsAlwaysTheMaximum()
{
    StepThreads chooser(2, /*adaptive=*/false);
    const std::map<int, int> runs = simulate(chooser, {{1, 0.001}, {2, 0.010}}, 100);
    QCOMPARE(runs, (std::map<int, int>{{2, 100}}));
    StepThreads one(1, /*adaptive=*/true);
    QCOMPARE(simulate(one, {{1, 0.001}}, 10), (std::map<int, int>{{1, 10}}));
}

void TestStepThreads::settlesOnTheFastestCount()
{
    StepThreads chooser(3, /*adaptive=*/true);
    const std::map<int, int> runs = simulate(chooser, {{1, 0.010}, {2, 0.004}, {3, 0.006}}, 480);
    QCOMPARE(chooser.best(), 2);
    // Besides the first samples, at most one step in 24 is spent elsewhere.
    QVERIFY(runs.at(2) >= 480 - 2 * 2 - 480 / 24);
    QVERIFY(runs.at(1) >= 2 && runs.at(3) >= 2);
}

// A busy process arrives: two threads become slower than one, and the chooser moves.
void TestStepThreads::followsALoadChange()
{
    StepThreads chooser(2, /*adaptive=*/true);
    simulate(chooser, {{1, 0.008}, {2, 0.005}}, 200);
    QCOMPARE(chooser.best(), 2);
    const std::map<int, int> loaded = simulate(chooser, {{1, 0.008}, {2, 0.020}}, 480);
    QCOMPARE(chooser.best(), 1);
    QVERIFY(loaded.at(1) > 400);
}

void TestStepThreads::keepsTheCurrentBestOnNoise()
{
    StepThreads chooser(2, /*adaptive=*/true);
    simulate(chooser, {{1, 0.0100}, {2, 0.0099}}, 100);
    const int best = chooser.best();
    simulate(chooser, {{1, 0.0099}, {2, 0.0100}}, 100);
    QCOMPARE(chooser.best(), best);
}

// The run's first step (2 threads) touches every buffer for the first time and takes as long as
// 40 steps; the chooser must still settle on 2 threads at once.
void TestStepThreads::aSlowFirstStepDoesNotDecide()
{
    StepThreads chooser(2, /*adaptive=*/true);
    QCOMPARE(chooser.next(), 2);
    chooser.record(0.200);
    const std::map<int, int> runs = simulate(chooser, {{1, 0.010}, {2, 0.005}}, 240);
    QCOMPARE(chooser.best(), 2);
    QVERIFY2(runs.at(2) >= 240 - 2 - 240 / 24, qPrintable(QString::number(runs.at(2))));
}

// Settled on 2 threads, one step is preempted for 20 times its length: the choice stays.
void TestStepThreads::oneSlowStepDoesNotMoveTheChoice()
{
    StepThreads chooser(2, /*adaptive=*/true);
    simulate(chooser, {{1, 0.010}, {2, 0.005}}, 50);
    QCOMPARE(chooser.best(), 2);
    QCOMPARE(chooser.next(), 2);
    chooser.record(0.100);
    QCOMPARE(chooser.best(), 2);
    const std::map<int, int> runs = simulate(chooser, {{1, 0.010}, {2, 0.005}}, 48);
    QVERIFY(runs.at(2) >= 48 - 2);
}

QTEST_GUILESS_MAIN(TestStepThreads)
#include "tst_step_threads.moc"
