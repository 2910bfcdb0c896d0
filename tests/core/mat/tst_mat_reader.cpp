// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The MAT v5 reader on byte layouts that matio does not write but MATLAB does: small data
// elements, UTF-16 and 8-bit text, empty cell entries; and on malformed headers.
#include "mat/mat_file.h"
#include "mat_fixture.h"
#include "test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <hdf5.h>

#include <cstring>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace {

// Writes MAT v5 elements byte by byte, little-endian, as MATLAB lays them out.
class Bytes
{
public:
    void u32(std::uint32_t v) { append(&v, 4); }
    void append(const void* p, std::size_t n)
    {
        const auto* b = static_cast<const char*>(p);
        m_data.insert(m_data.end(), b, b + n);
    }
    void pad()
    {
        while (m_data.size() % 8)
            m_data.push_back(0);
    }
    // A data element: the small form when it fits in 4 bytes and `small` is asked for.
    void element(std::uint32_t type, const void* p, std::size_t n, bool small = false)
    {
        if (small && n <= 4) {
            u32(static_cast<std::uint32_t>(n << 16) | type);
            char data[4] = {};
            std::memcpy(data, p, n);
            append(data, 4);
            return;
        }
        u32(type);
        u32(static_cast<std::uint32_t>(n));
        append(p, n);
        pad();
    }
    // A miMATRIX header: flags (class, complex), dims, name.
    void matrixHeader(std::uint32_t cls, std::vector<std::int32_t> dims, const std::string& name,
                      bool complex = false)
    {
        const std::uint32_t flags[2] = {cls | (complex ? 0x800u : 0u), 0};
        element(6, flags, 8);
        element(5, dims.data(), dims.size() * 4);
        element(1, name.data(), name.size(), true);
    }
    // Wraps everything written so far into one miMATRIX element.
    Bytes asMatrix() const
    {
        Bytes out;
        out.u32(14);
        out.u32(static_cast<std::uint32_t>(m_data.size()));
        out.append(m_data.data(), m_data.size());
        return out;
    }
    const std::vector<char>& data() const { return m_data; }

private:
    std::vector<char> m_data;
};

QByteArray matFile(const std::vector<Bytes>& variables, const char* endian = "IM")
{
    QByteArray file(128, ' ');
    std::memcpy(file.data(), "MATLAB 5.0 MAT-file, written by tst_mat_reader", 46);
    file[124] = 0x00;
    file[125] = 0x01;
    file[126] = endian[0];
    file[127] = endian[1];
    for (const Bytes& v : variables)
        file.append(v.data().data(), static_cast<int>(v.data().size()));
    return file;
}

Bytes smallNumbers()
{
    Bytes body;
    body.matrixHeader(6, {1, 3}, "idx");
    const std::uint8_t values[3] = {7, 8, 9};
    body.element(2, values, 3, /*small=*/true);
    return body.asMatrix();
}

Bytes textCell()
{
    Bytes body;
    body.matrixHeader(1, {3, 1}, "names");
    Bytes utf16;
    utf16.matrixHeader(4, {1, 4}, "");
    const std::uint16_t cafe[4] = {'c', 'a', 'f', 0xE9};
    utf16.element(4, cafe, sizeof cafe);
    const Bytes first = utf16.asMatrix();
    body.append(first.data().data(), first.data().size());
    body.u32(14); // an empty entry: a bare matrix tag, as MATLAB writes []
    body.u32(0);
    Bytes latin1;
    latin1.matrixHeader(4, {1, 2}, "");
    const unsigned char ox[2] = {'o', 0xF8};
    latin1.element(2, ox, 2);
    const Bytes third = latin1.asMatrix();
    body.append(third.data().data(), third.data().size());
    return body.asMatrix();
}

std::unique_ptr<semrel::mat::MatFile> openBytes(const QTemporaryDir& dir, const QByteArray& bytes)
{
    const QString path = dir.path() + "/file.mat";
    semrel::test::writeFileBytes(path, bytes);
    return semrel::mat::openMatFile(path.toStdString());
}

} // namespace

class TestMatReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsSmallDataElements();
    void readsUtf16Latin1AndEmptyTextEntries();
    void streamsFloatsInBlocks();
    void rejectsBigEndianFile();
    void rejectsComplexArray();
    void rejectsElementLongerThanItsParent();
    void rejectsCountTheBytesCannotHold();
    void rejectsV73CountTheStorageCannotHold();
    void rejectsV73GroupTreeOutsideTheFile_data();
    void rejectsV73GroupTreeOutsideTheFile();
    void rejectsV73EndingInsideItsSuperblock();
    void refusesTagsClaimingGigabytesBeforeAllocating();
};

void TestMatReader::readsSmallDataElements()
{
    QTemporaryDir tmp;
    const auto file = openBytes(tmp, matFile({smallNumbers()}));
    QCOMPARE(file->variables().size(), std::size_t{1});
    QCOMPARE(file->variables()[0].shapeText(), std::string("1 x 3"));
    QCOMPARE(file->readNumeric("idx"), (std::vector<double>{7, 8, 9}));
}

void TestMatReader::readsUtf16Latin1AndEmptyTextEntries()
{
    QTemporaryDir tmp;
    const auto file = openBytes(tmp, matFile({smallNumbers(), textCell()}));
    QCOMPARE(file->readStrings("names"),
             (std::vector<std::string>{"caf\xC3\xA9", "", "o\xC3\xB8"}));
}

void TestMatReader::streamsFloatsInBlocks()
{
    QTemporaryDir tmp;
    const std::size_t count = semrel::mat::kStreamBlockElements * 2 + 12; // a multiple of 5
    std::vector<double> values(count);
    for (std::size_t i = 0; i < count; ++i)
        values[i] = static_cast<double>(i % 1000) - 500.5;
    semrel::test::MatContent content;
    content["big"] = semrel::test::MatField::numbers({5, count / 5}, values);
    semrel::test::writeMat(tmp.path() + "/big.mat", content, semrel::test::MatFormat::V5Compressed);
    const auto file = semrel::mat::openMatFile((tmp.path() + "/big.mat").toStdString());
    std::vector<float> out(count);
    std::vector<std::uint64_t> firsts;
    file->readFloats("big", out.data(), [&](const float*, std::uint64_t first, std::uint64_t) {
        firsts.push_back(first);
    });
    QCOMPARE(firsts.size(), std::size_t{3});
    QCOMPARE(out[count - 1], static_cast<float>(values[count - 1]));
}

void TestMatReader::rejectsBigEndianFile()
{
    QTemporaryDir tmp;
    const std::string message =
        semrel::test::dataErrorOf([&] { openBytes(tmp, matFile({smallNumbers()}, "MI")); });
    QVERIFY2(QString::fromStdString(message).contains("big-endian"), message.c_str());
}

void TestMatReader::rejectsComplexArray()
{
    QTemporaryDir tmp;
    Bytes body;
    body.matrixHeader(6, {1, 1}, "z", /*complex=*/true);
    const double re = 1, im = 2;
    body.element(9, &re, 8);
    body.element(9, &im, 8);
    const auto file = openBytes(tmp, matFile({body.asMatrix()}));
    const std::string message = semrel::test::dataErrorOf([&] { file->readNumeric("z"); });
    QVERIFY2(QString::fromStdString(message).contains("'z' is complex"), message.c_str());
}

void TestMatReader::rejectsElementLongerThanItsParent()
{
    QTemporaryDir tmp;
    Bytes body;
    body.matrixHeader(6, {1, 2}, "x");
    body.u32(9);
    body.u32(4000); // claims 4000 bytes of doubles inside a much shorter matrix
    const double values[2] = {1, 2};
    body.append(values, sizeof values);
    const std::string message = semrel::test::dataErrorOf(
        [&] { openBytes(tmp, matFile({body.asMatrix()}))->readNumeric("x"); });
    QVERIFY2(QString::fromStdString(message).contains("'x' is corrupt"), message.c_str());
}

// Found by fuzz_mutate: dims of 2 x 2^31-1 on a variable of a few bytes made readNumeric()
// reserve 32 GiB (std::bad_alloc, "out of memory") before the data said otherwise.
void TestMatReader::rejectsCountTheBytesCannotHold()
{
    QTemporaryDir tmp;
    Bytes body;
    body.matrixHeader(6, {2, 0x7fffffff}, "att");
    const double values[2] = {1, 2};
    body.element(9, values, sizeof values);
    const std::string message = semrel::test::dataErrorOf(
        [&] { openBytes(tmp, matFile({body.asMatrix()}))->readNumeric("att"); });
    QVERIFY2(QString::fromStdString(message).contains("'att' is corrupt: it claims 4294967294 "
                                                      "values in"),
             message.c_str());
}

// Found by fuzz_mutate: a v7.3 'features' claiming 3 * 10^15 elements in 288 bytes was allocated
// for before anything was read. A dataset of huge dims that was never written stores nothing.
void TestMatReader::rejectsV73CountTheStorageCannotHold()
{
    QTemporaryDir tmp;
    const QString path = tmp.path() + "/huge.mat";
    const hid_t file = H5Fcreate(qPrintable(path), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    const hsize_t dims[2] = {hsize_t{1} << 20, hsize_t{1} << 20};
    const hid_t space = H5Screate_simple(2, dims, nullptr);
    const hid_t dataset =
        H5Dcreate2(file, "features", H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    QVERIFY(dataset >= 0);
    H5Dclose(dataset);
    H5Sclose(space);
    H5Fclose(file);
    const auto mat = semrel::mat::openMatFile(path.toStdString());
    const std::string message =
        semrel::test::dataErrorOf([&] { mat->requirePlausibleCount("features"); });
    QVERIFY2(QString::fromStdString(message).contains("'features' is corrupt: it claims "
                                                      "1099511627776 elements"),
             message.c_str());
}

void TestMatReader::rejectsV73GroupTreeOutsideTheFile_data()
{
    QTest::addColumn<int>("field");        // bytes into the root group's B-tree node ("TREE")
    QTest::addColumn<QByteArray>("value"); // little-endian, written over the field
    QTest::addColumn<QString>("expected");
    const QString outside = "is corrupt: its group tree points past the end of the file";
    // The node: signature, type, level, entries used (2), two sibling addresses, key 0, child 0.
    QTest::newRow("child at the undefined address") << 32 << QByteArray(8, '\xff') << outside;
    QTest::newRow("child past the end") << 32 << QByteArray("\0\0\0\x01\0\0\0\0", 8) << outside;
    QTest::newRow("child at the superblock") << 32 << QByteArray(8, '\0') << outside;
    QTest::newRow("more entries than room")
        << 6 << QByteArray("\xff\xff", 2) << "claims more entries than it can hold";
}

// Found by fuzz_mutate: HDF5 1.10.8 follows a group B-tree's child address without checking it
// against the file (the older layout MATLAB and matio write has no checksums) and read through
// a null pointer: `semrel info` on such an xlsa17 folder ended with SIGSEGV.
void TestMatReader::rejectsV73GroupTreeOutsideTheFile()
{
    QFETCH(int, field);
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);
    QTemporaryDir tmp;
    const QString path = tmp.path() + "/att_splits.mat";
    semrel::test::writeMat(path, semrel::test::tinyAttSplits(), semrel::test::MatFormat::V73);
    QByteArray bytes = semrel::test::readFileBytes(path);
    const int tree = static_cast<int>(bytes.indexOf("TREE", 512));
    QVERIFY(tree > 0);
    bytes.replace(tree + field, static_cast<int>(value.size()), value);
    const std::string message = semrel::test::dataErrorOf([&] { openBytes(tmp, bytes); });
    QVERIFY2(QString::fromStdString(message).contains(expected), message.c_str());
    QVERIFY2(QString::fromStdString(message).contains("file.mat"), message.c_str());
}

// Found by fuzz_mutate under AddressSanitizer: the group-tree walk read the superblock's fields
// past the end of a file cut inside it. Every cut must be refused, by the walk or by HDF5.
void TestMatReader::rejectsV73EndingInsideItsSuperblock()
{
    QTemporaryDir tmp;
    const QString path = tmp.path() + "/att_splits.mat";
    semrel::test::writeMat(path, semrel::test::tinyAttSplits(), semrel::test::MatFormat::V73);
    const QByteArray bytes = semrel::test::readFileBytes(path);
    for (int end = 512 + 8; end <= 512 + 128; ++end) {
        const std::string message =
            semrel::test::dataErrorOf([&] { openBytes(tmp, bytes.left(end)); });
        QVERIFY2(QString::fromStdString(message).contains("file.mat"), message.c_str());
    }
}

namespace {

// The process's address space now, in bytes (VmSize), or 0.
std::uint64_t addressSpaceInUse()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmSize:", 0) == 0)
            return std::stoull(line.substr(7)) * 1024;
    return 0;
}

} // namespace

// Found by fuzz_readers (libFuzzer's malloc limit): a 284-byte v5 file whose variable claimed
// 4 GiB and whose array flags claimed 3.2 GB had the flags allocated before they were read.
// Under an address-space limit of 512 MiB beyond what the test uses, such an allocation fails
// as std::bad_alloc; the reader must refuse the file before it.
void TestMatReader::refusesTagsClaimingGigabytesBeforeAllocating()
{
    QTemporaryDir tmp;
    Bytes body;
    body.u32(14);          // miMATRIX
    body.u32(0xF5000000u); // claims 4 GiB
    body.u32(6);           // the array flags, miUINT32
    body.u32(0xC0000000u); // claims 3 GiB
    const std::uint32_t flags[2] = {6, 0};
    body.append(flags, sizeof flags);
    const QByteArray bytes = matFile({body});
    const std::uint64_t inUse = addressSpaceInUse();
    QVERIFY(inUse > 0);
    rlimit previous{};
    QVERIFY(getrlimit(RLIMIT_AS, &previous) == 0);
    rlimit limited = previous;
    limited.rlim_cur = std::min<rlim_t>(previous.rlim_max, inUse + (rlim_t{512} << 20));
    QVERIFY(setrlimit(RLIMIT_AS, &limited) == 0);
    const std::string message = semrel::test::dataErrorOf([&] { openBytes(tmp, bytes); });
    setrlimit(RLIMIT_AS, &previous);
    QVERIFY2(QString::fromStdString(message).contains("file.mat: is truncated"), message.c_str());
}

QTEST_GUILESS_MAIN(TestMatReader)
#include "tst_mat_reader.moc"
