// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "mat_fixture.h"
#include "real_xlsa17.h"
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
using semrel::test::ClassGroups;
using semrel::test::MatContent;
using semrel::test::MatField;
using semrel::test::MatFormat;
using semrel::test::RealClassSide;
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

// Writes a res101.mat (d = 16) matching the real att_splits.mat of `folder` into `target`.
bool prepareRealFolder(const QString& folder, const QString& target, bool withClassLists,
                       RealClassSide& real, std::vector<double>& labels)
{
    if (!semrel::test::readRealClassSide(folder + "/att_splits.mat", real) || real.classCount == 0)
        return false;
    long n = 0;
    for (const auto& [name, locs] : real.locs)
        n = std::max(n, *std::max_element(locs.begin(), locs.end()));
    labels = semrel::test::labelsFor(real, semrel::test::classGroups(folder, real), n);
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
        const ClassGroups groups = semrel::test::classGroups(shared + "/CUB", real);
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
