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

#include <matio.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

using semrel::Dataset;
using semrel::Split;
using semrel::test::MatContent;
using semrel::test::MatField;
using semrel::test::MatFormat;
using semrel::test::Storage;

// The real att_splits.mat files of the xlsa17 release, each with a res101.mat written to match.
class TestXlsa17RealFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsRealAttSplits_data();
    void importsRealAttSplits();
    void leavesValEmptyWithoutTrainLocOrClassLists();
};

namespace {

// The class side of a real att_splits.mat, read with matio (not the reader under test).
struct RealClassSide
{
    std::map<std::string, std::vector<long>> locs; // 1-based, as stored
    std::vector<std::string> names;                // empty for FLO
    long classCount = 0;
};

std::vector<double> numbersOf(const matvar_t* v)
{
    std::vector<double> out(v->nbytes / std::max<std::size_t>(v->data_size, 1));
    for (std::size_t i = 0; i < out.size(); ++i) {
        switch (v->data_type) {
        case MAT_T_DOUBLE:
            out[i] = static_cast<const double*>(v->data)[i];
            break;
        case MAT_T_UINT8:
            out[i] = static_cast<const std::uint8_t*>(v->data)[i];
            break;
        case MAT_T_UINT16:
            out[i] = static_cast<const std::uint16_t*>(v->data)[i];
            break;
        default:
            out[i] = std::numeric_limits<double>::quiet_NaN();
        }
    }
    return out;
}

std::string textOf(const matvar_t* v)
{
    std::string text;
    const std::size_t n = v->nbytes / std::max<std::size_t>(v->data_size, 1);
    for (std::size_t i = 0; i < n; ++i)
        text += v->data_size == 2 ? static_cast<char>(static_cast<const std::uint16_t*>(v->data)[i])
                                  : static_cast<const char*>(v->data)[i];
    return text;
}

bool readRealClassSide(const QString& path, RealClassSide& out)
{
    mat_t* file = Mat_Open(path.toLocal8Bit().constData(), MAT_ACC_RDONLY);
    if (!file)
        return false;
    for (Split s : semrel::kAllSplits) {
        const std::string name = std::string(semrel::splitName(s)) + "_loc";
        if (matvar_t* v = Mat_VarRead(file, name.c_str())) {
            for (double x : numbersOf(v))
                out.locs[name].push_back(static_cast<long>(x));
            Mat_VarFree(v);
        }
    }
    if (matvar_t* att = Mat_VarReadInfo(file, "att")) {
        out.classCount = static_cast<long>(att->dims[1]);
        Mat_VarFree(att);
    }
    if (matvar_t* names = Mat_VarRead(file, "allclasses_names")) {
        for (long c = 0; c < out.classCount; ++c)
            out.names.push_back(textOf(Mat_VarGetCell(names, static_cast<int>(c))));
        Mat_VarFree(names);
    }
    Mat_Close(file);
    return true;
}

// Class indices (0-based) named in a class list file of the release.
std::vector<int> classList(const QString& path, const std::vector<std::string>& names)
{
    std::vector<int> classes;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return classes;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const std::string name = line.trimmed().toStdString();
        const auto found = std::find(names.begin(), names.end(), name);
        if (!name.empty() && found != names.end())
            classes.push_back(static_cast<int>(found - names.begin()));
    }
    return classes;
}

struct ClassGroups
{
    std::vector<int> train, val, unseen;
};

// The seen/unseen partition from the release's class lists; FLO has none, so any will do.
ClassGroups classGroups(const QString& folder, const RealClassSide& real)
{
    ClassGroups g;
    if (real.names.empty()) {
        for (int c = 0; c < real.classCount; ++c)
            (c < 62 ? g.train : c < 82 ? g.val : g.unseen).push_back(c);
        return g;
    }
    g.train = classList(folder + "/trainclasses1.txt", real.names);
    g.val = classList(folder + "/valclasses1.txt", real.names);
    g.unseen = classList(folder + "/testclasses.txt", real.names);
    return g;
}

// 1-based labels for N samples that agree with the real splits: each sample gets a class of
// its group, round robin, trainval samples first so every class has training samples.
std::vector<double> labelsFor(const RealClassSide& real, const ClassGroups& groups, long n)
{
    std::vector<int> group(static_cast<std::size_t>(n), -1); // 0 train, 1 val, 2 seen, 3 unseen
    auto mark = [&](const char* field, int g) {
        const auto found = real.locs.find(field);
        if (found != real.locs.end())
            for (long i : found->second)
                if (group[static_cast<std::size_t>(i - 1)] < 0 || g < 2)
                    group[static_cast<std::size_t>(i - 1)] = g;
    };
    mark("test_seen_loc", 2);
    mark("trainval_loc", 2);
    mark("train_loc", 0);
    mark("val_loc", 1);
    mark("test_unseen_loc", 3);
    std::vector<int> seen = groups.train;
    seen.insert(seen.end(), groups.val.begin(), groups.val.end());
    const std::vector<int>* classes[] = {&groups.train, &groups.val, &seen, &groups.unseen};
    std::vector<double> labels(static_cast<std::size_t>(n), 1.0);
    std::size_t next[4] = {};
    std::set<long> trainval(real.locs.at("trainval_loc").begin(),
                            real.locs.at("trainval_loc").end());
    for (int pass = 0; pass < 2; ++pass) {
        for (long i = 0; i < n; ++i) {
            const int g = group[static_cast<std::size_t>(i)];
            if (g < 0 || (trainval.count(i + 1) > 0) != (pass == 0))
                continue;
            const std::vector<int>& list = *classes[g];
            labels[static_cast<std::size_t>(i)] = list[next[g]++ % list.size()] + 1;
        }
    }
    return labels;
}

// Writes a res101.mat (d = 16) matching the real att_splits.mat of `folder` into `target`.
bool prepareRealFolder(const QString& folder, const QString& target, bool withClassLists,
                       RealClassSide& real, std::vector<double>& labels)
{
    if (!readRealClassSide(folder + "/att_splits.mat", real) || real.classCount == 0)
        return false;
    long n = 0;
    for (const auto& [name, locs] : real.locs)
        n = std::max(n, *std::max_element(locs.begin(), locs.end()));
    labels = labelsFor(real, classGroups(folder, real), n);
    MatContent res;
    std::vector<double> features(static_cast<std::size_t>(n) * 16);
    for (std::size_t i = 0; i < features.size(); ++i)
        features[i] = static_cast<double>(i % 97) / 8.0 + static_cast<double>(i / 16) * 1e-4;
    res["features"] = MatField::numbers({16, static_cast<std::size_t>(n)}, features);
    res["labels"] = MatField::column(labels, Storage::UInt16AsDouble);
    semrel::test::writeMat(target + "/res101.mat", res, MatFormat::V5Compressed);
    QFile::copy(folder + "/att_splits.mat", target + "/att_splits.mat");
    if (withClassLists)
        for (const char* list : {"trainclasses1.txt", "valclasses1.txt"})
            QFile::copy(folder + "/" + list, target + "/" + QString(list));
    return true;
}

} // namespace

void TestXlsa17RealFiles::importsRealAttSplits_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("seen");
    QTest::addColumn<int>("unseen");
    QTest::newRow("AWA1") << "AWA1" << 50 << 40 << 10;
    QTest::newRow("AWA2") << "AWA2" << 50 << 40 << 10;
    QTest::newRow("APY") << "APY" << 32 << 20 << 12;
    QTest::newRow("SUN") << "SUN" << 717 << 645 << 72;
    QTest::newRow("CUB") << "CUB" << 200 << 150 << 50;
    QTest::newRow("FLO") << "FLO" << 102 << 82 << 20;
}

void TestXlsa17RealFiles::importsRealAttSplits()
{
    QFETCH(QString, folder);
    QFETCH(int, classes);
    QFETCH(int, seen);
    QFETCH(int, unseen);
    const QString shared = semrel::test::sharedXlsa17Dir();
    if (shared.isEmpty())
        QSKIP("the real xlsa17 files are not there (set SEMREL_SHARED_DATA)");
    QTemporaryDir tmp;
    const QString dir = tmp.path() + "/" + folder;
    QVERIFY(QDir().mkpath(dir));
    RealClassSide real;
    std::vector<double> labels;
    QVERIFY(prepareRealFolder(shared + "/" + folder, dir, true, real, labels));

    const Dataset data = semrel::importXlsa17(dir.toStdString());
    QCOMPARE(data.name, folder.toStdString());
    QCOMPARE(data.classCount(), classes);
    QCOMPARE(static_cast<int>(data.seenClasses().size()), seen);
    QCOMPARE(static_cast<int>(data.unseenClasses().size()), unseen);
    QCOMPARE(data.sampleCount(), static_cast<std::int64_t>(labels.size()));
    QCOMPARE(data.featureDim(), 16);
    for (std::size_t i = 0; i < labels.size(); ++i)
        QCOMPARE(data.labels[i], static_cast<std::int32_t>(labels[i]) - 1);
    for (Split s : semrel::kAllSplits) {
        const auto found = real.locs.find(std::string(semrel::splitName(s)) + "_loc");
        if (found == real.locs.end())
            continue;
        QCOMPARE(data.split(s).size(), found->second.size());
        for (std::size_t k = 0; k < found->second.size(); ++k)
            QCOMPARE(data.split(s)[k], static_cast<std::int64_t>(found->second[k] - 1));
    }
    if (real.names.empty()) {
        QCOMPARE(data.classNames.front(), std::string("class 1"));
        QVERIFY(QString::fromStdString(data.warnings.at(0)).contains("allclasses_names"));
    } else {
        QCOMPARE(data.classNames, real.names);
    }
    if (folder == "CUB") { // no train_loc/val_loc: derived from the class lists
        const ClassGroups groups = classGroups(shared + "/CUB", real);
        const auto& train = data.split(Split::Train);
        const auto& val = data.split(Split::Val);
        QCOMPARE(train.size() + val.size(), data.split(Split::Trainval).size());
        QCOMPARE(data.classesIn(Split::Train).size(), groups.train.size());
        QCOMPARE(data.classesIn(Split::Val).size(), groups.val.size());
        for (std::int64_t i : val)
            QVERIFY(std::count(groups.val.begin(), groups.val.end(),
                               data.labels[static_cast<std::size_t>(i)]) == 1);
        QVERIFY(QString::fromStdString(data.warnings.at(0)).contains("trainclasses1.txt"));
    }
}

void TestXlsa17RealFiles::leavesValEmptyWithoutTrainLocOrClassLists()
{
    const QString shared = semrel::test::sharedXlsa17Dir();
    if (shared.isEmpty())
        QSKIP("the real xlsa17 files are not there (set SEMREL_SHARED_DATA)");
    QTemporaryDir tmp;
    RealClassSide real;
    std::vector<double> labels;
    QVERIFY(prepareRealFolder(shared + "/CUB", tmp.path(), false, real, labels));
    const Dataset data = semrel::importXlsa17(tmp.path().toStdString());
    QCOMPARE(data.split(Split::Train), data.split(Split::Trainval));
    QVERIFY(data.split(Split::Val).empty());
    QVERIFY(QString::fromStdString(data.warnings.at(0)).contains("validation split is left empty"));
}

QTEST_GUILESS_MAIN(TestXlsa17RealFiles)
#include "tst_xlsa17_real_files.moc"
