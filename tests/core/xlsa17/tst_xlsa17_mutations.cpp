// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "mat_fixture.h"
#include "test_support.h"

#include <semrel/dataset/dataset.h>
#include <semrel/xlsa17/xlsa17_import.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <optional>
#include <random>

using semrel::Dataset;
using semrel::test::MatFormat;

Q_DECLARE_METATYPE(MatFormat)

namespace {

// One value that two imports disagree on, in the file's own terms: numbers as the file stores
// them (1-based labels and indices), text as its bytes.
struct Difference
{
    QString field;
    double before = 0.0;
    double after = 0.0;
    std::string textBefore;
    std::string textAfter;
    bool isText = false;
};

template <typename T>
void compareValues(const QString& field, const std::vector<T>& a, const std::vector<T>& b,
                   double fileOffset, std::vector<Difference>& out)
{
    if (a.size() != b.size()) {
        out.push_back({field + " size", double(a.size()), double(b.size()), {}, {}, false});
        return;
    }
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i]))
            out.push_back(
                {field, double(a[i]) + fileOffset, double(b[i]) + fileOffset, {}, {}, false});
}

void compareText(const QString& field, const std::vector<std::string>& a,
                 const std::vector<std::string>& b, std::vector<Difference>& out)
{
    if (a.size() != b.size()) {
        out.push_back({field + " size", double(a.size()), double(b.size()), {}, {}, false});
        return;
    }
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i])
            out.push_back({field, 0, 0, a[i], b[i], true});
}

// Every value two imports disagree on (not the source path, which names the files).
std::vector<Difference> differences(const Dataset& a, const Dataset& b)
{
    std::vector<Difference> out;
    compareValues("features", a.features.values, b.features.values, 0.0, out);
    compareValues("feature shape", std::vector<std::int64_t>{a.features.rows, a.features.cols},
                  std::vector<std::int64_t>{b.features.rows, b.features.cols}, 0.0, out);
    compareValues("labels", a.labels, b.labels, 1.0, out);
    compareValues("embeddings", a.classEmbeddings.values, b.classEmbeddings.values, 0.0, out);
    compareValues("embedding shape",
                  std::vector<std::int64_t>{a.classEmbeddings.rows, a.classEmbeddings.cols},
                  std::vector<std::int64_t>{b.classEmbeddings.rows, b.classEmbeddings.cols}, 0.0,
                  out);
    for (semrel::Split split : semrel::kAllSplits)
        compareValues(semrel::splitName(split), a.split(split), b.split(split), 1.0, out);
    compareText("class names", a.classNames, b.classNames, out);
    compareText("image paths", a.imagePaths, b.imagePaths, out);
    return out;
}

template <typename T> std::optional<double> decodeAt(const QByteArray& bytes, qsizetype at)
{
    if (at < 0 || at + qsizetype(sizeof(T)) > bytes.size())
        return std::nullopt;
    T value;
    std::memcpy(&value, bytes.constData() + at, sizeof(T));
    return static_cast<double>(value);
}

// Whether the flipped byte at `at` is one of the bytes that store the value itself, in one of
// the types a MAT file may store it as: the original file spells `before` there and the mutated
// one `after`. Such a file is a valid file with another value, which no reader can tell.
bool flipSpellsTheNewNumber(const QByteArray& original, const QByteArray& mutated, qsizetype at,
                            double before, double after)
{
    const auto spells = [&](auto type) {
        using T = decltype(type);
        for (qsizetype start = at - qsizetype(sizeof(T)) + 1; start <= at; ++start) {
            const auto was = decodeAt<T>(original, start);
            const auto now = decodeAt<T>(mutated, start);
            // The import stores numbers as float32 and indices as integers.
            if (was && now && static_cast<float>(*was) == static_cast<float>(before) &&
                static_cast<float>(*now) == static_cast<float>(after))
                return true;
        }
        return false;
    };
    return spells(double{}) || spells(float{}) || spells(std::uint8_t{}) ||
           spells(std::uint16_t{}) || spells(std::int32_t{});
}

// The same for one character of a text value: its byte (v5 stores UTF-8) or its 16-bit unit
// (v7.3 stores UTF-16).
bool flipSpellsTheNewText(const QByteArray& original, const QByteArray& mutated, qsizetype at,
                          const std::string& before, const std::string& after)
{
    const QString was = QString::fromStdString(before);
    const QString now = QString::fromStdString(after);
    if (before.size() == after.size())
        for (std::size_t c = 0; c < before.size(); ++c)
            if (before[c] != after[c])
                return original[at] == before[c] && mutated[at] == after[c];
    if (was.size() != now.size())
        return false;
    for (qsizetype c = 0; c < was.size(); ++c)
        if (was[c] != now[c])
            return flipSpellsTheNewNumber(original, mutated, at, was[c].unicode(),
                                          now[c].unicode());
    return false;
}

// A documented fallback (docs/FORMATS.md, "Fallbacks and warnings"): a variable the import can do
// without is missing, as when a flip renames it, and a warning names it. Not silent.
bool fallbackWarned(const Dataset& undamaged, const Dataset& data, const QString& field)
{
    const char* variable = field.startsWith("image paths")   ? "image_files"
                           : field.startsWith("class names") ? "allclasses_names"
                           : field.startsWith("train") || field.startsWith("val")
                               ? "train_loc/val_loc"
                               : nullptr;
    if (!variable)
        return false;
    for (const std::string& warning : data.warnings)
        if (warning.find(variable) != std::string::npos &&
            std::find(undamaged.warnings.begin(), undamaged.warnings.end(), warning) ==
                undamaged.warnings.end())
            return true;
    return false;
}

} // namespace

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

// Every damaged file gives a DataError or, if accepted, exactly the values of the undamaged
// import: no crash, no other exception, no value silently changed by a misread structure. The one
// exception is a flipped byte that lies inside a stored value (MAT files carry no checksum, and
// compressed variables' checksums cover only those): the file then is a valid file with one other
// value, and the import must read exactly that value and nothing else differently.
void TestXlsa17Mutations::survivesMutatedFiles()
{
    QFETCH(QString, file);
    QFETCH(MatFormat, format);
    QTemporaryDir tmp;
    semrel::test::writeXlsa17(tmp.path(), semrel::test::tinyRes101(), semrel::test::tinyAttSplits(),
                              format);
    const QByteArray original = semrel::test::readFileBytes(tmp.path() + "/" + file);
    QVERIFY(!original.isEmpty());

    const Dataset undamaged = semrel::importXlsa17Files(
        (tmp.path() + "/res101.mat").toStdString(), (tmp.path() + "/att_splits.mat").toStdString());
    std::vector<std::pair<QString, QByteArray>> mutations;
    std::vector<qsizetype> flippedAt; // per mutation; -1 for a truncation
    const int step = std::max(1, static_cast<int>(original.size() / 160));
    for (int length = 0; length < original.size(); length += step)
        mutations.emplace_back("truncated to " + QString::number(length), original.left(length));
    for (int cut = 1; cut <= 16; ++cut)
        mutations.emplace_back("truncated by " + QString::number(cut), original.chopped(cut));
    flippedAt.assign(mutations.size(), -1);
    std::mt19937 random(20260 + static_cast<unsigned>(format) * 7 + (file == "res101.mat"));
    for (int k = 0; k < 400; ++k) {
        const int at = static_cast<int>(random() % static_cast<unsigned>(original.size()));
        QByteArray bytes = original;
        bytes[at] = static_cast<char>(bytes[at] ^ static_cast<char>(1 + random() % 255));
        mutations.emplace_back("byte " + QString::number(at) + " flipped", bytes);
        flippedAt.push_back(at);
    }

    int rejected = 0;
    int accepted = 0;
    int valueFlips = 0;
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
            std::vector<Difference> changed = differences(undamaged, data);
            changed.erase(std::remove_if(changed.begin(), changed.end(),
                                         [&](const Difference& d) {
                                             return fallbackWarned(undamaged, data, d.field);
                                         }),
                          changed.end());
            if (!changed.empty()) {
                const Difference& d = changed.front();
                const qsizetype at = flippedAt[k];
                const bool valueFlip =
                    changed.size() == 1 && at >= 0 &&
                    (d.isText ? flipSpellsTheNewText(original, mutations[k].second, at,
                                                     d.textBefore, d.textAfter)
                              : flipSpellsTheNewNumber(original, mutations[k].second, at, d.before,
                                                       d.after));
                QVERIFY2(valueFlip,
                         qPrintable(mutations[k].first + ": accepted with " +
                                    QString::number(changed.size()) +
                                    " value(s) changed, first in " + d.field + ": " +
                                    QString::number(d.before) + " -> " + QString::number(d.after) +
                                    " '" + QString::fromStdString(d.textBefore) + "' -> '" +
                                    QString::fromStdString(d.textAfter) + "' hex " +
                                    QByteArray::fromStdString(d.textAfter).toHex()));
                ++valueFlips;
            }
        } catch (const semrel::DataError&) {
            ++rejected;
        } catch (const std::exception& e) {
            QFAIL(qPrintable(mutations[k].first + ": " + e.what()));
        }
        QFile::remove(path);
    }
    qInfo("%s %s: %d mutations rejected, %d accepted (%d of them a flip inside a stored value)",
          qPrintable(file), qPrintable(semrel::test::formatName(format)), rejected, accepted,
          valueFlips);
    QVERIFY(rejected > 0);
}

QTEST_GUILESS_MAIN(TestXlsa17Mutations)
#include "tst_xlsa17_mutations.moc"
