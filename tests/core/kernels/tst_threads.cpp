// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/kernels/threads.h>

#include <QRegularExpression>
#include <QTest>

#include <sched.h>
#include <thread>

class TestThreads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setsTheRequestedCount();
    void defaultIsEveryAllowedCore();
    void summaryNamesTheCountAndTheKernels();
};

void TestThreads::setsTheRequestedCount()
{
    QCOMPARE(semrel::configureThreads(2), 2);
    QCOMPARE(semrel::currentThreadCount(), 2);
    QCOMPARE(semrel::configureThreads(1), 1);
    QCOMPARE(semrel::currentThreadCount(), 1);
}

void TestThreads::defaultIsEveryAllowedCore()
{
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    QCOMPARE(sched_getaffinity(0, sizeof allowed, &allowed), 0);
    QCOMPARE(semrel::defaultThreadCount(), CPU_COUNT(&allowed));
    QCOMPARE(semrel::configureThreads(0), semrel::defaultThreadCount());
}

void TestThreads::summaryNamesTheCountAndTheKernels()
{
    semrel::configureThreads(2);
    const QString two = QString::fromStdString(semrel::computeSummary());
    QVERIFY2(two.startsWith("threads: 2; BLAS: "), qPrintable(two));
    QVERIFY2(two.contains(QRegularExpression("semrel kernels: (avx512|avx2|generic)$")),
             qPrintable(two));
    semrel::configureThreads(1);
    QVERIFY(QString::fromStdString(semrel::computeSummary()).startsWith("threads: 1; "));
}

QTEST_GUILESS_MAIN(TestThreads)
#include "tst_threads.moc"
