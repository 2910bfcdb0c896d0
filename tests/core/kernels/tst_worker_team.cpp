// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "kernels/worker_team.h"

#include <QTest>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using semrel::TeamMember;
using semrel::WorkerTeam;

class TestWorkerTeam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsTheJobOnTheActiveMembers_data();
    void runsTheJobOnTheActiveMembers();
    void sharesEveryItemExactlyOnce();
    void barrierSeparatesStages();
    void rethrowsAMembersExceptionAfterAllReturn();
    void nestedRunIsInline();
};

void TestWorkerTeam::runsTheJobOnTheActiveMembers_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("active");
    QTest::addColumn<int>("expected");
    QTest::newRow("all of 3") << 3 << 3 << 3;
    QTest::newRow("2 of 3") << 3 << 2 << 2;
    QTest::newRow("clamped up") << 2 << 0 << 1;
    QTest::newRow("clamped down") << 2 << 5 << 2;
}

void TestWorkerTeam::runsTheJobOnTheActiveMembers()
{
    QFETCH(int, size);
    QFETCH(int, active);
    QFETCH(int, expected);
    WorkerTeam team(size, /*spinMicroseconds=*/0);
    QCOMPARE(team.size(), size);
    for (int job = 0; job < 20; ++job) {
        std::atomic<int> runs{0}, wrongCount{0};
        std::atomic<bool> callerRan{false};
        const std::thread::id caller = std::this_thread::get_id();
        team.run(active, [&](TeamMember& me) {
            if (me.count() != expected)
                ++wrongCount;
            if (me.index() == 0 && std::this_thread::get_id() == caller)
                callerRan = true;
            ++runs;
        });
        QCOMPARE(runs.load(), expected);
        QCOMPARE(wrongCount.load(), 0);
        QVERIFY(callerRan);
    }
}

void TestWorkerTeam::sharesEveryItemExactlyOnce()
{
    WorkerTeam team(2);
    std::vector<std::atomic<int>> first(1000), second(7);
    team.run(2, [&](TeamMember& me) {
        me.share(1000, [&](std::int64_t i) { ++first[static_cast<std::size_t>(i)]; });
        me.share(7, [&](std::int64_t i) { ++second[static_cast<std::size_t>(i)]; });
    });
    for (const auto& hits : first)
        QCOMPARE(hits.load(), 1);
    for (const auto& hits : second)
        QCOMPARE(hits.load(), 1);
}

// Every item of the second stage reads all of the first: wrong without the barrier between.
void TestWorkerTeam::barrierSeparatesStages()
{
    WorkerTeam team(3);
    for (int job = 0; job < 50; ++job) {
        std::vector<int> values(300, 0);
        std::vector<int> sums(300, 0);
        team.run(3, [&](TeamMember& me) {
            me.share(300, [&](std::int64_t i) { values[static_cast<std::size_t>(i)] = 1; });
            me.barrier();
            me.share(300, [&](std::int64_t i) {
                int sum = 0;
                for (int v : values)
                    sum += v;
                sums[static_cast<std::size_t>(i)] = sum;
            });
        });
        QCOMPARE(std::set<int>(sums.begin(), sums.end()), std::set<int>{300});
    }
}

// The member that throws leaves the job; the others' barrier does not wait for it.
void TestWorkerTeam::rethrowsAMembersExceptionAfterAllReturn()
{
    WorkerTeam team(2);
    std::atomic<int> afterBarrier{0};
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, team.run(2, [&](TeamMember& me) {
        if (me.index() == 1)
            throw std::runtime_error("member 1 failed");
        me.barrier();
        ++afterBarrier;
    }));
    QCOMPARE(afterBarrier.load(), 1);
    std::atomic<int> runs{0};
    team.run(2, [&](TeamMember&) { ++runs; });
    QCOMPARE(runs.load(), 2);
}

void TestWorkerTeam::nestedRunIsInline()
{
    WorkerTeam team(2);
    std::atomic<int> inner{0}, notAlone{0};
    team.run(2, [&](TeamMember&) {
        team.run(2, [&](TeamMember& nested) {
            if (nested.count() != 1)
                ++notAlone;
            nested.share(4, [&](std::int64_t) { ++inner; });
            nested.barrier();
        });
    });
    QCOMPARE(inner.load(), 8);
    QCOMPARE(notAlone.load(), 0);
}

QTEST_GUILESS_MAIN(TestWorkerTeam)
#include "tst_worker_team.moc"
