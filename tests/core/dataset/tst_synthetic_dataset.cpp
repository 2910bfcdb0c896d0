// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "test_support.h"

#include <semrel/dataset/synthetic_dataset.h>

#include <QTest>

#include <cmath>

using semrel::Split;

class TestSyntheticDataset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hasTheRequestedShape();
    void sameSeedSameBytes();
    void otherSeedOtherData();
    void rejectsSpecWithoutUnseenClasses();
};

void TestSyntheticDataset::hasTheRequestedShape()
{
    semrel::SyntheticSpec spec;
    spec.classCount = 10;
    spec.unseenClassCount = 3;
    spec.valClassCount = 2;
    spec.samplesPerClass = 20;
    spec.featureDim = 32;
    spec.embeddingDim = 8;
    const semrel::Dataset data = semrel::makeSyntheticDataset(spec);
    QCOMPARE(data.sampleCount(), 200);
    QCOMPARE(data.featureDim(), 32);
    QCOMPARE(data.classCount(), 10);
    QCOMPARE(data.embeddingDim(), 8);
    QCOMPARE(data.unseenClasses(), (std::vector<std::int32_t>{7, 8, 9}));
    QCOMPARE(data.seenClasses().size(), std::size_t(7));
    QCOMPARE(data.classesIn(Split::Val), (std::vector<std::int32_t>{5, 6}));
    QCOMPARE(data.split(Split::TestUnseen).size(), std::size_t(60));
    QCOMPARE(data.split(Split::TestSeen).size(), std::size_t(7 * 4));
    QCOMPARE(data.split(Split::Trainval).size(),
             data.split(Split::Train).size() + data.split(Split::Val).size());
}

void TestSyntheticDataset::sameSeedSameBytes()
{
    const semrel::SyntheticSpec spec;
    QVERIFY(semrel::makeSyntheticDataset(spec).features ==
            semrel::makeSyntheticDataset(spec).features);
}

void TestSyntheticDataset::otherSeedOtherData()
{
    semrel::SyntheticSpec a;
    semrel::SyntheticSpec b;
    b.seed = 2;
    QVERIFY(
        !(semrel::makeSyntheticDataset(a).features == semrel::makeSyntheticDataset(b).features));
}

void TestSyntheticDataset::rejectsSpecWithoutUnseenClasses()
{
    semrel::SyntheticSpec spec;
    spec.unseenClassCount = 0;
    const std::string message =
        semrel::test::dataErrorOf([&] { semrel::makeSyntheticDataset(spec); });
    QVERIFY2(QString::fromStdString(message).contains("synthetic dataset"), message.c_str());
    // Past the bounds: refused before any memory is asked for.
    spec = semrel::SyntheticSpec{};
    spec.samplesPerClass = 1000000;
    spec.featureDim = 65536;
    QVERIFY(QString::fromStdString(semrel::test::dataErrorOf([&] {
                semrel::validateSyntheticSpec(spec);
            })).contains("classes x samples x features must be at most"));
    spec = semrel::SyntheticSpec{};
    spec.noise = std::nan("");
    QVERIFY(QString::fromStdString(semrel::test::dataErrorOf([&] {
                semrel::validateSyntheticSpec(spec);
            })).contains("noise"));
}

QTEST_GUILESS_MAIN(TestSyntheticDataset)
#include "tst_synthetic_dataset.moc"
