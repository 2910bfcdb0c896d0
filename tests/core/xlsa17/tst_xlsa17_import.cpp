// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "mat_fixture.h"
#include "test_support.h"

#include <semrel/dataset/dataset.h>
#include <semrel/xlsa17/xlsa17_import.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>
#include <limits>

using semrel::Dataset;
using semrel::Split;
using semrel::test::MatContent;
using semrel::test::MatField;
using semrel::test::MatFormat;
using semrel::test::Storage;

// Changes the fixture before it is written; `afterWrite` may then damage the written files.
struct Breakage
{
    std::function<void(MatContent& res101, MatContent& attSplits)> edit;
    std::function<void(const QString& dir)> afterWrite;
};

Q_DECLARE_METATYPE(MatFormat)
Q_DECLARE_METATYPE(Storage)
Q_DECLARE_METATYPE(Breakage)

namespace {

const QList<MatFormat> kFormats = {MatFormat::V5, MatFormat::V5Compressed, MatFormat::V73};

Dataset importFrom(const QString& dir)
{
    return semrel::importXlsa17(dir.toStdString());
}

void compareDatasets(const Dataset& a, const Dataset& b)
{
    QCOMPARE(a.features.rows, b.features.rows);
    QCOMPARE(a.features.cols, b.features.cols);
    QVERIFY(a.features.values == b.features.values);
    QCOMPARE(a.labels, b.labels);
    QCOMPARE(a.classNames, b.classNames);
    QVERIFY(a.classEmbeddings == b.classEmbeddings);
    for (Split s : semrel::kAllSplits)
        QCOMPARE(a.split(s), b.split(s));
    QCOMPARE(a.imagePaths, b.imagePaths);
}

// Whole-number features, so that integer storage types can hold them.
MatContent wholeNumberRes101(Storage storage)
{
    MatContent res = semrel::test::tinyRes101();
    MatField& features = res["features"];
    for (std::size_t i = 0; i < features.values.size(); ++i)
        features.values[i] = static_cast<double>((i * 7) % 23 + 1);
    features.storage = storage;
    res["labels"].storage = storage;
    return res;
}

// tinyRes101() with kWideFeatures features a sample (several of the reader's stream blocks):
// sample i's features are all 0.25 + i.
constexpr std::size_t kWideFeatures = 200000;

MatContent wideRes101()
{
    MatContent res = semrel::test::tinyRes101();
    MatField& features = res["features"];
    const std::size_t dim = kWideFeatures;
    features.dims[0] = dim;
    features.values.resize(dim * 12);
    for (std::size_t i = 0; i < features.values.size(); ++i) // column-major: one column a sample
        features.values[i] = 0.25 + static_cast<double>(i / dim);
    return res;
}

// A `format` column with one row per MAT format.
void addOneRowPerFormat()
{
    QTest::addColumn<MatFormat>("format");
    for (MatFormat format : kFormats)
        QTest::newRow(qPrintable(semrel::test::formatName(format))) << format;
}

} // namespace

class TestXlsa17Import : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsTinyDatasetAsWritten_data();
    void importsTinyDatasetAsWritten();
    void givesIdenticalDatasetsForEveryFormat();
    void acceptsEveryStorageType_data();
    void acceptsEveryStorageType();
    void acceptsRowVectorsForIndices();
    void reportsProgressWhileReadingFeatures();
    void stopsImportingWhenAStopIsRequested_data();
    void stopsImportingWhenAStopIsRequested();
    void derivesTrainValFromClassListsBesideTheFile();
    void rejectsBrokenInput_data();
    void rejectsBrokenInput();
};

void TestXlsa17Import::importsTinyDatasetAsWritten_data()
{
    addOneRowPerFormat();
}

void TestXlsa17Import::importsTinyDatasetAsWritten()
{
    QFETCH(MatFormat, format);
    QTemporaryDir tmp;
    const QString dir = tmp.path() + "/TINY";
    QVERIFY(QDir().mkpath(dir));
    semrel::test::writeXlsa17(dir, semrel::test::tinyRes101(), semrel::test::tinyAttSplits(),
                              format);
    const Dataset data = importFrom(dir + "/");
    Dataset expected = semrel::test::tinyDataset();
    expected.imagePaths = semrel::test::tinyRes101().at("image_files").text;
    compareDatasets(data, expected);
    QCOMPARE(data.name, std::string("TINY"));
    QCOMPARE(QString::fromStdString(data.source), "xlsa17:" + QDir(dir).absolutePath());
    QVERIFY(data.warnings.empty());
}

void TestXlsa17Import::givesIdenticalDatasetsForEveryFormat()
{
    QTemporaryDir tmp;
    std::vector<Dataset> imported;
    for (MatFormat format : kFormats) {
        const QString dir = tmp.path() + "/" + QString::number(imported.size());
        QVERIFY(QDir().mkpath(dir));
        semrel::test::writeXlsa17(dir, wholeNumberRes101(Storage::Double),
                                  semrel::test::tinyAttSplits(), format);
        imported.push_back(importFrom(dir));
    }
    compareDatasets(imported[0], imported[1]);
    compareDatasets(imported[0], imported[2]);
}

void TestXlsa17Import::acceptsEveryStorageType_data()
{
    QTest::addColumn<Storage>("storage");
    QTest::addColumn<MatFormat>("format");
    const std::pair<const char*, Storage> storages[] = {
        {"double", Storage::Double},
        {"single", Storage::Single},
        {"uint8", Storage::UInt8},
        {"uint16", Storage::UInt16},
        {"int32", Storage::Int32},
        {"uint8 in double", Storage::UInt8AsDouble},
        {"uint16 in double", Storage::UInt16AsDouble}};
    for (MatFormat format : kFormats)
        for (const auto& [name, storage] : storages)
            QTest::addRow("%s %s", name, qPrintable(semrel::test::formatName(format)))
                << storage << format;
}

void TestXlsa17Import::acceptsEveryStorageType()
{
    QFETCH(Storage, storage);
    QFETCH(MatFormat, format);
    QTemporaryDir tmp;
    MatContent att = semrel::test::tinyAttSplits();
    for (auto& [name, field] : att)
        if (name.size() > 4 && name.compare(name.size() - 4, 4, "_loc") == 0)
            field.storage = storage;
    semrel::test::writeXlsa17(tmp.path(), wholeNumberRes101(storage), att, format);
    const Dataset data = importFrom(tmp.path());

    QTemporaryDir reference;
    semrel::test::writeXlsa17(reference.path(), wholeNumberRes101(Storage::Double),
                              semrel::test::tinyAttSplits(), MatFormat::V5);
    compareDatasets(data, importFrom(reference.path()));
    QCOMPARE(data.features.at(1, 2), 13.0f); // element 5 = (5 * 7) % 23 + 1: sample 1, feature 2
}

void TestXlsa17Import::acceptsRowVectorsForIndices()
{
    QTemporaryDir tmp;
    MatContent att = semrel::test::tinyAttSplits();
    std::swap(att["test_seen_loc"].dims[0], att["test_seen_loc"].dims[1]);
    semrel::test::writeXlsa17(tmp.path(), semrel::test::tinyRes101(), att, MatFormat::V5);
    const Dataset data = importFrom(tmp.path());
    QCOMPARE(data.split(Split::TestSeen), semrel::test::tinyDataset().split(Split::TestSeen));
}

void TestXlsa17Import::reportsProgressWhileReadingFeatures()
{
    QTemporaryDir tmp;
    const MatContent res = wideRes101();
    semrel::test::writeXlsa17(tmp.path(), res, semrel::test::tinyAttSplits(),
                              MatFormat::V5Compressed);
    std::vector<double> fractions;
    int featureReports = 0;
    semrel::importXlsa17(tmp.path().toStdString(), [&](double f, const std::string& stage) {
        fractions.push_back(f);
        featureReports += stage == "reading features";
    });
    QVERIFY2(featureReports >= 5, qPrintable(QString::number(featureReports)));
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    QCOMPARE(fractions.back(), 1.0);
}

void TestXlsa17Import::stopsImportingWhenAStopIsRequested_data()
{
    addOneRowPerFormat();
}

void TestXlsa17Import::stopsImportingWhenAStopIsRequested()
{
    QFETCH(MatFormat, format);
    QTemporaryDir tmp;
    const MatContent res = wideRes101();
    semrel::test::writeXlsa17(tmp.path(), res, semrel::test::tinyAttSplits(), format);
    semrel::StopFlag stop;
    int featureReports = 0;
    const semrel::ProgressCallback progress =
        semrel::cancellableProgress(stop, [&](double, const std::string& stage) {
            if (stage != "reading features")
                return;
            ++featureReports;
            stop.request(); // after the first block of features: the next report ends it
        });
    QVERIFY_THROWS_EXCEPTION(semrel::Cancelled,
                             semrel::importXlsa17(tmp.path().toStdString(), progress));
    QCOMPARE(featureReports, 1);
    stop.reset();
    QCOMPARE(semrel::importXlsa17(tmp.path().toStdString(), semrel::cancellableProgress(stop))
                 .featureDim(),
             std::int64_t(kWideFeatures));
}

void TestXlsa17Import::derivesTrainValFromClassListsBesideTheFile()
{
    QTemporaryDir tmp;
    MatContent att = semrel::test::tinyAttSplits();
    att.erase("train_loc");
    att.erase("val_loc");
    semrel::test::writeXlsa17(tmp.path(), semrel::test::tinyRes101(), att, MatFormat::V5);
    semrel::test::writeFileBytes(tmp.path() + "/trainclasses1.txt", "cat\r\ndog\r\n\r\n");
    semrel::test::writeFileBytes(tmp.path() + "/valclasses1.txt", "fox");
    const Dataset data = importFrom(tmp.path());
    const Dataset expected = semrel::test::tinyDataset();
    QCOMPARE(data.split(Split::Train), expected.split(Split::Train));
    QCOMPARE(data.split(Split::Val), expected.split(Split::Val));
    QCOMPARE(data.warnings.size(), std::size_t{1});
}

namespace {

using Edit = std::function<void(MatContent&, MatContent&)>;

Breakage edit(Edit e)
{
    return Breakage{std::move(e), {}};
}

Breakage damage(std::function<void(const QString&)> f)
{
    return Breakage{[](MatContent&, MatContent&) {}, std::move(f)};
}

void truncateFile(const QString& path, double keep)
{
    const QByteArray bytes = semrel::test::readFileBytes(path);
    semrel::test::writeFileBytes(path, bytes.left(static_cast<int>(bytes.size() * keep)));
}

} // namespace

void TestXlsa17Import::rejectsBrokenInput_data()
{
    QTest::addColumn<Breakage>("breakage");
    QTest::addColumn<MatFormat>("format");
    QTest::addColumn<QString>("mentions"); // the message must name the file and the field
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const MatFormat v5 = MatFormat::V5, v5z = MatFormat::V5Compressed, v73 = MatFormat::V73;

    QTest::newRow("not a MAT file") << damage([](const QString& d) {
        semrel::test::writeFileBytes(d + "/res101.mat", QByteArray(300, 'x'));
    }) << v5 << "res101.mat: is not a MATLAB v5 or v7.3 MAT file";
    QTest::newRow("empty file") << damage([](const QString& d) {
        semrel::test::writeFileBytes(d + "/att_splits.mat", {});
    }) << v5 << "att_splits.mat: is not a MAT file: it has 0 bytes";
    QTest::newRow("truncated v5") << damage([](const QString& d) {
        truncateFile(d + "/res101.mat", 0.6);
    }) << v5 << "res101.mat: is truncated: variable 'image_files'";
    QTest::newRow("truncated compressed")
        << damage([](const QString& d) { truncateFile(d + "/att_splits.mat", 0.5); }) << v5z
        << "att_splits.mat: is truncated";
    QTest::newRow("truncated v7.3")
        << damage([](const QString& d) { truncateFile(d + "/res101.mat", 0.7); }) << v73
        << "res101.mat: is not a readable MAT v7.3";
    QTest::newRow("missing labels") << edit([](MatContent& r, MatContent&) { r.erase("labels"); })
                                    << v5 << "res101.mat: has no variable 'labels'";
    QTest::newRow("missing att v7.3") << edit([](MatContent&, MatContent& a) { a.erase("att"); })
                                      << v73 << "att_splits.mat: has no variable 'att'";
    QTest::newRow("missing test_unseen_loc")
        << edit([](MatContent&, MatContent& a) { a.erase("test_unseen_loc"); }) << v5z
        << "att_splits.mat: has no variable 'test_unseen_loc'";
    QTest::newRow("val_loc without train_loc")
        << edit([](MatContent&, MatContent& a) { a.erase("train_loc"); }) << v5
        << "att_splits.mat: has no variable 'train_loc' although it has 'val_loc'";
    QTest::newRow("att one class short") << edit([](MatContent&, MatContent& a) {
        a["att"].dims = {2, 3};
        a["att"].values.resize(6);
    }) << v5 << "att_splits.mat: 'att' is 2 x 3 but allclasses_names has 4 entries";
    QTest::newRow("features 3-D") << edit([](MatContent& r, MatContent&) {
        r["features"].dims = {3, 4, 3};
    }) << v5 << "res101.mat: 'features' is 3 x 4 x 3, expected a 2-D matrix";
    QTest::newRow("labels one short") << edit([](MatContent& r, MatContent&) {
        r["labels"].values.pop_back();
        r["labels"].dims[0] = 11;
    }) << v73 << "res101.mat: 'labels' has 11 entries but 'features' has 12 columns";
    QTest::newRow("labels a matrix") << edit([](MatContent& r, MatContent&) {
        r["labels"].dims = {6, 2};
    }) << v5 << "res101.mat: 'labels' is 6 x 2, expected a vector";
    QTest::newRow("NaN feature") << edit([=](MatContent& r, MatContent&) {
        r["features"].values[4 * 3 + 1] = nan;
    }) << v5 << "res101.mat: 'features' has a non-finite value (nan) at row 2, column 5";
    QTest::newRow("Inf feature v7.3")
        << edit([=](MatContent& r, MatContent&) { r["features"].values[4 * 3 + 1] = -inf; }) << v73
        << "res101.mat: 'features' has a non-finite value (-inf) at row 2, column 5";
    QTest::newRow("NaN att") << edit([=](MatContent&, MatContent& a) { a["att"].values[3] = nan; })
                             << v5z
                             << "att_splits.mat: 'att' has a non-finite value (nan) at row 2, "
                                "column 2";
    QTest::newRow("Inf att") << edit([=](MatContent&, MatContent& a) { a["att"].values[0] = inf; })
                             << v73 << "att_splits.mat: 'att' has a non-finite value (inf)";
    QTest::newRow("label out of range")
        << edit([](MatContent& r, MatContent&) { r["labels"].values[6] = 5; }) << v5
        << "res101.mat: 'labels' has value 5 at row 7, but allclasses_names has 4 classes";
    QTest::newRow("label zero") << edit([](MatContent& r, MatContent&) {
        r["labels"].values[0] = 0;
    }) << v5z << "res101.mat: 'labels' has value 0 at row 1";
    QTest::newRow("label not whole") << edit([](MatContent& r, MatContent&) {
        r["labels"].storage = Storage::Double;
        r["labels"].values[2] = 1.5;
    }) << v73 << "res101.mat: 'labels' has value 1.5 at row 3";
    QTest::newRow("loc out of range")
        << edit([](MatContent&, MatContent& a) { a["test_seen_loc"].values[1] = 13; }) << v5
        << "att_splits.mat: 'test_seen_loc' has value 13 at row 2, but res101.mat has 12 samples";
    QTest::newRow("loc zero") << edit([](MatContent&, MatContent& a) {
        a["trainval_loc"].values[0] = 0;
    }) << v73 << "att_splits.mat: 'trainval_loc' has value 0 at row 1";
    QTest::newRow("loc lists a sample twice") << edit([](MatContent&, MatContent& a) {
        MatField& f = a["train_loc"];
        f.values.push_back(f.values.front());
        f.dims[0] += 1;
    }) << v5 << "att_splits.mat: 'train_loc' lists sample 2 twice";
    QTest::newRow("unseen sample in trainval") << edit([](MatContent&, MatContent& a) {
        a["trainval_loc"].values.push_back(10);
        a["trainval_loc"].dims[0] += 1;
    }) << v5 << "att_splits.mat: 'test_unseen_loc' mixes seen and unseen classes: class 'owl'";
    QTest::newRow("unseen sample in test_seen") << edit([](MatContent&, MatContent& a) {
        a["test_seen_loc"].values.push_back(11);
        a["test_seen_loc"].dims[0] += 1;
    }) << v5z << "att_splits.mat: 'test_seen_loc' mixes seen and unseen classes: class 'owl'";
    QTest::newRow("val class in train") << edit([](MatContent&, MatContent& a) {
        a["train_loc"].values.push_back(8);
        a["train_loc"].dims[0] += 1;
    }) << v5 << "att_splits.mat: 'val_loc' shares class 'fox' with 'train_loc'";
    QTest::newRow("empty trainval")
        << edit([](MatContent&, MatContent& a) { a["trainval_loc"] = MatField::column({}); }) << v73
        << "att_splits.mat: 'trainval_loc' is empty";
    QTest::newRow("all-zero class embedding")
        << edit([](MatContent&, MatContent& a) { a["att"].values[4] = a["att"].values[5] = 0; })
        << v5 << "att_splits.mat: 'att' column 3 (class 'fox') is all zero";
    QTest::newRow("class names are numbers") << edit([](MatContent&, MatContent& a) {
        a["allclasses_names"] = MatField::column({1, 2, 3, 4});
    }) << v73 << "att_splits.mat: 'allclasses_names' is a double array, expected a cell array";
    QTest::newRow("features are text") << edit([](MatContent& r, MatContent&) {
        r["features"] = MatField::strings({"a", "b"});
    }) << v5z << "res101.mat: 'features' is a cell array, expected real numbers";
    QTest::newRow("image_files one short") << edit([](MatContent& r, MatContent&) {
        r["image_files"].text.pop_back();
        r["image_files"].dims[0] = 11;
    }) << v5 << "res101.mat: 'image_files' has 11 entries but 'features' has 12 columns";
    QTest::newRow("class list names an unknown class")
        << Breakage{[](MatContent&, MatContent& a) {
                        a.erase("train_loc");
                        a.erase("val_loc");
                    },
                    [](const QString& d) {
                        semrel::test::writeFileBytes(d + "/trainclasses1.txt", "cat\ndog\nwolf\n");
                        semrel::test::writeFileBytes(d + "/valclasses1.txt", "fox\n");
                    }}
        << v5 << "trainclasses1.txt: line 3 names class 'wolf', which is not in allclasses_names";
}

void TestXlsa17Import::rejectsBrokenInput()
{
    QFETCH(Breakage, breakage);
    QFETCH(MatFormat, format);
    QFETCH(QString, mentions);
    QTemporaryDir tmp;
    MatContent res = semrel::test::tinyRes101();
    MatContent att = semrel::test::tinyAttSplits();
    breakage.edit(res, att);
    semrel::test::writeXlsa17(tmp.path(), res, att, format);
    if (breakage.afterWrite)
        breakage.afterWrite(tmp.path());
    const std::string message = semrel::test::dataErrorOf([&] { importFrom(tmp.path()); });
    QVERIFY2(QString::fromStdString(message).contains(mentions), message.c_str());
}

QTEST_GUILESS_MAIN(TestXlsa17Import)
#include "tst_xlsa17_import.moc"
