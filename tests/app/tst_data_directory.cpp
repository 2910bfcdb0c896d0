// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Where the programs find their data: relative to their own folder, for the installed layout,
// a moved prefix and the build tree, and nothing when neither is there.
#include "install/data_directory.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;

class TestDataDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsTheInstalledLayout();
    void findsAMovedPrefix();
    void findsTheBuildTree();
    void prefersTheInstalledLayoutWhenBothExist();
    void findsNothingElsewhere();
    void runningExecutableIsThisTest();
    void theBuildTreeHoldsTheDemo();

private:
    static fs::path makeDirs(const QTemporaryDir& root, const std::string& relative);
};

fs::path TestDataDirectory::makeDirs(const QTemporaryDir& root, const std::string& relative)
{
    const fs::path path = fs::path(root.path().toStdString()) / relative;
    fs::create_directories(path);
    return path;
}

void TestDataDirectory::findsTheInstalledLayout()
{
    QTemporaryDir root;
    const fs::path bin = makeDirs(root, "usr/bin");
    const fs::path data = makeDirs(root, "usr/share/semrel-studio");
    QCOMPARE(semrel::app::dataDirectoryFor(bin / "semrel").string(), data.string());
}

void TestDataDirectory::findsAMovedPrefix()
{
    QTemporaryDir root;
    makeDirs(root, "usr/bin");
    makeDirs(root, "usr/share/semrel-studio");
    const fs::path moved = fs::path(root.path().toStdString()) / "opt" / "semrel";
    fs::create_directories(moved.parent_path());
    fs::rename(fs::path(root.path().toStdString()) / "usr", moved);
    QCOMPARE(semrel::app::dataDirectoryFor(moved / "bin" / "semrel-studio").string(),
             (moved / "share" / "semrel-studio").string());
}

void TestDataDirectory::findsTheBuildTree()
{
    QTemporaryDir root;
    const fs::path app = makeDirs(root, "build/app");
    const fs::path resources = makeDirs(root, "build/resources");
    QCOMPARE(semrel::app::dataDirectoryFor(app / "semrel").string(), resources.string());
}

void TestDataDirectory::prefersTheInstalledLayoutWhenBothExist()
{
    QTemporaryDir root;
    const fs::path bin = makeDirs(root, "p/bin");
    makeDirs(root, "p/resources");
    const fs::path data = makeDirs(root, "p/share/semrel-studio");
    QCOMPARE(semrel::app::dataDirectoryFor(bin / "semrel").string(), data.string());
}

void TestDataDirectory::findsNothingElsewhere()
{
    QTemporaryDir root;
    const fs::path bin = makeDirs(root, "usr/bin");
    makeDirs(root, "usr/share/other-program");
    QVERIFY(semrel::app::dataDirectoryFor(bin / "semrel").empty());
}

void TestDataDirectory::runningExecutableIsThisTest()
{
    const fs::path self = semrel::app::runningExecutable();
    QCOMPARE(QString::fromStdString(self.string()),
             QDir(QCoreApplication::applicationFilePath()).canonicalPath());
}

// This test runs from <build>/tests, one folder below the build root like <build>/app, so the
// build-tree rule finds <build>/resources, where the build writes the demo and its table.
void TestDataDirectory::theBuildTreeHoldsTheDemo()
{
    const fs::path data = semrel::app::dataDirectory();
    QVERIFY2(!data.empty(), "no data directory beside the test");
    QCOMPARE(data.filename().string(), std::string("resources"));
    const fs::path demo = semrel::app::demoDatasetPath();
    QVERIFY2(!demo.empty(), "the build tree has no demo dataset");
    QCOMPARE(demo.parent_path().string(), (data / "demo").string());
    QCOMPARE(semrel::app::demoAttributeTablePath().string(),
             (data / "fashion_mnist_attributes.csv").string());
}

QTEST_GUILESS_MAIN(TestDataDirectory)
#include "tst_data_directory.moc"
