// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Damage to a model or checkpoint file is found, not used. HDF5 checksums the metadata and the
// chunked arrays; the values of scalars and attributes (a checkpoint's /config, the root
// attributes) are covered by the file's own CRC-32. Every bit of those values is flipped here,
// and of the Adam step counts, and a sample of bits anywhere: each flip must be refused, or
// read back exactly as written. And what the optimiser or the network cannot use is refused on
// read, so `info` refuses what evaluation or resuming would.
#include "mat_fixture.h"
#include "model_file/model_checksum.h"
#include "test_support.h"

#include <semrel/errors.h>
#include <semrel/model_file/model_file.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <hdf5.h>

#include <cstring>
#include <functional>
#include <random>
#include <utility>
#include <vector>

using semrel::ModelState;
using semrel::NamedTensor;

class TestModelFileIntegrity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyFlippedBitOfTheSettingsIsFound_data();
    void everyFlippedBitOfTheSettingsIsFound();
    void randomFlippedBitsAreFoundOrHarmless();
    void refusesOptimiserStateAdamCannotUse_data();
    void refusesOptimiserStateAdamCannotUse();
    void refusesWeightsOfAnotherNetwork();
    void readsVersionOneFilesWithoutChecksum();

private:
    // What reading the file with one bit flipped gave: refused, identical, or silently changed.
    enum class Outcome { Refused, Identical, Changed };
    Outcome readFlipped(qint64 byte, int bit);

    QTemporaryDir m_dir;
    QString m_file;
    QByteArray m_bytes;
    ModelState m_state;
};

using semrel::test::modelErrorOf;

namespace {

// A checkpoint of the identity model with settings whose bytes are easy to find in the file.
ModelState checkpointState()
{
    ModelState s = semrel::test::identityModelState();
    s.config.tau = 0.123456789;
    s.config.lambda1 = 0.7071067811865476;
    s.config.lambda2 = 1.6180339887498949;
    s.config.learningRate = 0.000314159;
    s.config.seed = 0x1122334455667788ULL;
    s.config.threads = 1;
    s.config.checkpointPath = "runs/ck.h5";
    s.datasetName = "tiny";
    s.splitsHash = "0123456789abcdef";
    for (const NamedTensor& p : s.parameters) {
        s.optimizerState.push_back(
            {p.name + ".exp_avg", p.shape, std::vector<float>(p.values.size(), 0.25f)});
        s.optimizerState.push_back(
            {p.name + ".exp_avg_sq", p.shape, std::vector<float>(p.values.size(), 0.5f)});
        s.optimizerState.push_back({p.name + ".step", {1}, {12345.0f}});
    }
    s.completedEpochs = 3;
    s.config.epochs = 10;
    return s;
}

std::vector<std::pair<qint64, qint64>> rangesOfScalars(const QString& file)
{
    std::vector<std::pair<qint64, qint64>> ranges;
    const hid_t f = H5Fopen(qPrintable(file), H5F_ACC_RDONLY, H5P_DEFAULT);
    auto add = [&](const std::string& field) {
        const hid_t d = H5Dopen2(f, field.c_str(), H5P_DEFAULT);
        const haddr_t offset = H5Dget_offset(d);
        if (offset != HADDR_UNDEF)
            ranges.emplace_back(static_cast<qint64>(offset),
                                static_cast<qint64>(H5Dget_storage_size(d)));
        H5Dclose(d);
    };
    for (const char* name : {"method", "tau", "lambda1", "lambda2", "candidates", "batch_size",
                             "epochs", "learning_rate", "weight_decay", "seed", "threads",
                             "train_split", "evaluate_each_epoch", "checkpoint_path"})
        add(std::string("/config/") + name);
    H5Fclose(f);
    return ranges;
}

// Every place in `bytes` where `value`'s bytes are (the attributes HDF5 keeps in its heaps).
template <typename T>
std::vector<std::pair<qint64, qint64>> occurrences(const QByteArray& bytes, T value)
{
    std::vector<std::pair<qint64, qint64>> found;
    const QByteArray pattern(reinterpret_cast<const char*>(&value), sizeof value);
    for (qint64 at = bytes.indexOf(pattern); at >= 0; at = bytes.indexOf(pattern, at + 1))
        found.emplace_back(at, static_cast<qint64>(sizeof value));
    return found;
}

} // namespace

void TestModelFileIntegrity::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_state = checkpointState();
    m_file = m_dir.filePath("checkpoint.h5");
    semrel::writeModelFile(m_state, m_file.toStdString());
    m_bytes = semrel::test::readFileBytes(m_file);
    QVERIFY(!m_bytes.isEmpty());
}

TestModelFileIntegrity::Outcome TestModelFileIntegrity::readFlipped(qint64 byte, int bit)
{
    QByteArray damaged = m_bytes;
    damaged[byte] = static_cast<char>(damaged[byte] ^ (1 << bit));
    const QString file = m_dir.filePath("flipped.h5");
    if (!semrel::test::writeFileBytes(file, damaged))
        return Outcome::Changed;
    try {
        const ModelState read = semrel::readModelFile(file.toStdString());
        return semrel::modelChecksum(read) == semrel::modelChecksum(m_state) ? Outcome::Identical
                                                                             : Outcome::Changed;
    } catch (const semrel::ModelError&) {
        return Outcome::Refused;
    }
}

void TestModelFileIntegrity::everyFlippedBitOfTheSettingsIsFound_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("length");
    auto add = [](const char* what, const std::vector<std::pair<qint64, qint64>>& ranges) {
        for (const auto& [start, length] : ranges)
            QTest::addRow("%s at byte %lld", what, static_cast<long long>(start))
                << start << length;
    };
    const std::vector<std::pair<qint64, qint64>> scalars = rangesOfScalars(m_file);
    QCOMPARE(scalars.size(), std::size_t{14});
    add("/config scalar", scalars);
    // The root attributes repeat tau, lambdas and seed; the checksum is one too.
    add("tau", occurrences(m_bytes, m_state.config.tau));
    add("lambda1", occurrences(m_bytes, m_state.config.lambda1));
    add("lambda2", occurrences(m_bytes, m_state.config.lambda2));
    add("seed", occurrences(m_bytes, m_state.config.seed));
    add("checksum", occurrences(m_bytes, std::int64_t{semrel::modelChecksum(m_state)}));
    add("Adam step", occurrences(m_bytes, 12345.0f));
}

void TestModelFileIntegrity::everyFlippedBitOfTheSettingsIsFound()
{
    QFETCH(qint64, start);
    QFETCH(qint64, length);
    int refused = 0;
    for (qint64 byte = start; byte < start + length; ++byte)
        for (int bit = 0; bit < 8; ++bit) {
            const Outcome outcome = readFlipped(byte, bit);
            QVERIFY2(
                outcome != Outcome::Changed,
                qPrintable(QString("bit %1 of byte %2 changed what was read").arg(bit).arg(byte)));
            refused += outcome == Outcome::Refused;
        }
    // These bytes are values: no flip of them can be harmless.
    QCOMPARE(refused, static_cast<int>(length * 8));
}

void TestModelFileIntegrity::randomFlippedBitsAreFoundOrHarmless()
{
    std::mt19937_64 random(7);
    int refused = 0;
    const int flips = 3000;
    for (int i = 0; i < flips; ++i) {
        const auto byte =
            static_cast<qint64>(random() % static_cast<std::uint64_t>(m_bytes.size()));
        const int bit = static_cast<int>(random() % 8);
        const Outcome outcome = readFlipped(byte, bit);
        QVERIFY2(outcome != Outcome::Changed,
                 qPrintable(QString("bit %1 of byte %2 changed what was read").arg(bit).arg(byte)));
        refused += outcome == Outcome::Refused;
    }
    // Bits of unused space (free blocks, padding after the end of a heap) are harmless.
    qInfo("%d of %d random single-bit flips refused, the rest read back identical", refused, flips);
    QVERIFY(refused > flips / 2);
}

void TestModelFileIntegrity::refusesOptimiserStateAdamCannotUse_data()
{
    QTest::addColumn<QString>("tensor");
    QTest::addColumn<float>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("negative second moment")
        << "encoder.0.weight.exp_avg_sq" << -0.5f << "Adam's second moments are never negative";
    QTest::newRow("negative step") << "encoder.0.bias.step" << -3.0f << "whole step count";
    QTest::newRow("zero step") << "encoder.0.bias.step" << 0.0f << "whole step count";
    QTest::newRow("fractional step") << "encoder.0.bias.step" << 2.5f << "whole step count";
    QTest::newRow("no first moment")
        << "encoder.0.weight.exp_avg" << 0.0f
        << "'/checkpoint/optimizer/encoder.0.weight.exp_avg' is missing";
}

void TestModelFileIntegrity::refusesOptimiserStateAdamCannotUse()
{
    QFETCH(QString, tensor);
    QFETCH(float, value);
    QFETCH(QString, expected);
    ModelState s = checkpointState();
    for (auto it = s.optimizerState.begin(); it != s.optimizerState.end(); ++it)
        if (it->name == tensor.toStdString()) {
            if (expected.contains("is missing"))
                it = s.optimizerState.erase(it);
            else
                it->values.front() = value;
            break;
        }
    // Written with a valid checksum: only the reader's rules can refuse it.
    const std::string file = m_dir.filePath("adam.h5").toStdString();
    semrel::writeModelFile(s, file);
    const std::string message = modelErrorOf([&] { semrel::readModelFile(file); });
    QVERIFY2(QString::fromStdString(message).contains(expected), message.c_str());
}

void TestModelFileIntegrity::refusesWeightsOfAnotherNetwork()
{
    ModelState s = semrel::test::identityModelState();
    s.parameters[0].shape = {1, 9}; // as many values, another shape
    const std::string file = m_dir.filePath("shape.h5").toStdString();
    semrel::writeModelFile(s, file);
    const std::string message = modelErrorOf([&] { semrel::readModelFile(file); });
    QVERIFY2(QString::fromStdString(message).contains(
                 "'/weights/encoder.0.weight' has shape [1, 9], the network /config describes "
                 "expects [3, 3]"),
             message.c_str());
    s = semrel::test::identityModelState();
    s.parameters.push_back({"decoder.0.bias", {3}, {0, 0, 0}}); // B3 has no decoder
    semrel::writeModelFile(s, file);
    QVERIFY(QString::fromStdString(modelErrorOf([&] {
                semrel::readModelFile(file);
            })).contains("does not belong to the network"));
}

void TestModelFileIntegrity::readsVersionOneFilesWithoutChecksum()
{
    const QString file = m_dir.filePath("v1.h5");
    QVERIFY(QFile::copy(m_file, file));
    const hid_t f = H5Fopen(qPrintable(file), H5F_ACC_RDWR, H5P_DEFAULT);
    QVERIFY(f >= 0);
    QVERIFY(H5Adelete(f, "checksum") >= 0);
    const std::int64_t one = 1;
    const hid_t version = H5Aopen(f, "version", H5P_DEFAULT);
    QVERIFY(H5Awrite(version, H5T_NATIVE_INT64, &one) >= 0);
    H5Aclose(version);
    H5Fclose(f);
    const ModelState read = semrel::readModelFile(file.toStdString());
    QCOMPARE(semrel::modelChecksum(read), semrel::modelChecksum(m_state));
    // A version 2 file without its checksum is damaged, not old.
    const QString two = m_dir.filePath("v2.h5");
    QVERIFY(QFile::copy(m_file, two));
    const hid_t g = H5Fopen(qPrintable(two), H5F_ACC_RDWR, H5P_DEFAULT);
    QVERIFY(H5Adelete(g, "checksum") >= 0);
    H5Fclose(g);
    QVERIFY(QString::fromStdString(modelErrorOf([&] {
                semrel::readModelFile(two.toStdString());
            })).contains("has no 'checksum' attribute"));
}

QTEST_GUILESS_MAIN(TestModelFileIntegrity)
#include "tst_model_file_integrity.moc"
