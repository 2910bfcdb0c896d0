// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "test_support.h"

#include <semrel/dataset/idx_file.h>

#include <QTemporaryDir>
#include <QTest>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>
#include <zlib.h>

namespace {

using Bytes = std::vector<std::uint8_t>;

void appendBigEndian(Bytes& out, std::uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(value >> shift));
}

Bytes idx(std::uint32_t magic, const std::vector<std::uint32_t>& sizes, const Bytes& payload)
{
    Bytes out;
    appendBigEndian(out, magic);
    for (std::uint32_t s : sizes)
        appendBigEndian(out, s);
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

Bytes counting(std::size_t n)
{
    Bytes out(n);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = static_cast<std::uint8_t>(i * 7);
    return out;
}

void writeGz(const std::string& path, const Bytes& bytes)
{
    gzFile file = gzopen(path.c_str(), "wb");
    QVERIFY(file != nullptr);
    QCOMPARE(gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size())),
             static_cast<int>(bytes.size()));
    QCOMPARE(gzclose(file), Z_OK);
}

void writePlain(const std::string& path, const Bytes& bytes)
{
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
}

} // namespace

Q_DECLARE_METATYPE(Bytes)

class TestIdxFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsGzipImages();
    void readsPlainLabels();
    void rejectsBrokenImageFile_data();
    void rejectsBrokenImageFile();
    void rejectsImageFileAsLabels();
    void rejectsCorruptGzip();

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return (m_dir.path() + "/" + name).toStdString(); }
};

void TestIdxFile::readsGzipImages()
{
    const Bytes pixels = counting(3 * 2 * 4);
    writeGz(path("images.gz"), idx(0x803, {3, 2, 4}, pixels));
    const semrel::ImagePixels images = semrel::readIdxImages(path("images.gz"));
    QCOMPARE(images.count, 3);
    QCOMPARE(images.height, 2);
    QCOMPARE(images.width, 4);
    QCOMPARE(images.values, pixels);
    QCOMPARE(int(images.image(2)[0]), int(pixels[16]));
}

void TestIdxFile::readsPlainLabels()
{
    // Uncompressed IDX (as some mirrors ship it) goes through the same reader.
    writePlain(path("labels"), idx(0x801, {5}, {9, 0, 3, 3, 1}));
    QCOMPARE(semrel::readIdxLabels(path("labels")), (Bytes{9, 0, 3, 3, 1}));
}

void TestIdxFile::rejectsBrokenImageFile_data()
{
    QTest::addColumn<Bytes>("content");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << Bytes{} << "truncated in the magic number: 4 bytes expected, 0 found";
    QTest::newRow("wrong type code") << idx(0x0D03, {1, 2, 2}, counting(16))
                                     << "the magic number is 0x00000D03, expected 0x00000803";
    QTest::newRow("two dims") << idx(0x802, {2, 2}, counting(4))
                              << "the magic number is 0x00000802, expected 0x00000803";
    QTest::newRow("header cut")
        << Bytes{0, 0, 8, 3, 0, 0, 0, 1, 0, 0}
        << "truncated in the size of dimension 1: 4 bytes expected, 2 found";
    QTest::newRow("zero height") << idx(0x803, {1, 0, 2}, {})
                                 << "the image height in the header is 0";
    QTest::newRow("pixels cut") << idx(0x803, {2, 2, 2}, counting(7))
                                << "truncated in the pixels: 8 bytes expected, 7 found";
    QTest::newRow("trailing bytes") << idx(0x803, {1, 2, 2}, counting(5))
                                    << "bytes follow the 1 images announced in the header";
}

void TestIdxFile::rejectsBrokenImageFile()
{
    QFETCH(Bytes, content);
    QFETCH(QString, mentions);
    const std::string file = path("broken.gz");
    writeGz(file, content);
    const std::string message = semrel::test::dataErrorOf([&] { semrel::readIdxImages(file); });
    QVERIFY2(QString::fromStdString(message).contains(mentions), message.c_str());
    QVERIFY2(message.rfind(file, 0) == 0, "the message must start with the file's path");
}

void TestIdxFile::rejectsImageFileAsLabels()
{
    writeGz(path("swapped.gz"), idx(0x803, {1, 1, 1}, {5}));
    const std::string message =
        semrel::test::dataErrorOf([&] { semrel::readIdxLabels(path("swapped.gz")); });
    QVERIFY2(QString::fromStdString(message).contains("not an IDX label file"), message.c_str());
    QVERIFY2(QString::fromStdString(semrel::test::dataErrorOf([&] {
                 semrel::readIdxLabels(path("missing.gz"));
             })).contains("missing.gz: no such file"),
             "a missing file is named");
}

void TestIdxFile::rejectsCorruptGzip()
{
    // A gzip header followed by bytes that are no deflate stream.
    Bytes bytes = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
    for (int i = 0; i < 64; ++i)
        bytes.push_back(0xff);
    writePlain(path("corrupt.gz"), bytes);
    const std::string message =
        semrel::test::dataErrorOf([&] { semrel::readIdxImages(path("corrupt.gz")); });
    QVERIFY2(QString::fromStdString(message).contains("corrupt"), message.c_str());
}

QTEST_GUILESS_MAIN(TestIdxFile)
#include "tst_idx_file.moc"
