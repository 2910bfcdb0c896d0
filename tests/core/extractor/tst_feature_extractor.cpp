// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "test_support.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/errors.h>
#include <semrel/extractor/feature_extractor.h>

#include <QTemporaryDir>
#include <QTest>

#include <torch/script.h>

#include <cmath>
#include <fstream>
#include <memory>

namespace {

// Three shapes a CNN tells apart at once (horizontal bar, vertical bar, box), with pixel noise
// from a fixed LCG: a few hundred images that train in a fraction of a second.
struct Shapes
{
    semrel::ImagePixels images;
    std::vector<std::int32_t> labels;
};

Shapes makeShapes(int count)
{
    Shapes s;
    s.images = {count, 28, 28, std::vector<std::uint8_t>(std::size_t(count) * 784)};
    std::uint32_t state = 12345;
    for (int i = 0; i < count; ++i) {
        const int label = i % 3;
        s.labels.push_back(label);
        std::uint8_t* p = s.images.values.data() + std::size_t(i) * 784;
        for (int y = 0; y < 28; ++y)
            for (int x = 0; x < 28; ++x) {
                state = state * 1664525u + 1013904223u;
                const bool on = label == 0   ? (y >= 12 && y < 16)
                                : label == 1 ? (x >= 12 && x < 16)
                                             : (x >= 6 && x < 22 && y >= 6 && y < 22);
                p[y * 28 + x] = static_cast<std::uint8_t>((on ? 180 : 0) + (state >> 27));
            }
    }
    return s;
}

semrel::ExtractorTrainingSpec smallSpec(std::uint64_t seed)
{
    semrel::ExtractorTrainingSpec spec;
    spec.epochs = 1;
    spec.batchSize = 32;
    spec.featureDim = 16;
    spec.seed = seed;
    spec.classNames = {"hbar", "vbar", "box"};
    return spec;
}

semrel::FloatMatrix featuresOf(const semrel::FeatureExtractor& e, const Shapes& s)
{
    return e.extractBatch(s.images.values.data(), s.images.count);
}

} // namespace

class TestFeatureExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainingIsDeterministic();
    void learnsTheTrainingClasses();
    void saveAndLoadGiveIdenticalFeatures();
    void singleImageMatchesBatch();
    void rejectsBrokenExtractorFile();
    void preparesLightBackgroundPhotoLikeFashionMnist();
    void keepsFashionMnistStyleImage();
    void runsTorchScriptModule_data();
    void runsTorchScriptModule();
    void rejectsUnsuitableTorchScript();
    void rejectsFileThatIsNotTorchScript();

private:
    std::string path(const char* name) const { return (m_dir.path() + "/" + name).toStdString(); }
    std::string saveScript(const char* name, const char* source) const;

    QTemporaryDir m_dir;
    Shapes m_shapes;
    std::unique_ptr<semrel::ExtractorTrainingResult> m_trained; // seed 3, shared by the tests
};

void TestFeatureExtractor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_shapes = makeShapes(300);
    m_trained = std::make_unique<semrel::ExtractorTrainingResult>(
        semrel::trainDemoExtractor(m_shapes.images, m_shapes.labels, smallSpec(3)));
}

void TestFeatureExtractor::trainingIsDeterministic()
{
    const semrel::ExtractorTrainingResult& a = *m_trained;
    const auto b = semrel::trainDemoExtractor(m_shapes.images, m_shapes.labels, smallSpec(3));
    QCOMPARE(a.finalLoss, b.finalLoss);
    QVERIFY(featuresOf(a.extractor, m_shapes) == featuresOf(b.extractor, m_shapes));
    const auto c = semrel::trainDemoExtractor(m_shapes.images, m_shapes.labels, smallSpec(4));
    QVERIFY2(!(featuresOf(a.extractor, m_shapes) == featuresOf(c.extractor, m_shapes)),
             "another seed must give other weights");
}

void TestFeatureExtractor::learnsTheTrainingClasses()
{
    const semrel::ExtractorTrainingResult& trained = *m_trained;
    QVERIFY2(trained.trainingAccuracy > 0.8, qPrintable(QString::number(trained.trainingAccuracy)));
    QCOMPARE(trained.extractor.featureDim(), 16);
    QCOMPARE(trained.extractor.kind(), semrel::ExtractorKind::DemoCnn);
    QCOMPARE(trained.extractor.input().channels, 1);
    QVERIFY(trained.extractor.input().std.at(0) > 0.0f);
    const semrel::FloatMatrix f = featuresOf(trained.extractor, m_shapes);
    for (float v : f.values)
        QVERIFY(v >= 0.0f); // ReLU features
}

void TestFeatureExtractor::saveAndLoadGiveIdenticalFeatures()
{
    const semrel::ExtractorTrainingResult& trained = *m_trained;
    trained.extractor.save(path("cnn.h5"));
    const semrel::FeatureExtractor loaded = semrel::FeatureExtractor::load(path("cnn.h5"));
    QCOMPARE(loaded.kind(), semrel::ExtractorKind::DemoCnn);
    QCOMPARE(loaded.featureDim(), 16);
    QCOMPARE(loaded.input().mean, trained.extractor.input().mean);
    QCOMPARE(loaded.input().std, trained.extractor.input().std);
    QVERIFY(featuresOf(loaded, m_shapes) == featuresOf(trained.extractor, m_shapes));
}

void TestFeatureExtractor::singleImageMatchesBatch()
{
    const semrel::ExtractorTrainingResult& trained = *m_trained;
    const semrel::FloatMatrix batch = featuresOf(trained.extractor, m_shapes);
    for (std::int64_t i : {0, 1, 2, 299}) {
        const std::vector<float> one = trained.extractor.extract(m_shapes.images.image(i));
        QCOMPARE(std::int64_t(one.size()), batch.cols);
        for (std::int64_t k = 0; k < batch.cols; ++k)
            QVERIFY(std::abs(one[std::size_t(k)] - batch.at(i, k)) <=
                    1e-5f * (1.0f + std::abs(batch.at(i, k))));
    }
}

void TestFeatureExtractor::rejectsBrokenExtractorFile()
{
    std::ofstream(path("text.h5")) << "hello";
    const auto messageOf = [this](const char* name) {
        return QString::fromStdString(
            semrel::test::dataErrorOf([&] { semrel::FeatureExtractor::load(path(name)); }));
    };
    QVERIFY(messageOf("text.h5").contains("neither a demo extractor"));
    QVERIFY(messageOf("missing.h5").contains("missing.h5: no such file"));

    semrel::writeDatasetFile(semrel::test::tinyDataset(), path("dataset.h5"));
    const QString notExtractor = messageOf("dataset.h5");
    QVERIFY2(notExtractor.contains("expected 'semrel-extractor'"), qPrintable(notExtractor));

    const semrel::ExtractorTrainingResult& trained = *m_trained;
    trained.extractor.save(path("whole.h5"));
    std::ifstream in(path("whole.h5"), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(path("cut.h5"), std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    const QString truncated = messageOf("cut.h5");
    QVERIFY2(truncated.startsWith(QString::fromStdString(path("cut.h5"))), qPrintable(truncated));
}

void TestFeatureExtractor::preparesLightBackgroundPhotoLikeFashionMnist()
{
    const semrel::ExtractorTrainingResult& trained = *m_trained;
    // A dark 20x30 object on a white 60x40 photo, once as RGB and once as RGBA whose background
    // is transparent: both become a light object on black, 28 pixels tall, centred.
    for (int channels : {3, 4}) {
        std::vector<std::uint8_t> photo(std::size_t(60) * 40 * channels);
        for (int y = 0; y < 40; ++y)
            for (int x = 0; x < 60; ++x) {
                const bool object = x >= 10 && x < 30 && y >= 5 && y < 35;
                std::uint8_t* p = photo.data() + (std::size_t(y) * 60 + x) * channels;
                for (int c = 0; c < 3; ++c)
                    p[c] = object ? 0 : (channels == 4 ? 90 : 255);
                if (channels == 4)
                    p[3] = object ? 255 : 0;
            }
        const semrel::ImageView view{photo.data(), 60, 40, channels, 60 * channels};
        const std::vector<std::uint8_t> input = trained.extractor.prepareImage(view);
        QCOMPARE(input.size(), std::size_t(784));
        QCOMPARE(int(input[14 * 28 + 14]), 255); // the object's middle
        QCOMPARE(int(input[14 * 28 + 1]), 0);    // background left of it
        int bright = 0;
        for (std::uint8_t v : input)
            bright += v > 127 ? 1 : 0;
        QVERIFY2(std::abs(bright - 19 * 28) <= 28, qPrintable(QString::number(bright)));
    }
}

void TestFeatureExtractor::keepsFashionMnistStyleImage()
{
    const semrel::ExtractorTrainingResult& trained = *m_trained;
    // Already as Fashion-MNIST draws it (light, full height, centred): nothing to change.
    std::vector<std::uint8_t> image(784, 0);
    for (int y = 0; y < 28; ++y)
        for (int x = 8; x < 20; ++x)
            image[std::size_t(y) * 28 + x] = static_cast<std::uint8_t>(100 + 5 * y + x);
    const std::vector<std::uint8_t> input =
        trained.extractor.prepareImage(semrel::ImageView{image.data(), 28, 28, 1, 28});
    QCOMPARE(input, image);
    QCOMPARE(trained.extractor.extractImage(semrel::ImageView{image.data(), 28, 28, 1, 28}),
             trained.extractor.extract(image.data()));
    QVERIFY(QString::fromStdString(semrel::test::dataErrorOf([&] {
                trained.extractor.prepareImage(semrel::ImageView{image.data(), 14, 14, 2, 28});
            })).contains("2 channels"));
}

std::string TestFeatureExtractor::saveScript(const char* name, const char* source) const
{
    torch::jit::Module module("m");
    module.define(source);
    const std::string file = path(name);
    module.save(file);
    return file;
}

void TestFeatureExtractor::runsTorchScriptModule_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("[B, d]") << "def forward(self, x):\n    return x.mean(dim=[2, 3])\n";
    QTest::newRow("[B, d, 1, 1]")
        << "def forward(self, x):\n    return x.mean(dim=[2, 3], keepdim=True)\n";
}

void TestFeatureExtractor::runsTorchScriptModule()
{
    QFETCH(QString, source);
    const std::string file = saveScript("pool.pt", source.toUtf8().constData());
    const semrel::FeatureExtractor extractor = semrel::FeatureExtractor::load(file);
    QCOMPARE(extractor.kind(), semrel::ExtractorKind::TorchScript);
    QCOMPARE(extractor.featureDim(), 3);
    QCOMPARE(extractor.input().channels, 3);
    QCOMPARE(extractor.input().height, 224);
    // A flat colour survives resizing and cropping, so the pooled feature is the colour
    // normalised with ImageNet's mean and std: the module saw what a ResNet would.
    const std::uint8_t rgb[3] = {200, 100, 50};
    std::vector<std::uint8_t> photo(std::size_t(300) * 200 * 3);
    for (std::size_t i = 0; i < photo.size(); ++i)
        photo[i] = rgb[i % 3];
    const std::vector<float> f =
        extractor.extractImage(semrel::ImageView{photo.data(), 300, 200, 3, 900});
    QCOMPARE(f.size(), std::size_t(3));
    const float mean[3] = {0.485f, 0.456f, 0.406f};
    const float std[3] = {0.229f, 0.224f, 0.225f};
    for (int c = 0; c < 3; ++c)
        QVERIFY(std::abs(f[std::size_t(c)] - (rgb[c] / 255.0f - mean[c]) / std[c]) < 1e-4f);
    const semrel::FloatMatrix batch = extractor.extractBatch(photo.data(), 2);
    QCOMPARE(batch.rows, 2);
    QCOMPARE(batch.cols, 3);
}

void TestFeatureExtractor::rejectsUnsuitableTorchScript()
{
    const auto modelErrorOf = [](const std::string& file) -> QString {
        try {
            semrel::FeatureExtractor::load(file);
        } catch (const semrel::ModelError& e) {
            return e.what();
        }
        return "NO MODELERROR";
    };
    const QString wrongShape =
        modelErrorOf(saveScript("image.pt", "def forward(self, x):\n    return x[0]\n"));
    QVERIFY2(wrongShape.contains("returns shape [3, 224, 224], expected [1, d]"),
             qPrintable(wrongShape));
    const QString tuple =
        modelErrorOf(saveScript("tuple.pt", "def forward(self, x):\n    return (x, x)\n"));
    QVERIFY2(tuple.contains("expected a feature tensor"), qPrintable(tuple));
    const QString failing = modelErrorOf(
        saveScript("fails.pt", "def forward(self, x):\n    return x.view(7, -1, 5)\n"));
    QVERIFY2(failing.contains("the TorchScript module failed on a [1, 3, 224, 224] image batch"),
             qPrintable(failing));
}

void TestFeatureExtractor::rejectsFileThatIsNotTorchScript()
{
    std::ofstream(path("fake.pt"), std::ios::binary) << "PK\x03\x04 not really a zip archive";
    try {
        semrel::FeatureExtractor::load(path("fake.pt"));
        QFAIL("expected semrel::ModelError");
    } catch (const semrel::ModelError& e) {
        QVERIFY2(QString(e.what()).contains("not a loadable TorchScript module"), e.what());
        QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(path("fake.pt"))), e.what());
    }
}

QTEST_GUILESS_MAIN(TestFeatureExtractor)
#include "tst_feature_extractor.moc"
