// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// A file the user opens is read, never followed elsewhere. HDF5 can make a dataset's data come
// from another file (external storage, virtual datasets) and a name point into another file
// (external links); the files here are made with HDF5's own API, and every reader must refuse
// them with a message that says so, without reading the other file. External storage on a FIFO
// runs under a watchdog: a reader that followed it would wait for a writer forever.
#include "mat_fixture.h"
#include "test_support.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/extractor/feature_extractor.h>
#include <semrel/model_file/model_file.h>
#include <semrel/xlsa17/xlsa17_import.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <hdf5.h>

#include <chrono>
#include <fcntl.h>
#include <functional>
#include <future>
#include <sys/stat.h>
#include <unistd.h>

class TestSelfContained : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void refusesDataFromOutsideTheFile_data();
    void refusesDataFromOutsideTheFile();
    void externalStorageOnAFifoDoesNotBlock();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_dataset;
    QString m_model;
    QString m_xlsa17;
};

namespace {

enum class Foreign { ExternalStorage, ExternalLink, VirtualDataset, SoftLink };

// Replaces `field` of the HDF5 file `file` by a dataset of the same type and shape whose data
// (or whose name) is in `other`, through HDF5's own API.
void makeForeign(const QString& file, const char* field, Foreign kind, const QString& other)
{
    const hid_t f = H5Fopen(qPrintable(file), H5F_ACC_RDWR, H5P_DEFAULT);
    QVERIFY(f >= 0);
    const hid_t d = H5Dopen2(f, field, H5P_DEFAULT);
    const hid_t space = H5Dget_space(d);
    const hid_t type = H5Dget_type(d);
    H5Dclose(d);
    const hid_t creation = H5Pcreate(H5P_DATASET_CREATE);
    switch (kind) {
    case Foreign::ExternalStorage:
        QVERIFY(H5Ldelete(f, field, H5P_DEFAULT) >= 0);
        QVERIFY(H5Pset_external(creation, qPrintable(other), 0, H5F_UNLIMITED) >= 0);
        H5Dclose(H5Dcreate2(f, field, type, space, H5P_DEFAULT, creation, H5P_DEFAULT));
        break;
    case Foreign::VirtualDataset:
        QVERIFY(H5Ldelete(f, field, H5P_DEFAULT) >= 0);
        QVERIFY(H5Pset_virtual(creation, space, qPrintable(other), field, space) >= 0);
        H5Dclose(H5Dcreate2(f, field, type, space, H5P_DEFAULT, creation, H5P_DEFAULT));
        break;
    case Foreign::ExternalLink:
        QVERIFY(H5Ldelete(f, field, H5P_DEFAULT) >= 0);
        QVERIFY(H5Lcreate_external(qPrintable(other), field, f, field, H5P_DEFAULT, H5P_DEFAULT) >=
                0);
        break;
    case Foreign::SoftLink:
        // The data stays in the file, under another name the field now points to.
        QVERIFY(H5Lmove(f, field, f, "/moved", H5P_DEFAULT, H5P_DEFAULT) >= 0);
        QVERIFY(H5Lcreate_soft("/moved", f, field, H5P_DEFAULT, H5P_DEFAULT) >= 0);
        break;
    }
    H5Pclose(creation);
    H5Tclose(type);
    H5Sclose(space);
    QVERIFY(H5Fclose(f) >= 0);
}

QString describe(Foreign kind)
{
    switch (kind) {
    case Foreign::ExternalStorage:
        return "stores its data in the external file";
    case Foreign::ExternalLink:
        return "is an external link to";
    case Foreign::VirtualDataset:
        return "is a virtual dataset";
    case Foreign::SoftLink:
        return "is a soft link";
    }
    return {};
}

// The message of the semrel::Error that `read` throws, or a text no expectation matches.
std::string errorOf(const std::function<void()>& read)
{
    try {
        read();
    } catch (const semrel::Error& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("NOT A SEMREL ERROR: ") + e.what();
    }
    return "NOTHING THROWN";
}

} // namespace

void TestSelfContained::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_dataset = path("dataset.h5");
    semrel::writeDatasetFile(semrel::test::tinyDataset(), m_dataset.toStdString());
    m_model = path("model.h5");
    semrel::writeModelFile(semrel::test::identityModelState(), m_model.toStdString());
    m_xlsa17 = path("TINY");
    QVERIFY(QDir().mkpath(m_xlsa17));
    semrel::test::writeXlsa17(m_xlsa17, semrel::test::tinyRes101(), semrel::test::tinyAttSplits(),
                              semrel::test::MatFormat::V73);
    // What an external reference would point at: text that is not ours to read.
    QVERIFY(semrel::test::writeFileBytes(path("secret.txt"), QByteArray(4096, 'x')));
}

void TestSelfContained::refusesDataFromOutsideTheFile_data()
{
    QTest::addColumn<QString>("reader");
    QTest::addColumn<int>("kind");
    for (const char* reader : {"dataset", "model", "mat v7.3"})
        for (Foreign kind : {Foreign::ExternalStorage, Foreign::ExternalLink,
                             Foreign::VirtualDataset, Foreign::SoftLink})
            QTest::addRow("%s, %s", reader, qPrintable(describe(kind)))
                << reader << static_cast<int>(kind);
}

void TestSelfContained::refusesDataFromOutsideTheFile()
{
    QFETCH(QString, reader);
    QFETCH(int, kind);
    const auto foreign = static_cast<Foreign>(kind);
    QTemporaryDir dir;
    QString file;
    const char* field = nullptr;
    std::function<void()> read;
    QString other = path("secret.txt");
    if (reader == "dataset") {
        file = dir.filePath("d.h5");
        field = "/features";
        read = [&] {
            semrel::readDatasetFile(file.toStdString());
        };
        if (foreign != Foreign::ExternalStorage)
            other = m_dataset;
    } else if (reader == "model") {
        file = dir.filePath("m.h5");
        field = "/weights/encoder.0.weight";
        read = [&] {
            semrel::readModelFile(file.toStdString());
        };
        if (foreign != Foreign::ExternalStorage)
            other = m_model;
    } else {
        QVERIFY(QFile::copy(m_xlsa17 + "/att_splits.mat", dir.filePath("att_splits.mat")));
        file = dir.filePath("res101.mat");
        field = "/features";
        read = [&] {
            semrel::importXlsa17(dir.path().toStdString());
        };
        if (foreign != Foreign::ExternalStorage)
            other = m_xlsa17 + "/res101.mat";
    }
    QVERIFY(QFile::copy(reader == "dataset" ? m_dataset
                        : reader == "model" ? m_model
                                            : m_xlsa17 + "/res101.mat",
                        file));
    makeForeign(file, field, foreign, other);
    const QString message = QString::fromStdString(errorOf(read));
    QVERIFY2(message.contains(describe(foreign)) && message.contains("self-contained"),
             qPrintable(message));
    QVERIFY2(message.startsWith(file), qPrintable(message)); // names the file opened
}

void TestSelfContained::externalStorageOnAFifoDoesNotBlock()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath("pipe");
    QVERIFY(mkfifo(qPrintable(fifo), 0600) == 0);
    const QString file = dir.filePath("d.h5");
    QVERIFY(QFile::copy(m_dataset, file));
    makeForeign(file, "/features", Foreign::ExternalStorage, fifo);
    auto reading = std::async(std::launch::async, [&] {
        return errorOf([&] { semrel::readDatasetFile(file.toStdString()); });
    });
    if (reading.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
        // The watchdog: a writer that opens and closes the FIFO ends the blocked read.
        const int fd = ::open(qPrintable(fifo), O_WRONLY | O_NONBLOCK);
        if (fd >= 0)
            ::close(fd);
        reading.wait();
        QFAIL("reading waited on the FIFO behind external storage");
    }
    const QString message = QString::fromStdString(reading.get());
    QVERIFY2(message.contains("stores its data in the external file"), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestSelfContained)
#include "tst_self_contained.moc"
