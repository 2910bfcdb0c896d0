// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "test_support.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/dataset/synthetic_dataset.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <hdf5.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <memory>
#include <random>

using semrel::Dataset;
using semrel::Split;

// Builds a broken file at the given path.
using FileMaker = std::function<void(const std::string& path)>;
Q_DECLARE_METATYPE(FileMaker)

namespace {

// A dataset that uses every optional part, with non-ASCII text, so a round trip exercises all.
Dataset richDataset()
{
    semrel::SyntheticSpec spec = semrel::test::syntheticSpec(6, 2, 1, 10, 8, 4);
    Dataset data = semrel::makeSyntheticDataset(spec);
    data.name = "rich";
    data.source = "synthetic:seed=1";
    data.classNames[0] = "grüne Meerkatze";
    const std::int64_t n = data.sampleCount();
    for (std::int64_t i = 0; i < n; ++i)
        data.imagePaths.push_back("images/" + std::to_string(data.labels[i]) + "/bild_" +
                                  std::to_string(i) + "_ä.png");
    data.images.count = n;
    data.images.height = 4;
    data.images.width = 3;
    for (std::int64_t i = 0; i < n * 12; ++i)
        data.images.values.push_back(static_cast<std::uint8_t>((i * 37) % 256));
    data.warnings = {"no val_loc; validation split left empty", "class 'x' skipped"};
    return data;
}

void compareDatasets(const Dataset& actual, const Dataset& expected)
{
    QCOMPARE(actual.name, expected.name);
    QCOMPARE(actual.source, expected.source);
    QVERIFY(actual.features == expected.features);
    QCOMPARE(actual.labels, expected.labels);
    QCOMPARE(actual.classNames, expected.classNames);
    QVERIFY(actual.classEmbeddings == expected.classEmbeddings);
    for (Split s : semrel::kAllSplits)
        QVERIFY2(actual.split(s) == expected.split(s), semrel::splitName(s));
    QCOMPARE(actual.imagePaths, expected.imagePaths);
    QCOMPARE(actual.images.count, expected.images.count);
    QCOMPARE(actual.images.height, expected.images.height);
    QCOMPARE(actual.images.width, expected.images.width);
    QCOMPARE(actual.images.values, expected.images.values);
    QCOMPARE(actual.warnings, expected.warnings);
}

bool sameDataset(const Dataset& a, const Dataset& b)
{
    bool splitsEqual = true;
    for (Split s : semrel::kAllSplits)
        splitsEqual = splitsEqual && a.split(s) == b.split(s);
    return splitsEqual && a.name == b.name && a.source == b.source && a.features == b.features &&
           a.labels == b.labels && a.classNames == b.classNames &&
           a.classEmbeddings == b.classEmbeddings && a.imagePaths == b.imagePaths &&
           a.images.values == b.images.values && a.images.count == b.images.count &&
           a.images.height == b.images.height && a.images.width == b.images.width &&
           a.warnings == b.warnings;
}

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Opens a valid file for editing with the HDF5 C API, the way a careless script might.
void editFile(const std::string& path, const std::function<void(hid_t file)>& edit)
{
    const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    QVERIFY(file >= 0);
    edit(file);
    QVERIFY(H5Fclose(file) >= 0);
}

void replaceDataset(hid_t file, const char* field, hid_t type, const std::vector<hsize_t>& dims,
                    const void* values)
{
    QVERIFY(H5Ldelete(file, field, H5P_DEFAULT) >= 0);
    const hid_t space = H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr);
    const hid_t dataset =
        H5Dcreate2(file, field, type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    QVERIFY(dataset >= 0);
    QVERIFY(H5Dwrite(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values) >= 0);
    H5Dclose(dataset);
    H5Sclose(space);
}

// Writes `value` into one element of an existing dataset, keeping everything else.
template <typename T>
void pokeElement(hid_t file, const char* field, hid_t memType, std::vector<hsize_t> at, T value)
{
    const hid_t dataset = H5Dopen2(file, field, H5P_DEFAULT);
    const hid_t space = H5Dget_space(dataset);
    const hsize_t one = 1;
    QVERIFY(H5Sselect_elements(space, H5S_SELECT_SET, 1, at.data()) >= 0);
    const hid_t memSpace = H5Screate_simple(1, &one, nullptr);
    QVERIFY(H5Dwrite(dataset, memType, memSpace, space, H5P_DEFAULT, &value) >= 0);
    H5Sclose(memSpace);
    H5Sclose(space);
    H5Dclose(dataset);
}

void writeTiny(const std::string& path)
{
    semrel::writeDatasetFile(semrel::test::tinyDataset(), path);
}

// A valid tiny file, then `edit` applied to it.
FileMaker editedTiny(std::function<void(hid_t file)> edit)
{
    return [edit](const std::string& path) {
        writeTiny(path);
        editFile(path, edit);
    };
}

} // namespace

class TestDatasetFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void roundTripsTinyDatasetExactly();
    void roundTripsImagesPathsAndWarningsExactly();
    void reportsProgressUpToOne();
    void stopsReadingWhenAStopIsRequested();
    void readsFloat64FeaturesAsFloat32();
    void replacesExistingFileAndLeavesNoTemporaryFile();
    void keepsExistingFileIntactWhenWriteFails();
    void recognisesHdf5SignatureCheaply();
    void rejectsBrokenFile_data();
    void rejectsBrokenFile();
    void survivesTruncationAtAnyOffset();
    void explainsACutShortFileInAUsersWords();
    void detectsOrToleratesFlippedBytes();

private:
    std::string pathOf(const QString& name) const { return m_dir->filePath(name).toStdString(); }
    QStringList entries() const { return QDir(m_dir->path()).entryList(QDir::Files); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDatasetFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDatasetFile::roundTripsTinyDatasetExactly()
{
    const Dataset data = semrel::test::tinyDataset();
    semrel::writeDatasetFile(data, pathOf("tiny.h5"));
    const Dataset read = semrel::readDatasetFile(pathOf("tiny.h5"));
    compareDatasets(read, data);
    QVERIFY(read.imagePaths.empty());
    QVERIFY(read.images.empty());
    QVERIFY(read.images.values.empty());
    QVERIFY(read.warnings.empty());
}

void TestDatasetFile::roundTripsImagesPathsAndWarningsExactly()
{
    Dataset data = richDataset();
    data.split(Split::Val).clear(); // an empty split must come back empty, not missing
    data.split(Split::Train) = data.split(Split::Trainval);
    semrel::writeDatasetFile(data, pathOf("rich.h5"));
    compareDatasets(semrel::readDatasetFile(pathOf("rich.h5")), data);
}

void TestDatasetFile::reportsProgressUpToOne()
{
    semrel::SyntheticSpec spec;
    spec.featureDim = 4096; // ~19 MB of features: more than one progress block
    spec.samplesPerClass = 60;
    const Dataset data = semrel::makeSyntheticDataset(spec);
    std::vector<double> written, read;
    semrel::writeDatasetFile(data, pathOf("big.h5"),
                             [&](double f, const std::string&) { written.push_back(f); });
    const Dataset back = semrel::readDatasetFile(
        pathOf("big.h5"), [&](double f, const std::string&) { read.push_back(f); });
    QVERIFY(back.features == data.features);
    for (const auto* fractions : {&written, &read}) {
        QVERIFY(fractions->size() >= 2);
        QVERIFY(std::is_sorted(fractions->begin(), fractions->end()));
        QCOMPARE(fractions->back(), 1.0);
    }
}

void TestDatasetFile::stopsReadingWhenAStopIsRequested()
{
    semrel::SyntheticSpec spec;
    spec.featureDim = 4096; // ~19 MB of features: more than one progress block
    spec.samplesPerClass = 60;
    semrel::writeDatasetFile(semrel::makeSyntheticDataset(spec), pathOf("big.h5"));
    semrel::StopFlag stop;
    int reports = 0;
    const semrel::ProgressCallback progress =
        semrel::cancellableProgress(stop, [&](double, const std::string&) {
            ++reports;
            stop.request(); // after the first block: the next report ends the read
        });
    QVERIFY_THROWS_EXCEPTION(semrel::Cancelled,
                             semrel::readDatasetFile(pathOf("big.h5"), progress));
    QCOMPARE(reports, 1);
    // Nothing was left open: the same file reads in full afterwards, and can be replaced.
    stop.reset();
    QCOMPARE(
        semrel::readDatasetFile(pathOf("big.h5"), semrel::cancellableProgress(stop)).sampleCount(),
        spec.classCount * spec.samplesPerClass);
    semrel::writeDatasetFile(semrel::test::tinyDataset(), pathOf("big.h5"));
    QCOMPARE(entries(), QStringList{"big.h5"});
}

void TestDatasetFile::readsFloat64FeaturesAsFloat32()
{
    const Dataset data = semrel::test::tinyDataset();
    writeTiny(pathOf("f64.h5"));
    std::vector<double> wide(data.features.values.begin(), data.features.values.end());
    editFile(pathOf("f64.h5"), [&](hid_t file) {
        replaceDataset(file, "/features", H5T_NATIVE_DOUBLE, {12, 3}, wide.data());
    });
    QVERIFY(semrel::readDatasetFile(pathOf("f64.h5")).features == data.features);
}

void TestDatasetFile::replacesExistingFileAndLeavesNoTemporaryFile()
{
    writeTiny(pathOf("d.h5"));
    const Dataset rich = richDataset();
    semrel::writeDatasetFile(rich, pathOf("d.h5"));
    compareDatasets(semrel::readDatasetFile(pathOf("d.h5")), rich);
    QCOMPARE(entries(), QStringList{"d.h5"});
}

void TestDatasetFile::keepsExistingFileIntactWhenWriteFails()
{
    writeTiny(pathOf("d.h5"));
    const QByteArray before = readBytes(m_dir->filePath("d.h5"));
    Dataset broken = richDataset();
    broken.labels[3] = 99;
    const std::string invalid =
        semrel::test::dataErrorOf([&] { semrel::writeDatasetFile(broken, pathOf("d.h5")); });
    QVERIFY2(invalid.find("'/labels' has label 99") != std::string::npos, invalid.c_str());

    // Valid for validateDataset, but HDF5 strings cannot hold NUL: fails halfway through writing.
    Dataset halfway = richDataset();
    halfway.imagePaths[5] = std::string("a\0b", 3);
    const std::string late =
        semrel::test::dataErrorOf([&] { semrel::writeDatasetFile(halfway, pathOf("d.h5")); });
    QVERIFY2(late.find("'/images/paths' entry 5 contains a NUL") != std::string::npos,
             late.c_str());

    QCOMPARE(readBytes(m_dir->filePath("d.h5")), before);
    QCOMPARE(entries(), QStringList{"d.h5"});
}

void TestDatasetFile::recognisesHdf5SignatureCheaply()
{
    writeTiny(pathOf("d.h5"));
    writeBytes(m_dir->filePath("text.h5"), "just some text, long enough\n");
    QVERIFY(semrel::isHdf5File(pathOf("d.h5")));
    QVERIFY(!semrel::isHdf5File(pathOf("text.h5")));
    QVERIFY(!semrel::isHdf5File(pathOf("missing.h5")));
    QVERIFY(!semrel::isHdf5File(m_dir->path().toStdString()));
}

void TestDatasetFile::rejectsBrokenFile_data()
{
    QTest::addColumn<FileMaker>("make");
    QTest::addColumn<QString>("mentions");
    const auto text = [](QByteArray bytes) {
        return FileMaker(
            [bytes](const std::string& p) { writeBytes(QString::fromStdString(p), bytes); });
    };

    QTest::newRow("missing file") << FileMaker([](const std::string&) {}) << "no such file";
    QTest::newRow("text file") << text("features,labels\n1,2\n") << "not an HDF5 file";
    QTest::newRow("empty file") << text("") << "not an HDF5 file";
    QTest::newRow("HDF5 signature only")
        << text("\x89HDF\r\n\x1a\n") << "could not be opened: the file is damaged, or incomplete";
    QTest::newRow("missing /labels")
        << editedTiny([](hid_t f) { QVERIFY(H5Ldelete(f, "/labels", H5P_DEFAULT) >= 0); })
        << "'/labels' is missing";
    QTest::newRow("missing /splits group")
        << editedTiny([](hid_t f) { QVERIFY(H5Ldelete(f, "/splits", H5P_DEFAULT) >= 0); })
        << "'/splits/trainval' is missing";
    QTest::newRow("features of rank 1") << editedTiny([](hid_t f) {
        const std::vector<float> flat(36, 1.0f);
        replaceDataset(f, "/features", H5T_NATIVE_FLOAT, {36}, flat.data());
    }) << "'/features' has rank 1, expected 2";
    QTest::newRow("integer features") << editedTiny([](hid_t f) {
        const std::vector<int> ints(36, 1);
        replaceDataset(f, "/features", H5T_NATIVE_INT, {12, 3}, ints.data());
    }) << "'/features' holds integers, expected floating-point numbers";
    QTest::newRow("wrong format attribute") << editedTiny([](hid_t f) {
        QVERIFY(H5Adelete(f, "format") >= 0);
        const hid_t type = H5Tcopy(H5T_C_S1);
        H5Tset_size(type, 3);
        const hid_t space = H5Screate(H5S_SCALAR);
        const hid_t attribute = H5Acreate2(f, "format", type, space, H5P_DEFAULT, H5P_DEFAULT);
        QVERIFY(H5Awrite(attribute, type, "foo") >= 0);
        H5Aclose(attribute);
        H5Sclose(space);
        H5Tclose(type);
    }) << "format attribute is 'foo', expected 'semrel-dataset'";
    QTest::newRow("no format attribute")
        << editedTiny([](hid_t f) { QVERIFY(H5Adelete(f, "format") >= 0); })
        << "not a SemRel dataset file";
    QTest::newRow("newer version") << editedTiny([](hid_t f) {
        const hid_t attribute = H5Aopen(f, "version", H5P_DEFAULT);
        const std::int64_t two = 2;
        QVERIFY(H5Awrite(attribute, H5T_NATIVE_INT64, &two) >= 0);
        H5Aclose(attribute);
    }) << "is format version 2, newer than this program reads (1)";
    QTest::newRow("labels out of range") << editedTiny([](hid_t f) {
        pokeElement<std::int32_t>(f, "/labels", H5T_NATIVE_INT32, {7}, 4);
    }) << "'/labels' has label 4 at sample 7, outside the 4 classes";
    QTest::newRow("labels one short") << editedTiny([](hid_t f) {
        const std::vector<std::int32_t> labels(11, 0);
        replaceDataset(f, "/labels", H5T_NATIVE_INT32, {11}, labels.data());
    }) << "'/labels' has 11 entries, expected one per feature row (12)";
    QTest::newRow("NaN in features") << editedTiny([](hid_t f) {
        pokeElement(f, "/features", H5T_NATIVE_FLOAT, {5, 2},
                    std::numeric_limits<float>::quiet_NaN());
    }) << "'/features' has a non-finite value (nan) at row 5, column 2";
    QTest::newRow("embeddings and names disagree") << editedTiny([](hid_t f) {
        const std::vector<float> three(6, 1.0f);
        replaceDataset(f, "/classes/embeddings", H5T_NATIVE_FLOAT, {3, 2}, three.data());
    }) << "'/classes/names' has 4 names for 3 class embeddings";
    QTest::newRow("split index out of range") << editedTiny([](hid_t f) {
        pokeElement<std::int64_t>(f, "/splits/test_unseen", H5T_NATIVE_INT64, {0}, 12);
    }) << "'/splits/test_unseen' has sample index 12";
    // Fixed-length strings end at their first NUL: the rest must not vanish without a word.
    QTest::newRow("NUL inside a class name") << editedTiny([](hid_t f) {
        const hid_t type = H5Tcopy(H5T_C_S1);
        H5Tset_size(type, 4);
        H5Tset_strpad(type, H5T_STR_NULLPAD);
        const char names[] = {'c', 'a', 't', 0,   'd', 'o', 'g', 0,
                              'f', 'o', 0,   'x', 'o', 'w', 'l', 0};
        replaceDataset(f, "/classes/names", type, {4}, names);
        H5Tclose(type);
    }) << "'/classes/names' entry 2 contains a NUL character";
}

void TestDatasetFile::rejectsBrokenFile()
{
    QFETCH(FileMaker, make);
    QFETCH(QString, mentions);
    const std::string path = pathOf("broken.h5");
    make(path);
    const std::string message = semrel::test::dataErrorOf([&] { semrel::readDatasetFile(path); });
    QVERIFY2(QString::fromStdString(message).startsWith(QString::fromStdString(path + ": ")),
             message.c_str());
    QVERIFY2(QString::fromStdString(message).contains(mentions), message.c_str());
}

void TestDatasetFile::survivesTruncationAtAnyOffset()
{
    semrel::writeDatasetFile(richDataset(), pathOf("whole.h5"));
    const QByteArray whole = readBytes(m_dir->filePath("whole.h5"));
    std::vector<int> lengths = {0, 1, 8, 512, static_cast<int>(whole.size()) - 1};
    for (int i = 1; i <= 40; ++i)
        lengths.push_back(static_cast<int>(static_cast<qint64>(whole.size()) * i / 41));
    for (int length : lengths) {
        const QString path = m_dir->filePath("cut.h5");
        writeBytes(path, whole.left(length));
        const std::string message =
            semrel::test::dataErrorOf([&] { semrel::readDatasetFile(path.toStdString()); });
        QVERIFY2(message.rfind("NO DATAERROR", 0) != 0,
                 qPrintable(QString("cut at %1 of %2: %3")
                                .arg(length)
                                .arg(whole.size())
                                .arg(QString::fromStdString(message))));
    }
}

void TestDatasetFile::explainsACutShortFileInAUsersWords()
{
    writeTiny(pathOf("whole.h5"));
    const QByteArray whole = readBytes(m_dir->filePath("whole.h5"));
    writeBytes(m_dir->filePath("cut.h5"), whole.left(whole.size() / 2));
    const std::string what =
        semrel::test::dataErrorOf([&] { semrel::readDatasetFile(pathOf("cut.h5")); });
    const semrel::ErrorText text = semrel::splitErrorText(what);
    const std::string expected = "the file is incomplete: it has " +
                                 std::to_string(whole.size() / 2) + " of the " +
                                 std::to_string(whole.size()) + " bytes it should have";
    QVERIFY2(text.message.find(expected) != std::string::npos, what.c_str());
    QVERIFY2(text.message.find("sblock") == std::string::npos, what.c_str());
    QVERIFY2(text.detail.rfind("HDF5: truncated file", 0) == 0, what.c_str()); // one click away
}

void TestDatasetFile::detectsOrToleratesFlippedBytes()
{
    const Dataset original = richDataset();
    semrel::writeDatasetFile(original, pathOf("whole.h5"));
    const QByteArray whole = readBytes(m_dir->filePath("whole.h5"));
    std::mt19937 random(20260517);
    std::uniform_int_distribution<int> position(0, static_cast<int>(whole.size()) - 1);
    std::uniform_int_distribution<int> mask(1, 255);
    int detected = 0, identical = 0;
    QStringList altered;
    for (int i = 0; i < 200; ++i) {
        const int at = position(random);
        QByteArray bytes = whole;
        bytes[at] = static_cast<char>(bytes[at] ^ mask(random));
        const QString path = m_dir->filePath("flipped.h5");
        writeBytes(path, bytes);
        try {
            const Dataset read = semrel::readDatasetFile(path.toStdString());
            semrel::validateDataset(read, "flipped.h5");
            if (sameDataset(read, original))
                ++identical;
            else
                altered << QString::number(at);
        } catch (const semrel::DataError&) {
            ++detected;
        } catch (const std::exception& e) {
            QFAIL(qPrintable(QString("byte %1: not a DataError: %2").arg(at).arg(e.what())));
        }
    }
    qInfo("%lld-byte file, 200 flipped bytes: %d detected, %d harmless",
          static_cast<long long>(whole.size()), detected, identical);
    // Every stored byte that carries data is under a checksum, so a flip that is not detected
    // must not have changed anything. Variable-length strings would break this: their heap has
    // no checksum (and crashes HDF5 1.10 when damaged).
    QVERIFY2(altered.isEmpty(),
             qPrintable("flips changed values silently at bytes " + altered.join(' ')));
}

QTEST_GUILESS_MAIN(TestDatasetFile)
#include "tst_dataset_file.moc"
