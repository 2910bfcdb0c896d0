// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

// MAT files written with libmatio: an implementation independent of the core's own reader, so
// the tests check one against the other.
namespace semrel::test {

enum class MatFormat { V5, V5Compressed, V73 };

// How a numeric field is stored. The real xlsa17 files keep whole numbers as uint8/uint16
// inside class double (MATLAB's own compaction); *AsDouble reproduces that in v5.
enum class Storage { Double, Single, UInt8, UInt16, Int32, UInt8AsDouble, UInt16AsDouble };

struct MatField
{
    std::vector<std::size_t> dims; // MATLAB order
    std::vector<double> values;    // column-major; numeric fields
    std::vector<std::string> text; // a cell of char rows when isText
    Storage storage = Storage::Double;
    bool isText = false;

    static MatField numbers(std::vector<std::size_t> dims, std::vector<double> values,
                            Storage storage = Storage::Double);
    static MatField column(std::vector<double> values, Storage storage = Storage::Double);
    static MatField strings(std::vector<std::string> text);
};

using MatContent = std::map<std::string, MatField>;

// Writes `content` with matio; QFAIL-style failures become std::runtime_error.
void writeMat(const QString& path, const MatContent& content, MatFormat format);

// A dataset as the two xlsa17 files (1-based labels and locs, d x N features, a x C att).
// Whole numbers are stored as uint8 or uint16 inside class double, as the real files do.
MatContent res101Of(const Dataset& data);
MatContent attSplitsOf(const Dataset& data);
// The tinyDataset() of test_support.h as the two xlsa17 files.
MatContent tinyRes101();
MatContent tinyAttSplits();

// Writes both into `dir` as res101.mat and att_splits.mat.
void writeXlsa17(const QString& dir, const MatContent& res101, const MatContent& attSplits,
                 MatFormat format);

QString formatName(MatFormat format);

// Whole-file helpers for damaging fixtures; writeFileBytes returns false on failure.
bool writeFileBytes(const QString& path, const QByteArray& bytes);
QByteArray readFileBytes(const QString& path);

} // namespace semrel::test
