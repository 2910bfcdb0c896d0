// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "test_support.h"

#include <semrel/dataset/dataset.h>

#include <QTest>

#include <cmath>
#include <functional>
#include <limits>

using semrel::Dataset;
using semrel::Split;

Q_DECLARE_METATYPE(std::function<void(semrel::Dataset&)>)

class TestDataset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void derivesSeenAndUnseenClassesFromSplits();
    void countsSamplesPerClass();
    void acceptsValidDataset();
    void acceptsZeroRowsInAClassWithOthers();
    void rejectsInconsistentDataset_data();
    void rejectsInconsistentDataset();
};

void TestDataset::derivesSeenAndUnseenClassesFromSplits()
{
    const Dataset data = semrel::test::tinyDataset();
    QCOMPARE(data.seenClasses(), (std::vector<std::int32_t>{0, 1, 2}));
    QCOMPARE(data.unseenClasses(), (std::vector<std::int32_t>{3}));
    QCOMPARE(data.classesIn(Split::Val), (std::vector<std::int32_t>{2}));
    QCOMPARE(data.classesIn(Split::Train), (std::vector<std::int32_t>{0, 1}));
}

void TestDataset::countsSamplesPerClass()
{
    const Dataset data = semrel::test::tinyDataset();
    QCOMPARE(data.samplesPerClass(Split::Trainval), (std::vector<std::int64_t>{2, 2, 2, 0}));
    QCOMPARE(data.samplesPerClass(Split::TestUnseen), (std::vector<std::int64_t>{0, 0, 0, 3}));
}

void TestDataset::acceptsZeroRowsInAClassWithOthers()
{
    // One zero feature row is a possible image; a class of nothing but zero rows is not.
    Dataset data = semrel::test::tinyDataset();
    for (std::int64_t f = 0; f < data.featureDim(); ++f)
        data.features.at(4, f) = 0;
    semrel::validateDataset(data, "tiny.h5");
}

void TestDataset::acceptsValidDataset()
{
    const Dataset data = semrel::test::tinyDataset();
    semrel::validateDataset(data, "tiny.h5"); // must not throw
    QCOMPARE(data.sampleCount(), 12);
    QCOMPARE(data.classCount(), 4);
}

using Mutation = std::function<void(Dataset&)>;

void TestDataset::rejectsInconsistentDataset_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("mentions");
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const float inf = std::numeric_limits<float>::infinity();

    QTest::newRow("NaN feature") << Mutation([=](Dataset& d) { d.features.at(4, 1) = nan; })
                                 << "'/features' has a non-finite value (nan) at row 4, column 1";
    QTest::newRow("Inf embedding")
        << Mutation([=](Dataset& d) { d.classEmbeddings.at(1, 0) = inf; })
        << "'/classes/embeddings' has a non-finite value";
    QTest::newRow("label too large")
        << Mutation([](Dataset& d) { d.labels[5] = 4; }) << "'/labels' has label 4 at sample 5";
    QTest::newRow("negative label")
        << Mutation([](Dataset& d) { d.labels[0] = -1; }) << "'/labels' has label -1";
    QTest::newRow("labels short") << Mutation([](Dataset& d) { d.labels.pop_back(); })
                                  << "'/labels' has 11 entries";
    QTest::newRow("names short") << Mutation([](Dataset& d) { d.classNames.pop_back(); })
                                 << "'/classes/names' has 3 names for 4";
    QTest::newRow("zero embedding")
        << Mutation([](Dataset& d) { d.classEmbeddings.at(2, 0) = d.classEmbeddings.at(2, 1) = 0; })
        << "'/classes/embeddings' is all zero for class 'fox'";
    QTest::newRow("index out of range")
        << Mutation([](Dataset& d) { d.split(Split::TestSeen).push_back(12); })
        << "'/splits/test_seen' has sample index 12";
    QTest::newRow("duplicate index")
        << Mutation([](Dataset& d) { d.split(Split::Train).push_back(1); })
        << "'/splits/train' lists sample 1 twice";
    QTest::newRow("unseen class in trainval")
        << Mutation([](Dataset& d) { d.split(Split::Trainval).push_back(9); })
        << "mixes seen and unseen classes: class 'owl'";
    QTest::newRow("test_seen class without training samples") << Mutation([](Dataset& d) {
        auto& tv = d.split(Split::Trainval);
        tv.erase(std::remove_if(tv.begin(), tv.end(), [](auto i) { return i / 3 == 1; }), tv.end());
        auto& tr = d.split(Split::Train);
        tr.erase(std::remove_if(tr.begin(), tr.end(), [](auto i) { return i / 3 == 1; }), tr.end());
    }) << "'/splits/test_seen' has samples of class 'dog', which has no samples in 'trainval'";
    QTest::newRow("val shares class with train")
        << Mutation([](Dataset& d) { d.split(Split::Val).push_back(1); })
        << "class 'cat' is in both 'train' and 'val'";
    QTest::newRow("no unseen test")
        << Mutation([](Dataset& d) { d.split(Split::TestUnseen).clear(); })
        << "'/splits/test_unseen' is empty";
    QTest::newRow("no training data")
        << Mutation([](Dataset& d) { d.split(Split::Trainval).clear(); })
        << "'/splits/trainval' is empty";
    QTest::newRow("image paths short") << Mutation([](Dataset& d) { d.imagePaths = {"a.jpg"}; })
                                       << "'/images/paths' has 1 paths for 12 samples";
    QTest::newRow("test_seen sample also in trainval")
        << Mutation([](Dataset& d) { d.split(Split::TestSeen).push_back(1); })
        << "'/splits/test_seen' lists sample 1, which '/splits/trainval' lists too";
    QTest::newRow("test_seen rows copied from trainval") << Mutation([](Dataset& d) {
        for (std::int64_t i : d.split(Split::TestSeen))
            for (std::int64_t f = 0; f < d.featureDim(); ++f)
                d.features.at(i, f) = d.features.at(i + 1, f);
    }) << "'/splits/test_seen' repeats training samples";
    QTest::newRow("two classes of one name")
        << Mutation([](Dataset& d) { d.classNames[1] = "cat"; })
        << "'/classes/names' names two classes 'cat'";
    QTest::newRow("NUL inside a class name")
        << Mutation([](Dataset& d) { d.classNames[2] = std::string("fo\0x", 4); })
        << "control character (code 0) in the name of class 2";
    QTest::newRow("newline in a class name")
        << Mutation([](Dataset& d) { d.classNames[2] = "fox\nowl"; })
        << "control character (code 10) in the name of class 2";
    QTest::newRow("empty class name") << Mutation([](Dataset& d) { d.classNames[1].clear(); })
                                      << "'/classes/names' has an empty name at class 1";
    QTest::newRow("a class of all-zero features") << Mutation([](Dataset& d) {
        for (std::int64_t i = 3; i < 6; ++i)
            for (std::int64_t f = 0; f < d.featureDim(); ++f)
                d.features.at(i, f) = 0;
    }) << "'/features' is all zero for every sample of class 'dog'";
    QTest::newRow("all features zero") << Mutation([](Dataset& d) {
        std::fill(d.features.values.begin(), d.features.values.end(), 0.0f);
    }) << "'/features' is all zero for every sample of class 'cat'";
}

void TestDataset::rejectsInconsistentDataset()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, mentions);
    Dataset data = semrel::test::tinyDataset();
    mutate(data);
    const std::string message =
        semrel::test::dataErrorOf([&] { semrel::validateDataset(data, "tiny.h5"); });
    QVERIFY2(QString::fromStdString(message).startsWith("tiny.h5: "), message.c_str());
    QVERIFY2(QString::fromStdString(message).contains(mentions), message.c_str());
}

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
