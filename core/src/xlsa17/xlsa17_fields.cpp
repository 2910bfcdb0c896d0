// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "xlsa17/xlsa17_fields.h"

#include <semrel/errors.h>

#include <algorithm>
#include <cmath>
#include <new>
#include <sstream>

namespace semrel::xlsa17 {

namespace {

[[noreturn]] void fail(const mat::MatFile& file, const std::string& field, const std::string& what)
{
    throw DataError(file.path() + ": '" + field + "' " + what);
}

std::string number(double value)
{
    std::ostringstream text;
    text << value;
    return text.str();
}

const mat::VariableInfo& requireField(const mat::MatFile& file, const std::string& field)
{
    const mat::VariableInfo* info = file.find(field);
    if (!info)
        throw DataError(file.path() + ": has no variable '" + field + "'");
    return *info;
}

// A 2-D numeric array; trailing singleton dimensions are allowed, as MATLAB drops them itself.
const mat::VariableInfo& requireMatrix(const mat::MatFile& file, const std::string& field)
{
    const mat::VariableInfo& info = requireField(file, field);
    if (!info.isNumeric() || info.complex)
        fail(file, field,
             "is a " + std::string(info.complex ? "complex " : "") + info.matlabClass +
                 " array, expected real numbers");
    for (std::size_t i = 2; i < info.dims.size(); ++i)
        if (info.dims[i] != 1)
            fail(file, field, "is " + info.shapeText() + ", expected a 2-D matrix");
    return info;
}

// n x 1, 1 x n or empty: MATLAB writes index lists either way round.
std::uint64_t requireVector(const mat::MatFile& file, const std::string& field)
{
    const mat::VariableInfo& info = requireMatrix(file, field);
    if (info.dims.size() < 2 || (info.dims[0] > 1 && info.dims[1] > 1))
        fail(file, field, "is " + info.shapeText() + ", expected a vector");
    return info.count();
}

std::string baseName(const std::string& path)
{
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

FloatMatrix readAttributes(mat::MatFile& file)
{
    const mat::VariableInfo& info = requireMatrix(file, "att");
    if (info.count() == 0)
        fail(file, "att", "is empty (" + info.shapeText() + ")");
    const std::vector<double> values = file.readNumeric("att");
    const auto dim = static_cast<std::int64_t>(info.dims[0]);
    FloatMatrix attributes(static_cast<std::int64_t>(info.dims[1]), dim);
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i]) || std::fabs(values[i]) > 3.0e38)
            fail(file, "att",
                 "has a non-finite value (" + number(values[i]) + ") at row " +
                     std::to_string(i % dim + 1) + ", column " + std::to_string(i / dim + 1));
        attributes.values[i] = static_cast<float>(values[i]);
    }
    return attributes;
}

std::vector<std::string> readClassNames(mat::MatFile& file, std::int64_t classCount,
                                        std::vector<std::string>& warnings)
{
    const std::string field = "allclasses_names";
    if (!file.find(field)) {
        std::vector<std::string> names;
        for (std::int64_t c = 1; c <= classCount; ++c)
            names.push_back("class " + std::to_string(c));
        warnings.push_back(baseName(file.path()) +
                           " has no 'allclasses_names'; classes are named \"class 1\" to \"class " +
                           std::to_string(classCount) + "\"");
        return names;
    }
    const mat::VariableInfo& info = *file.find(field);
    const mat::VariableInfo& att = *file.find("att");
    if (info.isCell() && static_cast<std::int64_t>(info.count()) != classCount)
        throw DataError(file.path() + ": 'att' is " + att.shapeText() + " but " + field + " has " +
                        std::to_string(info.count()) + " entries");
    std::vector<std::string> names = file.readStrings(field);
    for (std::size_t c = 0; c < names.size(); ++c)
        if (names[c].empty())
            fail(file, field, "entry " + std::to_string(c + 1) + " is empty");
    return names;
}

void requireNonZeroClasses(const mat::MatFile& file, const FloatMatrix& attributes,
                           const std::vector<std::string>& names)
{
    for (std::int64_t c = 0; c < attributes.rows; ++c) {
        const float* row = attributes.row(c);
        if (std::all_of(row, row + attributes.cols, [](float v) { return v == 0.0f; }))
            fail(file, "att",
                 "column " + std::to_string(c + 1) + " (class '" +
                     names[static_cast<std::size_t>(c)] +
                     "') is all zero: cosine similarity is undefined for it");
    }
}

std::int64_t featureSampleCount(const mat::MatFile& file, std::int64_t* featureDim)
{
    const mat::VariableInfo& info = requireMatrix(file, "features");
    if (info.dims.size() < 2 || info.count() == 0)
        fail(file, "features", "is empty (" + info.shapeText() + ")");
    *featureDim = static_cast<std::int64_t>(info.dims[0]);
    return static_cast<std::int64_t>(info.dims[1]);
}

std::vector<std::int32_t> readLabels(mat::MatFile& file, std::int64_t sampleCount,
                                     std::int64_t classCount)
{
    const std::uint64_t count = requireVector(file, "labels");
    if (static_cast<std::int64_t>(count) != sampleCount)
        fail(file, "labels",
             "has " + std::to_string(count) + " entries but 'features' has " +
                 std::to_string(sampleCount) + " columns (samples)");
    const std::vector<double> values = file.readNumeric("labels");
    std::vector<std::int32_t> labels(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double v = values[i];
        if (!(v >= 1 && v <= static_cast<double>(classCount)) || v != std::floor(v))
            fail(file, "labels",
                 "has value " + number(v) + " at row " + std::to_string(i + 1) +
                     ", but allclasses_names has " + std::to_string(classCount) + " classes");
        labels[i] = static_cast<std::int32_t>(v) - 1;
    }
    return labels;
}

std::vector<std::int64_t> readSampleIndices(mat::MatFile& file, const std::string& field,
                                            std::int64_t sampleCount,
                                            const std::string& samplesOrigin)
{
    requireVector(file, field);
    const std::vector<double> values = file.readNumeric(field);
    std::vector<std::int64_t> indices(values.size());
    std::vector<char> listed(static_cast<std::size_t>(sampleCount), 0);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double v = values[i];
        if (!(v >= 1 && v <= static_cast<double>(sampleCount)) || v != std::floor(v))
            fail(file, field,
                 "has value " + number(v) + " at row " + std::to_string(i + 1) + ", but " +
                     baseName(samplesOrigin) + " has " + std::to_string(sampleCount) + " samples");
        indices[i] = static_cast<std::int64_t>(v) - 1;
        char& seen = listed[static_cast<std::size_t>(indices[i])];
        if (seen)
            fail(file, field,
                 "lists sample " + number(v) + " twice (again at row " + std::to_string(i + 1) +
                     ")");
        seen = 1;
    }
    return indices;
}

std::vector<std::string> readImagePaths(mat::MatFile& file, std::int64_t sampleCount,
                                        std::vector<std::string>& warnings)
{
    const mat::VariableInfo* info = file.find("image_files");
    if (!info) {
        warnings.push_back(baseName(file.path()) +
                           " has no 'image_files'; the dataset has no image paths");
        return {};
    }
    if (info->isCell() && static_cast<std::int64_t>(info->count()) != sampleCount)
        fail(file, "image_files",
             "has " + std::to_string(info->count()) + " entries but 'features' has " +
                 std::to_string(sampleCount) + " columns (samples)");
    return file.readStrings("image_files");
}

FloatMatrix readFeatures(mat::MatFile& file, const ProgressCallback& progress, double from,
                         double to)
{
    std::int64_t dim = 0;
    const std::int64_t samples = featureSampleCount(file, &dim);
    file.requirePlausibleCount("features");
    FloatMatrix features;
    try {
        features = FloatMatrix(samples, dim);
    } catch (const std::bad_alloc&) {
        fail(file, "features",
             "(" + std::to_string(dim) + " x " + std::to_string(samples) +
                 ") does not fit in memory as float32");
    }
    const double total = static_cast<double>(samples) * static_cast<double>(dim);
    file.readFloats(
        "features", features.values.data(),
        [&](const float* values, std::uint64_t first, std::uint64_t n) {
            for (std::uint64_t i = 0; i < n; ++i) {
                if (std::isfinite(values[i]))
                    continue;
                const std::uint64_t at = first + i;
                fail(file, "features",
                     "has a non-finite value (" + number(values[i]) + ") at row " +
                         std::to_string(at % static_cast<std::uint64_t>(dim) + 1) + ", column " +
                         std::to_string(at / static_cast<std::uint64_t>(dim) + 1) +
                         (std::isinf(values[i]) ? " (or one too large for float32)" : ""));
            }
            if (progress)
                progress(from + (to - from) * static_cast<double>(first + n) / total,
                         "reading features");
        });
    return features;
}

} // namespace semrel::xlsa17
