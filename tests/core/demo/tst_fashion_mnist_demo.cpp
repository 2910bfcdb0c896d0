// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "test_support.h"

#include <semrel/dataset/attribute_table.h>
#include <semrel/dataset/dataset_file.h>
#include <semrel/dataset/idx_file.h>
#include <semrel/demo/fashion_mnist_demo.h>

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>
#include <sstream>

using semrel::Split;

namespace {

const std::string kAttributes = SEMREL_RESOURCES_DIR "/fashion_mnist_attributes.csv";

bool haveFashionMnist()
{
    return QFileInfo::exists(SEMREL_FASHION_MNIST_DIR "/train-images-idx3-ubyte.gz") &&
           QFileInfo::exists(SEMREL_FASHION_MNIST_DIR "/t10k-labels-idx1-ubyte.gz");
}

// A few seconds' worth of the demo: the same recipe on fewer images.
semrel::FashionMnistDemoSpec smallSpec()
{
    semrel::FashionMnistDemoSpec spec;
    spec.cnnImagesPerClass = 60;
    spec.trainvalPerClass = 20;
    spec.testSeenPerClass = 10;
    spec.testUnseenPerClass = 15;
    spec.cnn.epochs = 1;
    spec.cnn.featureDim = 16;
    return spec;
}

} // namespace

class TestFashionMnistDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void attributeTableDescribesUnseenClassesWithSeenAttributes();
    void rejectsTableInAnotherClassOrder();
    void rejectsMissingSourceFiles();
    void buildsValidDataset();
    void queryFromPixelsGivesTheStoredFeature();

private:
    QTemporaryDir m_dir;
    semrel::FashionMnistDemoResult m_result;
};

void TestFashionMnistDemo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (haveFashionMnist())
        m_result = semrel::buildFashionMnistDemo(SEMREL_FASHION_MNIST_DIR, kAttributes,
                                                 m_dir.path().toStdString(), smallSpec());
}

void TestFashionMnistDemo::attributeTableDescribesUnseenClassesWithSeenAttributes()
{
    const semrel::AttributeTable table = semrel::readAttributeTable(kAttributes);
    QCOMPARE(table.classNames, semrel::fashionMnistClassNames());
    QVERIFY(table.attributeNames.size() >= 12 && table.attributeNames.size() <= 20);
    std::vector<std::string> unseen, val;
    for (std::size_t c = 0; c < table.classNames.size(); ++c) {
        if (table.roles[c] == semrel::ClassRole::Unseen)
            unseen.push_back(table.classNames[c]);
        if (table.roles[c] == semrel::ClassRole::Validation)
            val.push_back(table.classNames[c]);
    }
    QCOMPARE(unseen, (std::vector<std::string>{"Pullover", "Dress", "Sandal"}));
    QCOMPARE(val, (std::vector<std::string>{"T-shirt/top", "Shirt", "Sneaker"}));
    QCOMPARE(semrel::attributesOnlyUnseenCarry(table), std::vector<std::string>{});
}

void TestFashionMnistDemo::rejectsTableInAnotherClassOrder()
{
    std::ifstream in(kAttributes);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    std::swap(lines[1], lines[2]); // Trouser before T-shirt/top
    const std::string swapped = (m_dir.path() + "/swapped.csv").toStdString();
    std::ofstream out(swapped);
    for (const std::string& line : lines)
        out << line << '\n';
    out.close();
    const std::string message = semrel::test::dataErrorOf([&] {
        semrel::buildFashionMnistDemo(SEMREL_FASHION_MNIST_DIR, swapped, m_dir.path().toStdString(),
                                      smallSpec());
    });
    QVERIFY2(QString::fromStdString(message).contains(
                 "line 2 is class 'Trouser', expected 'T-shirt/top'"),
             message.c_str());
}

void TestFashionMnistDemo::rejectsMissingSourceFiles()
{
    const QString empty = m_dir.path() + "/no-images";
    const std::string message = semrel::test::dataErrorOf([&] {
        semrel::buildFashionMnistDemo(empty.toStdString(), kAttributes, m_dir.path().toStdString(),
                                      smallSpec());
    });
    QVERIFY2(QString::fromStdString(message).contains("train-images-idx3-ubyte.gz: no such file"),
             message.c_str());
}

void TestFashionMnistDemo::buildsValidDataset()
{
    if (!haveFashionMnist())
        QSKIP("Fashion-MNIST is not installed (Debian package dataset-fashion-mnist)");
    // readDatasetFile validates: shapes, labels, splits that do not mix seen and unseen classes.
    const semrel::Dataset data = semrel::readDatasetFile(m_result.datasetPath);
    QCOMPARE(data.name, std::string("Fashion-MNIST demo"));
    QCOMPARE(data.sampleCount(), 7 * 20 + 7 * 10 + 3 * 15);
    QCOMPARE(m_result.samples, data.sampleCount());
    QCOMPARE(data.featureDim(), 16);
    QCOMPARE(data.classNames, semrel::fashionMnistClassNames());
    QCOMPARE(data.unseenClasses(), (std::vector<std::int32_t>{2, 3, 5}));
    QCOMPARE(data.classesIn(Split::Val), (std::vector<std::int32_t>{0, 6, 7}));
    QCOMPARE(data.classesIn(Split::Train), (std::vector<std::int32_t>{1, 4, 8, 9}));
    QCOMPARE(data.split(Split::Trainval).size(), std::size_t(140));
    QCOMPARE(data.split(Split::TestSeen).size(), std::size_t(70));
    QCOMPARE(data.split(Split::TestUnseen).size(), std::size_t(45));
    QVERIFY(m_result.warnings.empty());

    // The thumbnails are the source images: the first training image is an ankle boot (seen).
    QCOMPARE(data.images.count, data.sampleCount());
    QCOMPARE(data.images.height, 28);
    const semrel::ImagePixels train =
        semrel::readIdxImages(SEMREL_FASHION_MNIST_DIR "/train-images-idx3-ubyte.gz");
    QCOMPARE(data.labels[0], 9);
    QVERIFY(std::equal(train.image(0), train.image(0) + 784, data.images.image(0)));
}

void TestFashionMnistDemo::queryFromPixelsGivesTheStoredFeature()
{
    if (!haveFashionMnist())
        QSKIP("Fashion-MNIST is not installed (Debian package dataset-fashion-mnist)");
    const semrel::Dataset data = semrel::readDatasetFile(m_result.datasetPath);
    const semrel::FeatureExtractor extractor =
        semrel::FeatureExtractor::load(m_result.extractorPath);
    QCOMPARE(extractor.featureDim(), data.featureDim());
    const std::int64_t unseen = data.split(Split::TestUnseen).front();
    for (std::int64_t i : {std::int64_t{0}, std::int64_t{150}, unseen, data.sampleCount() - 1}) {
        const std::vector<float> query = extractor.extract(data.images.image(i));
        for (std::int64_t k = 0; k < data.featureDim(); ++k)
            QVERIFY2(std::abs(query[std::size_t(k)] - data.features.at(i, k)) <=
                         1e-5f * (1.0f + std::abs(data.features.at(i, k))),
                     qPrintable(QString("sample %1, feature %2").arg(i).arg(k)));
    }
}

QTEST_GUILESS_MAIN(TestFashionMnistDemo)
#include "tst_fashion_mnist_demo.moc"
