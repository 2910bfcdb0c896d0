// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "mat_fixture.h"

#include "test_support.h"

#include <QFile>

#include <matio.h>

#include <cstring>
#include <stdexcept>

namespace semrel::test {

MatField MatField::numbers(std::vector<std::size_t> dims, std::vector<double> values,
                           Storage storage)
{
    MatField field;
    field.dims = std::move(dims);
    field.values = std::move(values);
    field.storage = storage;
    return field;
}

MatField MatField::column(std::vector<double> values, Storage storage)
{
    const std::size_t n = values.size();
    return numbers({n, 1}, std::move(values), storage);
}

MatField MatField::strings(std::vector<std::string> text)
{
    MatField field;
    field.dims = {text.size(), 1};
    field.text = std::move(text);
    field.isText = true;
    return field;
}

namespace {

template <typename T> std::vector<unsigned char> packAs(const std::vector<double>& values)
{
    std::vector<unsigned char> bytes(values.size() * sizeof(T));
    for (std::size_t i = 0; i < values.size(); ++i) {
        const T v = static_cast<T>(values[i]);
        std::memcpy(bytes.data() + i * sizeof(T), &v, sizeof(T));
    }
    return bytes;
}

matvar_t* numericVariable(const std::string& name, const MatField& field, MatFormat format,
                          std::vector<unsigned char>& buffer)
{
    matio_classes cls = MAT_C_DOUBLE;
    matio_types type = MAT_T_DOUBLE;
    const void* data = field.values.data();
    Storage storage = field.storage;
    // In v7.3 the HDF5 type follows the class (MATLAB does the same), and matio 1.5.23 would
    // write the uint8 buffer as if it were double.
    if (format == MatFormat::V73 &&
        (storage == Storage::UInt8AsDouble || storage == Storage::UInt16AsDouble))
        storage = Storage::Double;
    switch (storage) {
    case Storage::Double:
        break;
    case Storage::Single:
        cls = MAT_C_SINGLE, type = MAT_T_SINGLE, buffer = packAs<float>(field.values);
        break;
    case Storage::UInt8:
        cls = MAT_C_UINT8, type = MAT_T_UINT8, buffer = packAs<std::uint8_t>(field.values);
        break;
    case Storage::UInt16:
        cls = MAT_C_UINT16, type = MAT_T_UINT16, buffer = packAs<std::uint16_t>(field.values);
        break;
    case Storage::Int32:
        cls = MAT_C_INT32, type = MAT_T_INT32, buffer = packAs<std::int32_t>(field.values);
        break;
    case Storage::UInt8AsDouble:
        type = MAT_T_UINT8, buffer = packAs<std::uint8_t>(field.values);
        break;
    case Storage::UInt16AsDouble:
        type = MAT_T_UINT16, buffer = packAs<std::uint16_t>(field.values);
        break;
    }
    if (storage != Storage::Double)
        data = buffer.data();
    std::vector<std::size_t> dims = field.dims;
    return Mat_VarCreate(name.c_str(), cls, type, static_cast<int>(dims.size()), dims.data(),
                         const_cast<void*>(data), MAT_F_DONT_COPY_DATA);
}

matvar_t* textVariable(const std::string& name, const MatField& field)
{
    std::vector<std::size_t> dims = field.dims;
    matvar_t* cell =
        Mat_VarCreate(name.c_str(), MAT_C_CELL, MAT_T_CELL, 2, dims.data(), nullptr, 0);
    for (std::size_t i = 0; i < field.text.size(); ++i) {
        std::size_t entryDims[2] = {1, field.text[i].size()};
        matvar_t* entry = Mat_VarCreate(nullptr, MAT_C_CHAR, MAT_T_UINT8, 2, entryDims,
                                        const_cast<char*>(field.text[i].data()), 0);
        Mat_VarSetCell(cell, static_cast<int>(i), entry);
    }
    return cell;
}

} // namespace

void writeMat(const QString& path, const MatContent& content, MatFormat format)
{
    mat_t* file = Mat_CreateVer(path.toLocal8Bit().constData(), nullptr,
                                format == MatFormat::V73 ? MAT_FT_MAT73 : MAT_FT_MAT5);
    if (!file)
        throw std::runtime_error("matio cannot create " + path.toStdString());
    const matio_compression compression =
        format == MatFormat::V5Compressed ? MAT_COMPRESSION_ZLIB : MAT_COMPRESSION_NONE;
    for (const auto& [name, field] : content) {
        std::vector<unsigned char> buffer;
        matvar_t* variable =
            field.isText ? textVariable(name, field) : numericVariable(name, field, format, buffer);
        const int status = variable ? Mat_VarWrite(file, variable, compression) : -1;
        Mat_VarFree(variable);
        if (status != 0) {
            Mat_Close(file);
            throw std::runtime_error("matio cannot write '" + name + "' to " + path.toStdString());
        }
    }
    Mat_Close(file);
}

MatContent res101Of(const Dataset& data)
{
    MatContent content;
    // Row-major [N, d] is column-major [d, N]: MATLAB's layout of xlsa17's features.
    const std::vector<double> features(data.features.values.begin(), data.features.values.end());
    content["features"] = MatField::numbers(
        {static_cast<std::size_t>(data.featureDim()), static_cast<std::size_t>(data.sampleCount())},
        features);
    std::vector<double> labels;
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < data.labels.size(); ++i) {
        labels.push_back(data.labels[i] + 1);
        paths.push_back("/images/" + data.classNames[static_cast<std::size_t>(data.labels[i])] +
                        "/" + std::to_string(i) + ".jpg");
    }
    const Storage whole =
        data.classCount() < 256 ? Storage::UInt8AsDouble : Storage::UInt16AsDouble;
    content["labels"] = MatField::column(labels, whole);
    content["image_files"] = MatField::strings(paths);
    return content;
}

MatContent attSplitsOf(const Dataset& data)
{
    MatContent content;
    const std::vector<double> att(data.classEmbeddings.values.begin(),
                                  data.classEmbeddings.values.end());
    content["att"] = MatField::numbers({static_cast<std::size_t>(data.embeddingDim()),
                                        static_cast<std::size_t>(data.classCount())},
                                       att);
    content["allclasses_names"] = MatField::strings(data.classNames);
    const Storage whole =
        data.sampleCount() < 256 ? Storage::UInt8AsDouble : Storage::UInt16AsDouble;
    for (Split split : kAllSplits) {
        std::vector<double> loc;
        for (std::int64_t i : data.split(split))
            loc.push_back(static_cast<double>(i + 1));
        content[std::string(splitName(split)) + "_loc"] = MatField::column(loc, whole);
    }
    return content;
}

MatContent tinyRes101()
{
    return res101Of(tinyDataset());
}

MatContent tinyAttSplits()
{
    return attSplitsOf(tinyDataset());
}

void writeXlsa17(const QString& dir, const MatContent& res101, const MatContent& attSplits,
                 MatFormat format)
{
    writeMat(dir + "/res101.mat", res101, format);
    writeMat(dir + "/att_splits.mat", attSplits, format);
}

QString formatName(MatFormat format)
{
    switch (format) {
    case MatFormat::V5:
        return "v5";
    case MatFormat::V5Compressed:
        return "v5 compressed";
    case MatFormat::V73:
        return "v7.3";
    }
    return "?";
}

bool writeFileBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace semrel::test
