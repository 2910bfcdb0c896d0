// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// openDocument() / documentKind(): what a path a user opens is, decided by the file's format
// attribute or by being a folder, never by its name or by which reader happens to succeed.
#include "mat_fixture.h"
#include "test_support.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/dataset/document.h>
#include <semrel/model_file/model_file.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <hdf5.h>

#include <cstring>

using semrel::DocumentKind;

class TestDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensADatasetFileByItsFormat();
    void opensAModelFileByItsFormat();
    void opensAFolderAsXlsa17();
    void aDamagedDatasetFileReportsTheDatasetField();
    void rejectsWhatIsNeither_data();
    void rejectsWhatIsNeither();
    void isModelFileAgreesWithDocumentKind();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    // An HDF5 file with one group; `format` becomes its root attribute unless empty.
    QString writeHdf5(const QString& name, const char* format) const;

    QTemporaryDir m_dir;
    QString m_dataset; // named model.h5: the name must not matter
    QString m_model;   // named dataset.h5
};

QString TestDocument::writeHdf5(const QString& name, const char* format) const
{
    const QString file = path(name);
    const hid_t f = H5Fcreate(file.toStdString().c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    H5Gclose(H5Gcreate2(f, "/features", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    if (format[0] != '\0') {
        const hid_t type = H5Tcopy(H5T_C_S1);
        H5Tset_size(type, std::strlen(format));
        const hid_t space = H5Screate(H5S_SCALAR);
        const hid_t attribute = H5Acreate2(f, "format", type, space, H5P_DEFAULT, H5P_DEFAULT);
        H5Awrite(attribute, type, format);
        H5Aclose(attribute);
        H5Sclose(space);
        H5Tclose(type);
    }
    H5Fclose(f);
    return file;
}

void TestDocument::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dataset = path("model.h5");
    semrel::writeDatasetFile(semrel::test::tinyDataset(), m_dataset.toStdString());
    m_model = path("dataset.h5");
    semrel::writeModelFile(semrel::test::identityModelState(), m_model.toStdString());
}

void TestDocument::opensADatasetFileByItsFormat()
{
    QCOMPARE(semrel::documentKind(m_dataset.toStdString()), DocumentKind::DatasetFile);
    double last = -1.0;
    const semrel::Document document = semrel::openDocument(
        m_dataset.toStdString(), [&last](double fraction, const std::string&) { last = fraction; });
    QCOMPARE(document.kind, DocumentKind::DatasetFile);
    QVERIFY(document.dataset);
    QVERIFY(!document.model);
    QCOMPARE(document.dataset->classNames, semrel::test::tinyDataset().classNames);
    QCOMPARE(document.dataset->sampleCount(), semrel::test::tinyDataset().sampleCount());
    QCOMPARE(last, 1.0); // progress reached the end
}

void TestDocument::opensAModelFileByItsFormat()
{
    QCOMPARE(semrel::documentKind(m_model.toStdString()), DocumentKind::ModelFile);
    const semrel::Document document = semrel::openDocument(m_model.toStdString());
    QCOMPARE(document.kind, DocumentKind::ModelFile);
    QVERIFY(document.model);
    QVERIFY(!document.dataset);
    QCOMPARE(document.model->classNames, semrel::test::identityModelState().classNames);
}

void TestDocument::opensAFolderAsXlsa17()
{
    const QString folder = path("xlsa17");
    QVERIFY(QDir().mkpath(folder));
    semrel::test::writeXlsa17(folder, semrel::test::tinyRes101(), semrel::test::tinyAttSplits(),
                              semrel::test::MatFormat::V5);
    QCOMPARE(semrel::documentKind(folder.toStdString()), DocumentKind::Xlsa17Folder);
    const semrel::Document document = semrel::openDocument(folder.toStdString());
    QCOMPARE(document.kind, DocumentKind::Xlsa17Folder);
    QVERIFY(document.dataset);
    QCOMPARE(document.dataset->classNames, semrel::test::tinyDataset().classNames);
    // An empty folder is still a folder: the import says what is missing.
    const QString empty = path("empty");
    QVERIFY(QDir().mkpath(empty));
    const std::string message =
        semrel::test::dataErrorOf([&] { semrel::openDocument(empty.toStdString()); });
    QVERIFY2(message.find(empty.toStdString() + "/") != std::string::npos, message.c_str());
    QVERIFY2(message.find(".mat") != std::string::npos, message.c_str());
}

void TestDocument::aDamagedDatasetFileReportsTheDatasetField()
{
    // A dataset file whose body is broken is a broken dataset, not "perhaps a model".
    const QString file = writeHdf5("hollow.h5", semrel::kDatasetFormat);
    QCOMPARE(semrel::documentKind(file.toStdString()), DocumentKind::DatasetFile);
    const std::string message =
        semrel::test::dataErrorOf([&] { semrel::openDocument(file.toStdString()); });
    QVERIFY2(message.find("hollow.h5") != std::string::npos, message.c_str());
    QVERIFY2(message.find("model") == std::string::npos, message.c_str());
}

void TestDocument::rejectsWhatIsNeither_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("missing") << path("missing.h5") << "missing.h5: no such file or folder";
    QFile text(path("notes.h5"));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("this is not an HDF5 file");
    text.close();
    QTest::newRow("not hdf5") << text.fileName() << "notes.h5: not an HDF5 file";
    QTest::newRow("no format") << writeHdf5("plain.h5", "")
                               << "plain.h5: has no format attribute (expected 'semrel-dataset' "
                                  "or 'semrel-model')";
    QTest::newRow("other format")
        << writeHdf5("other.h5", "semrel-extractor")
        << "other.h5: format attribute is 'semrel-extractor', expected 'semrel-dataset' or "
           "'semrel-model'";
}

void TestDocument::rejectsWhatIsNeither()
{
    QFETCH(QString, file);
    QFETCH(QString, mentions);
    for (const std::string& message :
         {semrel::test::dataErrorOf([&] { semrel::documentKind(file.toStdString()); }),
          semrel::test::dataErrorOf([&] { semrel::openDocument(file.toStdString()); })})
        QVERIFY2(QString::fromStdString(message).contains(mentions), message.c_str());
    QVERIFY(!semrel::isModelFile(file.toStdString()));
}

void TestDocument::isModelFileAgreesWithDocumentKind()
{
    QVERIFY(semrel::isModelFile(m_model.toStdString()));
    QVERIFY(!semrel::isModelFile(m_dataset.toStdString()));
    QVERIFY(!semrel::isModelFile(m_dir.path().toStdString())); // a folder
}

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
