// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "test_support.h"

#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/errors.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/model_file/model_file.h>
#include <semrel/training/trainer.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <hdf5.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

using semrel::ModelState;
using semrel::NamedTensor;

using Mutation = std::function<void(hid_t file)>;
Q_DECLARE_METATYPE(Mutation)

using semrel::test::modelErrorOf;

namespace {

// Doubles equal bit for bit, so that NaN (not measured) matches NaN.
bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// Every field of ModelState, named when it differs: a failing round trip says what was lost.
QString differenceBetween(const ModelState& a, const ModelState& b)
{
    const auto& ca = a.config;
    const auto& cb = b.config;
    const std::pair<const char*, bool> checks[] = {
        {"config.method", ca.method == cb.method},
        {"config.tau", sameBits(ca.tau, cb.tau)},
        {"config.lambda1", sameBits(ca.lambda1, cb.lambda1)},
        {"config.lambda2", sameBits(ca.lambda2, cb.lambda2)},
        {"config.candidates", ca.candidates == cb.candidates},
        {"config.batchSize", ca.batchSize == cb.batchSize},
        {"config.epochs", ca.epochs == cb.epochs},
        {"config.learningRate", sameBits(ca.learningRate, cb.learningRate)},
        {"config.weightDecay", sameBits(ca.weightDecay, cb.weightDecay)},
        {"config.seed", ca.seed == cb.seed},
        {"config.threads", ca.threads == cb.threads},
        {"config.network.encoderHidden", ca.network.encoderHidden == cb.network.encoderHidden},
        {"config.network.decoderHidden", ca.network.decoderHidden == cb.network.decoderHidden},
        {"config.trainSplit", ca.trainSplit == cb.trainSplit},
        {"config.evaluateEachEpoch", ca.evaluateEachEpoch == cb.evaluateEachEpoch},
        {"config.checkpointPath", ca.checkpointPath == cb.checkpointPath},
        {"config.attributeStats", ca.attributeStats == cb.attributeStats},
        {"config.tuningSplits", ca.tuningSplits == cb.tuningSplits},
        {"config.seenHoldout", sameBits(ca.seenHoldout, cb.seenHoldout)},
        {"config.eszslGamma", sameBits(ca.eszslGamma, cb.eszslGamma)},
        {"config.eszslLambda", sameBits(ca.eszslLambda, cb.eszslLambda)},
        {"config.saeLambda", sameBits(ca.saeLambda, cb.saeLambda)},
        {"config.saeDirection", ca.saeDirection == cb.saeDirection},
        {"config.bf16Mining", ca.bf16Mining == cb.bf16Mining},
        {"calibration.gamma", sameBits(a.calibration.gamma, b.calibration.gamma)},
        {"calibration.validationUnseen",
         sameBits(a.calibration.validationUnseen, b.calibration.validationUnseen)},
        {"calibration.validationSeen",
         sameBits(a.calibration.validationSeen, b.calibration.validationSeen)},
        {"calibration.validationHarmonic",
         sameBits(a.calibration.validationHarmonic, b.calibration.validationHarmonic)},
        {"calibration.validationAusuc",
         sameBits(a.calibration.validationAusuc, b.calibration.validationAusuc)},
        {"featureDim", a.featureDim == b.featureDim},
        {"embeddingDim", a.embeddingDim == b.embeddingDim},
        {"featureNormalizer", a.featureNormalizer.mean == b.featureNormalizer.mean &&
                                  a.featureNormalizer.stddev == b.featureNormalizer.stddev},
        {"embeddingNormalizer", a.embeddingNormalizer.mean == b.embeddingNormalizer.mean &&
                                    a.embeddingNormalizer.stddev == b.embeddingNormalizer.stddev},
        {"classNames", a.classNames == b.classNames},
        {"classEmbeddings", a.classEmbeddings == b.classEmbeddings},
        {"seenClasses", a.seenClasses == b.seenClasses},
        {"unseenClasses", a.unseenClasses == b.unseenClasses},
        {"datasetName", a.datasetName == b.datasetName},
        {"splitsHash", a.splitsHash == b.splitsHash},
        {"completedEpochs", a.completedEpochs == b.completedEpochs},
    };
    for (const auto& [field, same] : checks)
        if (!same)
            return field;
    auto sameTensors = [](const std::vector<NamedTensor>& x, const std::vector<NamedTensor>& y) {
        if (x.size() != y.size())
            return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (x[i].name != y[i].name || x[i].shape != y[i].shape || x[i].values != y[i].values)
                return false;
        return true;
    };
    if (!sameTensors(a.parameters, b.parameters))
        return "parameters";
    if (!sameTensors(a.optimizerState, b.optimizerState))
        return "optimizerState";
    if (a.history.size() != b.history.size())
        return "history size";
    for (std::size_t i = 0; i < a.history.size(); ++i) {
        const auto& x = a.history[i];
        const auto& y = b.history[i];
        const double xs[] = {x.loss,        x.o1,         x.o2,       x.o3,    x.validationAccuracy,
                             x.zslAccuracy, x.gzslUnseen, x.gzslSeen, x.gzslH, x.seconds,
                             x.evalSeconds, x.ausuc};
        const double ys[] = {y.loss,        y.o1,         y.o2,       y.o3,    y.validationAccuracy,
                             y.zslAccuracy, y.gzslUnseen, y.gzslSeen, y.gzslH, y.seconds,
                             y.evalSeconds, y.ausuc};
        if (x.epoch != y.epoch)
            return QString("history[%1].epoch").arg(i);
        for (std::size_t k = 0; k < std::size(xs); ++k)
            if (!sameBits(xs[k], ys[k]))
                return QString("history[%1] field %2").arg(i).arg(k);
    }
    return {};
}

NamedTensor tensor(const std::string& name, std::vector<std::int64_t> shape, float start)
{
    NamedTensor t{name, std::move(shape), {}};
    std::int64_t count = 1;
    for (std::int64_t d : t.shape)
        count *= d;
    for (std::int64_t i = 0; i < count; ++i)
        t.values.push_back(start + 0.01f * static_cast<float>(i) - 0.3f);
    return t;
}

// A hand-made state: d = 3, a = 2, one hidden layer of 4 in each direction, 4 classes.
ModelState handMadeState()
{
    ModelState s;
    s.config.method = semrel::Method::B1;
    s.config.tau = 0.125;
    s.config.lambda1 = 0.3;
    s.config.lambda2 = 2.5;
    s.config.candidates = 7;
    s.config.batchSize = 32;
    s.config.epochs = 12;
    s.config.learningRate = 3e-4;
    s.config.weightDecay = 1e-6;
    s.config.seed = (std::uint64_t{1} << 63) + 5; // does not fit an int64
    s.config.threads = 3;
    s.config.network = {{4}, {4}};
    s.config.trainSplit = semrel::Split::Train;
    s.config.evaluateEachEpoch = false;
    s.config.checkpointPath = "runs/ck.h5";
    s.config.attributeStats = semrel::AttributeStats::All;
    s.config.tuningSplits = semrel::TuningSplits::Raw;
    s.config.seenHoldout = 0.3;
    s.config.bf16Mining = true;
    s.config.eszslGamma = 0.01;
    s.config.eszslLambda = 100.0;
    s.config.saeLambda = 0.32;
    s.config.saeDirection = semrel::SaeDirection::VisualToSemantic;
    s.calibration = {0.125, 0.25, 0.75, 0.375, 0.5};
    s.featureDim = 3;
    s.embeddingDim = 2;
    s.featureNormalizer = {{0.5f, -1.0f, 2.0f}, {1.0f, 0.25f, 3.0f}};
    s.embeddingNormalizer = {{0.1f, 0.2f}, {0.9f, 1.1f}};
    s.parameters = {tensor("encoder.0.weight", {4, 2}, 0.1f), tensor("encoder.0.bias", {4}, 0.2f),
                    tensor("encoder.1.weight", {3, 4}, 0.3f), tensor("encoder.1.bias", {3}, 0.4f),
                    tensor("decoder.0.weight", {4, 3}, 0.5f), tensor("decoder.0.bias", {4}, 0.6f),
                    tensor("decoder.1.weight", {2, 4}, 0.7f), tensor("decoder.1.bias", {2}, 0.8f)};
    s.classNames = {"cat", "dog", "Möwe", "owl"};
    s.classEmbeddings = semrel::FloatMatrix(4, 2);
    s.classEmbeddings.values = {1, 0, 0.9f, 0.1f, 0.7f, 0.7f, 0, 1};
    s.seenClasses = {0, 1, 2};
    s.unseenClasses = {3};
    semrel::EpochReport first;
    first.epoch = 1;
    first.loss = -0.25;
    first.o1 = -0.5;
    first.o2 = 0.125;
    first.o3 = 0.0625;
    first.zslAccuracy = 0.5;
    first.seconds = 1.5;
    semrel::EpochReport second = first;
    second.epoch = 2;
    second.gzslSeen = 1.0;
    second.gzslUnseen = 0.0;
    second.gzslH = 0.0;
    second.ausuc = 0.0625;
    s.history = {first, second};
    s.completedEpochs = 2; // a finished model knows its epochs too, not only a checkpoint
    s.datasetName = "tiny";
    s.splitsHash = "0123456789abcdef";
    return s;
}

// Adam's state for every parameter: first and second moments of its shape, and a step count.
ModelState withCheckpoint(ModelState s)
{
    s.optimizerState.clear();
    for (const NamedTensor& p : s.parameters) {
        s.optimizerState.push_back(tensor(p.name + ".exp_avg", p.shape, 1.0f));
        s.optimizerState.push_back(tensor(p.name + ".exp_avg_sq", p.shape, 0.5f));
        s.optimizerState.push_back(NamedTensor{p.name + ".step", {1}, {2.0f}});
    }
    s.completedEpochs = 2;
    return s;
}

void replaceWith(hid_t file, const char* field, hid_t type, std::vector<hsize_t> dims,
                 const void* values)
{
    H5Ldelete(file, field, H5P_DEFAULT);
    const hid_t space = dims.empty()
                            ? H5Screate(H5S_SCALAR)
                            : H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr);
    const hid_t dataset =
        H5Dcreate2(file, field, type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    H5Dwrite(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values);
    H5Dclose(dataset);
    H5Sclose(space);
}

void replaceStringAttribute(hid_t file, const char* name, const char* value)
{
    H5Adelete(file, name);
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t attribute = H5Acreate2(file, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(attribute, type, &value);
    H5Aclose(attribute);
    H5Sclose(space);
    H5Tclose(type);
}

} // namespace

class TestModelFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripIsExact_data();
    void roundTripIsExact();
    void recognisesModelFiles();
    void failedWriteKeepsTheOldFile();
    void rejectsBrokenFile_data();
    void rejectsBrokenFile();
    void rejectsTruncatedFileCleanly_data();
    void rejectsTruncatedFileCleanly();
    void namesTheFileOnceWhateverByteIsDamaged();
    void loadedModelPredictsIdentically();
    void readsFilesWrittenBeforeTheProtocolChoices();
    void closedFormModelsRoundTrip_data();
    void closedFormModelsRoundTrip();

private:
    QTemporaryDir m_dir;
    QString pathOf(const QString& name) const { return m_dir.filePath(name); }
};

void TestModelFile::roundTripIsExact_data()
{
    QTest::addColumn<bool>("checkpoint");
    QTest::newRow("model") << false;
    QTest::newRow("checkpoint") << true;
}

void TestModelFile::roundTripIsExact()
{
    QFETCH(bool, checkpoint);
    const ModelState state = checkpoint ? withCheckpoint(handMadeState()) : handMadeState();
    const std::string path = pathOf("round.h5").toStdString();
    semrel::writeModelFile(state, path);
    const ModelState back = semrel::readModelFile(path);
    const QString difference = differenceBetween(state, back);
    QVERIFY2(difference.isEmpty(), qPrintable("differs in " + difference));
    // The comparison itself must notice a change, or the test proves nothing.
    ModelState changed = back;
    changed.history[1].gzslSeen = std::numeric_limits<double>::quiet_NaN();
    QCOMPARE(differenceBetween(state, changed), QString("history[1] field 7"));
}

void TestModelFile::recognisesModelFiles()
{
    const std::string model = pathOf("is_model.h5").toStdString();
    semrel::writeModelFile(handMadeState(), model);
    QVERIFY(semrel::isModelFile(model));
    const QString text = pathOf("text.h5");
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a model");
    file.close();
    QVERIFY(!semrel::isModelFile(text.toStdString()));
    QVERIFY(!semrel::isModelFile(pathOf("missing.h5").toStdString()));
}

void TestModelFile::failedWriteKeepsTheOldFile()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("keep.h5").toStdString();
    const ModelState old = handMadeState();
    semrel::writeModelFile(old, path);

    // The NUL is found while the class names are written, after the weights: the temporary file
    // is half done by then.
    ModelState broken = handMadeState();
    broken.classNames[1] = std::string("d\0g", 3);
    broken.datasetName = "newer";
    const std::string message = modelErrorOf([&] { semrel::writeModelFile(broken, path); });
    QVERIFY2(QString::fromStdString(message).contains("'/classes/names'"), message.c_str());
    QVERIFY2(QString::fromStdString(message).startsWith(QString::fromStdString(path)),
             message.c_str());

    QCOMPARE(differenceBetween(old, semrel::readModelFile(path)), QString());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"keep.h5"});

    const std::string nowhere = dir.filePath("no/such/folder/m.h5").toStdString();
    QVERIFY(!modelErrorOf([&] { semrel::writeModelFile(old, nowhere); }).empty());
    QVERIFY(modelErrorOf([&] { semrel::writeModelFile(old, nowhere); }).rfind("NO ", 0) != 0);
}

void TestModelFile::rejectsBrokenFile_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("mentions");
    const float nan = std::numeric_limits<float>::quiet_NaN();
    QTest::newRow("dataset file, not a model")
        << Mutation([](hid_t f) { replaceStringAttribute(f, "format", "semrel-dataset"); })
        << "is not a SemRel model file (format 'semrel-dataset'";
    QTest::newRow("no format") << Mutation([](hid_t f) { H5Adelete(f, "format"); })
                               << "no 'format' attribute";
    QTest::newRow("newer version") << Mutation([](hid_t f) {
        const std::int64_t v = 99;
        const hid_t a = H5Aopen(f, "version", H5P_DEFAULT);
        H5Awrite(a, H5T_NATIVE_INT64, &v);
        H5Aclose(a);
    }) << "version 99";
    QTest::newRow("no weights") << Mutation([](hid_t f) { H5Ldelete(f, "/weights", H5P_DEFAULT); })
                                << "'/weights' is missing";
    QTest::newRow("no class names")
        << Mutation([](hid_t f) { H5Ldelete(f, "/classes/names", H5P_DEFAULT); })
        << "'/classes/names' is missing";
    QTest::newRow("integer weights") << Mutation([](hid_t f) {
        const std::int32_t v[4] = {1, 2, 3, 4};
        replaceWith(f, "/weights/encoder.0.bias", H5T_NATIVE_INT32, {4}, v);
    }) << "'/weights/encoder.0.bias' holds integers, expected floating-point numbers";
    QTest::newRow("NaN weight") << Mutation([=](hid_t f) {
        const float v[3] = {0.0f, nan, 1.0f};
        replaceWith(f, "/weights/encoder.1.bias", H5T_NATIVE_FLOAT, {3}, v);
    }) << "'/weights/encoder.1.bias' has a non-finite value at element 1";
    QTest::newRow("embeddings of another shape") << Mutation([](hid_t f) {
        const float v[12] = {};
        replaceWith(f, "/classes/embeddings", H5T_NATIVE_FLOAT, {4, 3}, v);
    }) << "'/classes/embeddings' has shape 4 x 3, expected 4 x 2";
    QTest::newRow("normaliser too short") << Mutation([](hid_t f) {
        const float v[2] = {0, 0};
        replaceWith(f, "/normalization/feature_mean", H5T_NATIVE_FLOAT, {2}, v);
    }) << "'/normalization/feature_mean' has 2 values, expected 3";
    QTest::newRow("zero standard deviation") << Mutation([](hid_t f) {
        const float v[3] = {1, 0, 1};
        replaceWith(f, "/normalization/feature_std", H5T_NATIVE_FLOAT, {3}, v);
    }) << "'/normalization/feature_std' has a standard deviation of 0";
    QTest::newRow("seen class out of range") << Mutation([](hid_t f) {
        const std::int32_t v[2] = {0, 7};
        replaceWith(f, "/classes/seen", H5T_NATIVE_INT32, {2}, v);
    }) << "'/classes/seen' has class index 7, outside the 4 classes";
    QTest::newRow("class both seen and unseen") << Mutation([](hid_t f) {
        const std::int32_t v[1] = {1};
        replaceWith(f, "/classes/unseen", H5T_NATIVE_INT32, {1}, v);
    }) << "'/classes/unseen' has class 'dog', which '/classes/seen' has too";
    QTest::newRow("tau as an array") << Mutation([](hid_t f) {
        const double v[2] = {0, 0};
        replaceWith(f, "/config/tau", H5T_NATIVE_DOUBLE, {2}, v);
    }) << "'/config/tau' has rank 1, expected 0";
    QTest::newRow("tau out of range") << Mutation([](hid_t f) {
        const double v = 5.0;
        replaceWith(f, "/config/tau", H5T_NATIVE_DOUBLE, {}, &v);
    }) << "'/config' ";
    QTest::newRow("history column short") << Mutation([](hid_t f) {
        const double v[1] = {0};
        replaceWith(f, "/history/loss", H5T_NATIVE_DOUBLE, {1}, v);
    }) << "'/history/loss' has 1 entries, expected 2 (one per epoch)";
    QTest::newRow("unknown attribute statistics") << Mutation([](hid_t f) {
        const char v[] = "most";
        const hid_t type = H5Tcopy(H5T_C_S1);
        H5Tset_size(type, sizeof v);
        replaceWith(f, "/config/attribute_stats", type, {}, v);
        H5Tclose(type);
    }) << "'/config/attribute_stats' unknown attribute statistics 'most'";
    QTest::newRow("calibration without a gamma") << Mutation([](hid_t f) {
        const double v = std::numeric_limits<double>::quiet_NaN();
        replaceWith(f, "/calibration/gamma", H5T_NATIVE_DOUBLE, {}, &v);
    }) << "'/calibration/gamma' is not a finite number";
    QTest::newRow("accuracy above one") << Mutation([](hid_t f) {
        const double v[2] = {0.5, 1.5};
        replaceWith(f, "/history/zsl_accuracy", H5T_NATIVE_DOUBLE, {2}, v);
    }) << "'/history/zsl_accuracy' has 1.5";
}

void TestModelFile::rejectsBrokenFile()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, mentions);
    const std::string path = pathOf("broken.h5").toStdString();
    semrel::writeModelFile(handMadeState(), path);
    const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    QVERIFY(file >= 0);
    mutate(file);
    QVERIFY(H5Fclose(file) >= 0);

    const std::string message = modelErrorOf([&] { semrel::readModelFile(path); });
    QVERIFY2(QString::fromStdString(message).startsWith(QString::fromStdString(path) + ": "),
             message.c_str());
    QVERIFY2(QString::fromStdString(message).contains(mentions), message.c_str());
}

void TestModelFile::rejectsTruncatedFileCleanly_data()
{
    QTest::addColumn<double>("keep");
    for (double keep : {0.0, 0.001, 0.1, 0.5, 0.9, 0.999})
        QTest::newRow(qPrintable(QString("keep %1").arg(keep))) << keep;
}

void TestModelFile::rejectsTruncatedFileCleanly()
{
    QFETCH(double, keep);
    const QString path = pathOf("truncated.h5");
    semrel::writeModelFile(withCheckpoint(handMadeState()), path.toStdString());
    QFile file(path);
    QVERIFY(file.resize(static_cast<qint64>(static_cast<double>(file.size()) * keep)));
    const std::string message = modelErrorOf([&] { semrel::readModelFile(path.toStdString()); });
    QVERIFY2(message.rfind("NO ", 0) != 0, message.c_str());
    QVERIFY2(QString::fromStdString(message).startsWith(path), message.c_str());
    // The user's line says what the file is not; HDF5's internals stay in the detail below it.
    const semrel::ErrorText text = semrel::splitErrorText(message);
    QVERIFY2(text.message.find("sblock") == std::string::npos, message.c_str());
    // With its superblock cut (keep 0.001) HDF5 sees a bad checksum before the file's end.
    if (keep >= 0.1)
        QVERIFY2(text.message.find("the file is incomplete") != std::string::npos, message.c_str());
}

void TestModelFile::namesTheFileOnceWhateverByteIsDamaged()
{
    // A damaged config once came back as "m.h5: '/config/method' m.h5: '/config/method' could
    // not be looked up": one error wrapped in another with the same prefix.
    const QString path = pathOf("damaged.h5");
    semrel::writeModelFile(withCheckpoint(handMadeState()), pathOf("whole.h5").toStdString());
    QFile whole(pathOf("whole.h5"));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    int rejected = 0;
    for (qsizetype at = 0; at < bytes.size(); at += 7) {
        QByteArray damaged = bytes;
        damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(damaged);
        out.close();
        try {
            semrel::readModelFile(path.toStdString());
        } catch (const semrel::ModelError& e) {
            ++rejected;
            const QString line = QString::fromStdString(semrel::splitErrorText(e.what()).message);
            QVERIFY2(line.count(QStringLiteral("damaged.h5")) == 1,
                     qPrintable(QStringLiteral("byte %1: %2").arg(at).arg(e.what())));
        }
    }
    QVERIFY(rejected > 0);
}

void TestModelFile::loadedModelPredictsIdentically()
{
    semrel::SyntheticSpec spec = semrel::test::syntheticSpec(8, 2, 2, 12, 16, 6);
    const semrel::Dataset data = semrel::makeSyntheticDataset(spec);
    semrel::TrainingConfig config;
    config.epochs = 1;
    config.batchSize = 16;
    config.candidates = 5;
    config.threads = 1;
    config.network = {{16}, {16}};
    config.evaluateEachEpoch = true;
    semrel::StopFlag stop;
    const ModelState trained = semrel::Trainer(config).run(data, stop).state;

    const std::string path = pathOf("trained.h5").toStdString();
    semrel::writeModelFile(trained, path);
    const ModelState loaded = semrel::readModelFile(path);
    QCOMPARE(differenceBetween(trained, loaded), QString());

    const semrel::EvaluationResult before = semrel::evaluate(semrel::RelationModel(trained), data);
    const semrel::EvaluationResult after = semrel::evaluate(semrel::RelationModel(loaded), data);
    QCOMPARE(after.gzslPredictions.size(), data.split(semrel::Split::TestUnseen).size() +
                                               data.split(semrel::Split::TestSeen).size());
    QCOMPARE(after.zslAccuracy, before.zslAccuracy);
    QCOMPARE(after.gzslH, before.gzslH);
    for (std::size_t i = 0; i < before.gzslPredictions.size(); ++i) {
        QCOMPARE(after.gzslPredictions[i].predictedClass, before.gzslPredictions[i].predictedClass);
        QCOMPARE(after.gzslPredictions[i].score, before.gzslPredictions[i].score);
    }
}

void TestModelFile::readsFilesWrittenBeforeTheProtocolChoices()
{
    const std::string path = pathOf("older.h5").toStdString();
    semrel::writeModelFile(handMadeState(), path);
    const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    QVERIFY(file >= 0);
    for (const char* field :
         {"/config/attribute_stats", "/config/tuning_splits", "/config/seen_holdout",
          "/config/eszsl_gamma", "/config/eszsl_lambda", "/config/sae_lambda",
          "/config/sae_direction", "/config/bf16_mining", "/calibration", "/history/ausuc"})
        QVERIFY2(H5Ldelete(file, field, H5P_DEFAULT) >= 0, field);
    // Such files are version 1: they carry no checksum.
    QVERIFY(H5Adelete(file, "checksum") >= 0);
    QVERIFY(H5Adelete(file, "attribute_stats") >= 0);
    const hid_t version = H5Aopen(file, "version", H5P_DEFAULT);
    const std::int64_t one = 1;
    QVERIFY(version >= 0 && H5Awrite(version, H5T_NATIVE_INT64, &one) >= 0);
    QVERIFY(H5Aclose(version) >= 0);
    QVERIFY(H5Fclose(file) >= 0);

    // What the model was trained with before the choices existed.
    const ModelState older = semrel::readModelFile(path);
    QCOMPARE(older.config.attributeStats, semrel::AttributeStats::Seen);
    QCOMPARE(older.config.tuningSplits, semrel::TuningSplits::Raw);
    QCOMPARE(older.config.seenHoldout, 0.0);
    QCOMPARE(older.config.saeDirection, semrel::SaeDirection::SemanticToVisual);
    QVERIFY(!older.config.bf16Mining);
    QVERIFY(!older.calibration.chosen());
    QVERIFY(std::isnan(older.history[1].ausuc));
    QCOMPARE(older.history[1].gzslSeen, 1.0);
    QCOMPARE(older.config.tau, 0.125);
}

void TestModelFile::closedFormModelsRoundTrip_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("direction");
    QTest::newRow("ESZSL") << int(semrel::Method::Eszsl)
                           << int(semrel::SaeDirection::SemanticToVisual);
    QTest::newRow("SAE, visual to semantic")
        << int(semrel::Method::Sae) << int(semrel::SaeDirection::VisualToSemantic);
    QTest::newRow("SAE, semantic to visual")
        << int(semrel::Method::Sae) << int(semrel::SaeDirection::SemanticToVisual);
}

void TestModelFile::closedFormModelsRoundTrip()
{
    QFETCH(int, method);
    QFETCH(int, direction);
    const semrel::Dataset data =
        semrel::makeSyntheticDataset(semrel::test::syntheticSpec(8, 2, 3, 60, 16, 6));
    semrel::TrainingConfig config;
    config.method = static_cast<semrel::Method>(method);
    config.saeDirection = static_cast<semrel::SaeDirection>(direction);
    config.threads = 1;
    semrel::StopFlag stop;
    const ModelState trained = semrel::Trainer(config).run(data, stop).state;
    const std::string path = pathOf("closed_form.h5").toStdString();
    semrel::writeModelFile(trained, path);
    const ModelState loaded = semrel::readModelFile(path);
    QCOMPARE(differenceBetween(trained, loaded), QString());
    const semrel::EvaluationResult before = semrel::evaluate(semrel::RelationModel(trained), data);
    const semrel::EvaluationResult after = semrel::evaluate(semrel::RelationModel(loaded), data);
    QCOMPARE(after.zslAccuracy, before.zslAccuracy);
    QCOMPARE(after.seenUnseen.ausuc, before.seenUnseen.ausuc);
    for (std::size_t i = 0; i < before.gzslPredictions.size(); ++i)
        QCOMPARE(after.gzslPredictions[i].score, before.gzslPredictions[i].score);
}

QTEST_GUILESS_MAIN(TestModelFile)
#include "tst_model_file.moc"
