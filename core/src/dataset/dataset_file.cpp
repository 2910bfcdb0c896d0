// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "storage/hdf5_reader.h"
#include "storage/hdf5_writer.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/errors.h>

#include <algorithm>

namespace semrel {

namespace {

constexpr const char* kFormat = kDatasetFormat;
constexpr std::int64_t kVersion = 1;
// With a progress callback the features move in blocks of about this size; without one, in a
// single call, which is what HDF5 does fastest.
constexpr hsize_t kProgressBlockBytes = hsize_t{16} << 20;

std::string splitField(Split s)
{
    return std::string("/splits/") + splitName(s);
}

// Rows per block: a whole number of chunks, so no chunk is read (and checksummed) twice.
hsize_t blockRows(hsize_t rowBytes, hsize_t chunkRows)
{
    hsize_t rows = std::max<hsize_t>(1, kProgressBlockBytes / std::max<hsize_t>(rowBytes, 1));
    if (chunkRows > 0)
        rows = std::max(chunkRows, rows / chunkRows * chunkRows);
    return rows;
}

void writeFeatures(h5::Writer& out, const FloatMatrix& features, const ProgressCallback& progress)
{
    const h5::Dims dims = {static_cast<hsize_t>(features.rows),
                           static_cast<hsize_t>(features.cols)};
    if (!progress) {
        out.writeArray("/features", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, dims, features.values.data());
        return;
    }
    const h5::Handle dataset = out.createArray("/features", H5T_IEEE_F32LE, dims);
    const hsize_t rows = dims[0];
    const hsize_t step = blockRows(dims[1] * sizeof(float), 0);
    for (hsize_t first = 0; first < rows; first += step) {
        const hsize_t n = std::min(step, rows - first);
        out.writeRows(dataset, "/features", H5T_NATIVE_FLOAT, dims, first, n,
                      features.row(static_cast<std::int64_t>(first)));
        progress(static_cast<double>(first + n) / static_cast<double>(rows), "writing features");
    }
}

void writeContents(h5::Writer& out, const Dataset& data, const ProgressCallback& progress)
{
    out.writeAttribute("format", std::string(kFormat));
    out.writeAttribute("version", kVersion);
    out.writeAttribute("name", data.name);
    out.writeAttribute("source", data.source);

    const auto n = static_cast<hsize_t>(data.sampleCount());
    out.writeArray("/labels", H5T_STD_I32LE, H5T_NATIVE_INT32, {n}, data.labels.data());
    out.createGroup("/classes");
    out.writeStrings("/classes/names", data.classNames);
    out.writeArray("/classes/embeddings", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT,
                   {static_cast<hsize_t>(data.classEmbeddings.rows),
                    static_cast<hsize_t>(data.classEmbeddings.cols)},
                   data.classEmbeddings.values.data());
    out.createGroup("/splits");
    for (Split s : kAllSplits)
        out.writeArray(splitField(s), H5T_STD_I64LE, H5T_NATIVE_INT64, {data.split(s).size()},
                       data.split(s).data());
    if (!data.imagePaths.empty() || !data.images.empty())
        out.createGroup("/images");
    if (!data.imagePaths.empty())
        out.writeStrings("/images/paths", data.imagePaths);
    if (!data.images.empty())
        out.writeArray("/images/pixels", H5T_STD_U8LE, H5T_NATIVE_UINT8,
                       {static_cast<hsize_t>(data.images.count),
                        static_cast<hsize_t>(data.images.height),
                        static_cast<hsize_t>(data.images.width)},
                       data.images.values.data());
    if (!data.warnings.empty())
        out.writeStrings("/warnings", data.warnings);
    writeFeatures(out, data.features, progress);
}

void checkFormat(const h5::Reader& in)
{
    if (!in.hasAttribute("format"))
        in.fail("", "has no format attribute: not a SemRel dataset file");
    const std::string format = in.stringAttribute("format");
    if (format != kFormat)
        in.fail("", "format attribute is '" + format + "', expected '" + kFormat + "'");
    const std::int64_t version = in.intAttribute("version");
    if (version > kVersion)
        in.fail("", "is format version " + std::to_string(version) +
                        ", newer than this program reads (" + std::to_string(kVersion) +
                        "): update SemRel Studio");
    if (version < 1)
        in.fail("", "has an invalid format version (" + std::to_string(version) + ")");
}

void requireLength(const h5::Reader& in, const h5::Array& array, const std::string& field,
                   hsize_t expected, const std::string& what)
{
    if (array.dim(0) != expected)
        in.fail(field, "has " + std::to_string(array.dim(0)) + " " + what +
                           ", expected one per "
                           "feature row (" +
                           std::to_string(expected) + ")");
}

std::vector<std::string> readOptionalStrings(const h5::Reader& in, const std::string& field)
{
    if (!in.exists(field))
        return {};
    return in.open(field, H5T_STRING, 1).readStrings();
}

// Everything but the features: small, and read first so that a file whose parts disagree is
// refused before the long read.
void readSmallParts(const h5::Reader& in, hsize_t sampleCount, Dataset& data)
{
    const h5::Array labels = in.open("/labels", H5T_INTEGER, 1);
    requireLength(in, labels, "/labels", sampleCount, "entries");
    data.labels = labels.readAll<std::int32_t>(H5T_NATIVE_INT32);

    const h5::Array names = in.open("/classes/names", H5T_STRING, 1);
    const h5::Array embeddings = in.open("/classes/embeddings", H5T_FLOAT, 2);
    if (names.dim(0) != embeddings.dim(0))
        in.fail("/classes/names", "has " + std::to_string(names.dim(0)) + " names for " +
                                      std::to_string(embeddings.dim(0)) + " class embeddings");
    data.classNames = names.readStrings();
    data.classEmbeddings.rows = static_cast<std::int64_t>(embeddings.dim(0));
    data.classEmbeddings.cols = static_cast<std::int64_t>(embeddings.dim(1));
    data.classEmbeddings.values = embeddings.readAll<float>(H5T_NATIVE_FLOAT);

    for (Split s : kAllSplits)
        data.split(s) =
            in.open(splitField(s), H5T_INTEGER, 1).readAll<std::int64_t>(H5T_NATIVE_INT64);

    if (in.exists("/images/paths")) {
        const h5::Array paths = in.open("/images/paths", H5T_STRING, 1);
        requireLength(in, paths, "/images/paths", sampleCount, "paths");
        data.imagePaths = paths.readStrings();
    }
    if (in.exists("/images/pixels")) {
        const h5::Array pixels = in.open("/images/pixels", H5T_INTEGER, 3);
        requireLength(in, pixels, "/images/pixels", sampleCount, "images");
        data.images.count = static_cast<std::int64_t>(pixels.dim(0));
        data.images.height = static_cast<std::int64_t>(pixels.dim(1));
        data.images.width = static_cast<std::int64_t>(pixels.dim(2));
        data.images.values = pixels.readAll<std::uint8_t>(H5T_NATIVE_UINT8);
    }
    data.warnings = readOptionalStrings(in, "/warnings");
}

// Straight into the matrix's own storage: no staging buffer, no second copy.
void readFeatures(const h5::Array& array, FloatMatrix& features, const ProgressCallback& progress)
{
    features.rows = static_cast<std::int64_t>(array.dim(0));
    features.cols = static_cast<std::int64_t>(array.dim(1));
    array.resizeToFit(features.values);
    if (features.values.empty())
        return;
    if (!progress) {
        array.read(H5T_NATIVE_FLOAT, features.values.data());
        return;
    }
    const hsize_t rows = array.dim(0);
    const hsize_t step = blockRows(array.dim(1) * sizeof(float), array.chunkRows());
    for (hsize_t first = 0; first < rows; first += step) {
        const hsize_t n = std::min(step, rows - first);
        array.readRows(H5T_NATIVE_FLOAT, first, n, features.row(static_cast<std::int64_t>(first)));
        progress(static_cast<double>(first + n) / static_cast<double>(rows), "reading features");
    }
}

Dataset readContents(const h5::Reader& in, const ProgressCallback& progress)
{
    checkFormat(in);
    Dataset data;
    if (in.hasAttribute("name"))
        data.name = in.stringAttribute("name");
    if (in.hasAttribute("source"))
        data.source = in.stringAttribute("source");
    const h5::Array features = in.open("/features", H5T_FLOAT, 2);
    readSmallParts(in, features.dim(0), data);
    readFeatures(features, data.features, progress);
    return data;
}

} // namespace

Dataset readDatasetFile(const std::string& path, const ProgressCallback& progress)
{
    Dataset data = readContents(h5::Reader(path), progress);
    validateDataset(data, path);
    return data;
}

void writeDatasetFile(const Dataset& data, const std::string& path,
                      const ProgressCallback& progress)
{
    validateDataset(data, path);
    h5::Writer out(path);
    writeContents(out, data, progress);
    if (progress)
        progress(1.0, "saving and checking");
    out.save();
}

bool isHdf5File(const std::string& path)
{
    return h5::startsWithSignature(path);
}

} // namespace semrel
