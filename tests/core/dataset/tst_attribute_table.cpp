// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "test_support.h"

#include <semrel/dataset/attribute_table.h>

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <string>

using semrel::ClassRole;

class TestAttributeTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTable();
    void rejectsBrokenTable_data();
    void rejectsBrokenTable();
    void findsAttributesOnlyUnseenClassesCarry();

private:
    std::string write(const std::string& text)
    {
        const std::string path = (m_dir.path() + "/table.csv").toStdString();
        std::ofstream(path) << text;
        return path;
    }
    QTemporaryDir m_dir;
};

void TestAttributeTable::readsTable()
{
    const std::string path = write("class,role,furry,flies\n"
                                   "cat,train,1,0\n"
                                   "\n"
                                   "bat,val, 0.5 ,1\r\n"
                                   "owl,unseen,0.25,1\n");
    const semrel::AttributeTable table = semrel::readAttributeTable(path);
    QCOMPARE(table.classNames, (std::vector<std::string>{"cat", "bat", "owl"}));
    QCOMPARE(table.attributeNames, (std::vector<std::string>{"furry", "flies"}));
    QCOMPARE(table.roles,
             (std::vector<ClassRole>{ClassRole::Seen, ClassRole::Validation, ClassRole::Unseen}));
    QCOMPARE(table.values.rows, 3);
    QCOMPARE(table.values.cols, 2);
    QCOMPARE(table.values.at(1, 0), 0.5f);
    QCOMPARE(table.values.at(2, 0), 0.25f);
}

void TestAttributeTable::rejectsBrokenTable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    const QString header = "class,role,furry,flies\n";
    QTest::newRow("empty") << ""
                           << "the file is empty";
    QTest::newRow("no role column") << "class,furry\ncat,1\n"
                                    << "line 1: the header must be";
    QTest::newRow("repeated attribute") << "class,role,a,a\n"
                                        << "the attribute 'a' appears twice";
    QTest::newRow("missing field") << header + "cat,train,1\n"
                                   << "line 2 has 3 fields, expected 4";
    QTest::newRow("bad role") << header + "cat,test,1,0\n"
                              << "line 2: the role is 'test', expected train, val or unseen";
    QTest::newRow("not a number") << header + "cat,train,1,yes\n"
                                  << "line 2, attribute 'flies' is 'yes', expected a number";
    QTest::newRow("out of range") << header + "cat,train,1.5,0\n"
                                  << "attribute 'furry' is 1.5, expected a strength from 0 to 1";
    QTest::newRow("repeated class") << header + "cat,train,1,0\ncat,unseen,0,1\n"
                                    << "line 3: the class name 'cat' appears twice";
    QTest::newRow("all zero") << header + "cat,train,1,0\nrock,unseen,0,0\n"
                              << "line 3: the class 'rock' has no attribute";
    QTest::newRow("no unseen") << header + "cat,train,1,0\n"
                               << "no class has the role 'unseen'";
    QTest::newRow("no train") << header + "cat,val,1,0\nowl,unseen,0,1\n"
                              << "no class has the role 'train'";
}

void TestAttributeTable::rejectsBrokenTable()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    const std::string path = write(text.toStdString());
    const std::string message =
        semrel::test::dataErrorOf([&] { semrel::readAttributeTable(path); });
    QVERIFY2(QString::fromStdString(message).contains(mentions), message.c_str());
    QVERIFY2(message.rfind(path, 0) == 0, "the message must start with the file's path");
}

void TestAttributeTable::findsAttributesOnlyUnseenClassesCarry()
{
    const std::string path = write("class,role,furry,flies,hoots\n"
                                   "cat,train,1,0,0\n"
                                   "bat,val,0.5,1,0\n"
                                   "owl,unseen,0.2,1,1\n");
    const semrel::AttributeTable table = semrel::readAttributeTable(path);
    QCOMPARE(semrel::attributesOnlyUnseenCarry(table), (std::vector<std::string>{"owl: hoots"}));
}

QTEST_GUILESS_MAIN(TestAttributeTable)
#include "tst_attribute_table.moc"
