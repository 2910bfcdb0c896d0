// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "mat_fixture.h"
#include "test_support.h"

#include <semrel/dataset/dataset.h>
#include <semrel/xlsa17/xlsa17_import.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using semrel::Dataset;
using semrel::test::MatFormat;

Q_DECLARE_METATYPE(MatFormat)

// Damaged MAT files: truncated at many lengths, single bytes flipped at seeded positions.
class TestXlsa17Mutations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void survivesMutatedFiles_data();
    void survivesMutatedFiles();
};

void TestXlsa17Mutations::survivesMutatedFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<MatFormat>("format");
    for (const char* file : {"res101.mat", "att_splits.mat"})
        for (MatFormat format : {MatFormat::V5, MatFormat::V5Compressed, MatFormat::V73})
            QTest::addRow("%s %s", file, qPrintable(semrel::test::formatName(format)))
                << QString(file) << format;
}

// Every damaged file gives a DataError or a dataset that passes validation: no crash, no other
// exception, whatever the damage hits.
void TestXlsa17Mutations::survivesMutatedFiles()
{
    QFETCH(QString, file);
    QFETCH(MatFormat, format);
    QTemporaryDir tmp;
    semrel::test::writeXlsa17(tmp.path(), semrel::test::tinyRes101(), semrel::test::tinyAttSplits(),
                              format);
    const QByteArray original = semrel::test::readFileBytes(tmp.path() + "/" + file);
    QVERIFY(!original.isEmpty());

    std::vector<std::pair<QString, QByteArray>> mutations;
    const int step = std::max(1, static_cast<int>(original.size() / 160));
    for (int length = 0; length < original.size(); length += step)
        mutations.emplace_back("truncated to " + QString::number(length), original.left(length));
    for (int cut = 1; cut <= 16; ++cut)
        mutations.emplace_back("truncated by " + QString::number(cut), original.chopped(cut));
    std::mt19937 random(20260 + static_cast<unsigned>(format) * 7 + (file == "res101.mat"));
    for (int k = 0; k < 400; ++k) {
        const int at = static_cast<int>(random() % static_cast<unsigned>(original.size()));
        QByteArray bytes = original;
        bytes[at] = static_cast<char>(bytes[at] ^ static_cast<char>(1 + random() % 255));
        mutations.emplace_back("byte " + QString::number(at) + " flipped", bytes);
    }

    int rejected = 0;
    int accepted = 0;
    for (std::size_t k = 0; k < mutations.size(); ++k) {
        // A fresh name per mutation: HDF5 shares an open file by name, and a leak must not
        // make a later mutation read an earlier one.
        const QString path = tmp.path() + "/m" + QString::number(k) + "_" + file;
        QVERIFY(semrel::test::writeFileBytes(path, mutations[k].second));
        const QString res = file == "res101.mat" ? path : tmp.path() + "/res101.mat";
        const QString att = file == "att_splits.mat" ? path : tmp.path() + "/att_splits.mat";
        try {
            const Dataset data = semrel::importXlsa17Files(res.toStdString(), att.toStdString());
            semrel::validateDataset(data, "mutated");
            ++accepted;
        } catch (const semrel::DataError&) {
            ++rejected;
        } catch (const std::exception& e) {
            QFAIL(qPrintable(mutations[k].first + ": " + e.what()));
        }
        QFile::remove(path);
    }
    qInfo("%s %s: %d mutations rejected, %d accepted", qPrintable(file),
          qPrintable(semrel::test::formatName(format)), rejected, accepted);
    QVERIFY(rejected > 0);
}

QTEST_GUILESS_MAIN(TestXlsa17Mutations)
#include "tst_xlsa17_mutations.moc"
