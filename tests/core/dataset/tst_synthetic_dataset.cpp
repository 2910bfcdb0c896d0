// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "test_support.h"

#include <semrel/dataset/synthetic_dataset.h>

#include <QFile>
#include <QTemporaryDir>
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
    void scalesToTwentyThousandClasses();
    void namesClassesAsGiven();
    void rejectsNamesOfAnotherCount();
    void readsClassNamesOnePerLine();
    void rejectsBadClassNamesFile_data();
    void rejectsBadClassNamesFile();

private:
    QTemporaryDir m_dir;
    QString writeText(const QString& name, const QByteArray& text);
};

QString TestSyntheticDataset::writeText(const QString& name, const QByteArray& text)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

void TestSyntheticDataset::hasTheRequestedShape()
{
    semrel::SyntheticSpec spec = semrel::test::syntheticSpec(10, 3, 2, 20, 32, 8);
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

void TestSyntheticDataset::scalesToTwentyThousandClasses()
{
    // The size the window's benchmark opens (docs/BENCHMARKS.md), with tiny dimensions.
    semrel::SyntheticSpec spec = semrel::test::syntheticSpec(20000, 2000, 1000, 3, 4, 3);
    const semrel::Dataset data = semrel::makeSyntheticDataset(spec);
    QCOMPARE(data.classCount(), 20000);
    QCOMPARE(data.sampleCount(), 60000);
    QCOMPARE(data.unseenClasses().size(), std::size_t(2000));
    QCOMPARE(data.unseenClasses().front(), 18000);
    QCOMPARE(data.classesIn(Split::Val).size(), std::size_t(1000));
    QCOMPARE(data.classesIn(Split::Train).size(), std::size_t(17000));
    QCOMPARE(data.classNames.back(), std::string("class 19999"));
}

void TestSyntheticDataset::namesClassesAsGiven()
{
    semrel::SyntheticSpec spec;
    spec.classCount = 4;
    spec.unseenClassCount = 1;
    spec.valClassCount = 1;
    spec.classNames = {"abbey", "bar", "canyon", "dune"};
    const semrel::Dataset data = semrel::makeSyntheticDataset(spec);
    QCOMPARE(data.classNames, spec.classNames);
    QCOMPARE(data.unseenClasses(), (std::vector<std::int32_t>{3})); // "dune", the last
}

void TestSyntheticDataset::rejectsNamesOfAnotherCount()
{
    semrel::SyntheticSpec spec;
    spec.classNames = {"abbey", "bar"}; // 20 classes
    const std::string message =
        semrel::test::dataErrorOf([&] { semrel::makeSyntheticDataset(spec); });
    QVERIFY2(QString::fromStdString(message).contains("2 class names for 20 classes"),
             message.c_str());
}

void TestSyntheticDataset::readsClassNamesOnePerLine()
{
    const QString path = writeText("names.txt", "abbey\r\n  airport_terminal \n\nbar\n");
    QVERIFY(!path.isEmpty());
    QCOMPARE(semrel::readClassNamesFile(path.toStdString()),
             (std::vector<std::string>{"abbey", "airport_terminal", "bar"}));
}

void TestSyntheticDataset::rejectsBadClassNamesFile_data()
{
    QTest::addColumn<QByteArray>("text"); // empty: no file at all
    QTest::addColumn<QString>("mentions");
    QTest::newRow("missing") << QByteArray() << "cannot read";
    QTest::newRow("blank") << QByteArray("\n  \n") << "names no class";
    QTest::newRow("twice") << QByteArray("bar\nabbey\nbar\n")
                           << "line 3 names class 'bar' again (first on line 1)";
}

void TestSyntheticDataset::rejectsBadClassNamesFile()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, mentions);
    const QString name = QStringLiteral("%1.txt").arg(QTest::currentDataTag());
    const QString path = text.isEmpty() ? m_dir.filePath(name) : writeText(name, text);
    const std::string message =
        semrel::test::dataErrorOf([&] { semrel::readClassNamesFile(path.toStdString()); });
    QVERIFY2(QString::fromStdString(message).contains(mentions), message.c_str());
    QVERIFY2(QString::fromStdString(message).contains(name), message.c_str()); // names the file
}

QTEST_GUILESS_MAIN(TestSyntheticDataset)
#include "tst_synthetic_dataset.moc"
