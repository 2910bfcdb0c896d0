// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/dataset/image_paths.h>

#include <QTest>

using namespace semrel;

class TestImagePaths : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsTheXlsa17Prefix_data()
    {
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("awa2") << QStringList{"/BS/xian/work/data/Animals_with_Attributes2//"
                                             "JPEGImages/antelope/antelope_10001.jpg",
                                             "/BS/xian/work/data/Animals_with_Attributes2//"
                                             "JPEGImages/zebra/zebra_10001.jpg"}
                              << "/BS/xian/work/data/Animals_with_Attributes2//JPEGImages/";
        // The shared text "/data/c" is not a folder: cut back to "/data/".
        QTest::newRow("partial name")
            << QStringList{"/data/cat_1.jpg", "/data/cow_2.jpg"} << "/data/";
        QTest::newRow("one path") << QStringList{"/img/a/b.jpg"} << "/img/a/";
        QTest::newRow("nothing shared") << QStringList{"a.jpg", "b.jpg"} << "";
        QTest::newRow("no paths") << QStringList{} << "";
    }

    void findsTheXlsa17Prefix()
    {
        QFETCH(QStringList, paths);
        QFETCH(QString, prefix);
        std::vector<std::string> list;
        for (const QString& p : paths)
            list.push_back(p.toStdString());
        QCOMPARE(QString::fromStdString(commonFolderPrefix(list)), prefix);
    }

    void replacesThePrefixWithTheImageRoot_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("expected");
        const QString awa = "/BS/xian/work/data/Animals_with_Attributes2//JPEGImages/";
        QTest::newRow("xlsa17") << awa + "zebra/zebra_10001.jpg" << awa
                                << "/home/me/AwA2/JPEGImages"
                                << "/home/me/AwA2/JPEGImages/zebra/zebra_10001.jpg";
        QTest::newRow("root with slash") << awa + "zebra/z.jpg" << awa << "/img/"
                                         << "/img/zebra/z.jpg";
        QTest::newRow("relative path") << "zebra/z.jpg" << awa << "/img"
                                       << "/img/zebra/z.jpg";
        QTest::newRow("other absolute") << "/elsewhere/z.jpg" << awa << "/img"
                                        << "/elsewhere/z.jpg";
        QTest::newRow("no root") << awa + "zebra/z.jpg" << awa << "" << awa + "zebra/z.jpg";
    }

    void replacesThePrefixWithTheImageRoot()
    {
        QFETCH(QString, path);
        QFETCH(QString, prefix);
        QFETCH(QString, root);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(
                     remapImagePath(path.toStdString(), prefix.toStdString(), root.toStdString())),
                 expected);
    }
};

QTEST_GUILESS_MAIN(TestImagePaths)
#include "tst_image_paths.moc"
