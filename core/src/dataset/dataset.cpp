// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/dataset/dataset.h>
#include <semrel/errors.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace semrel {

const char* splitName(Split split)
{
    switch (split) {
    case Split::Trainval:
        return "trainval";
    case Split::Train:
        return "train";
    case Split::Val:
        return "val";
    case Split::TestSeen:
        return "test_seen";
    case Split::TestUnseen:
        return "test_unseen";
    }
    return "?";
}

std::vector<std::int32_t> Dataset::classesIn(Split s) const
{
    std::vector<char> present(static_cast<std::size_t>(std::max<std::int64_t>(classCount(), 0)));
    for (std::int64_t index : split(s)) {
        const std::int32_t label = labels.at(static_cast<std::size_t>(index));
        present.at(static_cast<std::size_t>(label)) = 1;
    }
    std::vector<std::int32_t> classes;
    for (std::size_t c = 0; c < present.size(); ++c)
        if (present[c])
            classes.push_back(static_cast<std::int32_t>(c));
    return classes;
}

std::vector<std::int64_t> Dataset::samplesPerClass(Split s) const
{
    std::vector<std::int64_t> counts(static_cast<std::size_t>(classCount()), 0);
    for (std::int64_t index : split(s))
        ++counts.at(static_cast<std::size_t>(labels.at(static_cast<std::size_t>(index))));
    return counts;
}

namespace {

[[noreturn]] void fail(const std::string& origin, const std::string& field, const std::string& what)
{
    throw DataError(origin + ": '" + field + "' " + what);
}

void requireFinite(const FloatMatrix& m, const std::string& origin, const std::string& field)
{
    for (std::int64_t r = 0; r < m.rows; ++r) {
        const float* row = m.row(r);
        for (std::int64_t c = 0; c < m.cols; ++c) {
            if (!std::isfinite(row[c])) {
                std::ostringstream what;
                what << "has a non-finite value (" << row[c] << ") at row " << r << ", column "
                     << c;
                fail(origin, field, what.str());
            }
        }
    }
}

std::string className(const Dataset& data, std::int32_t c)
{
    if (c >= 0 && static_cast<std::size_t>(c) < data.classNames.size())
        return "'" + data.classNames[static_cast<std::size_t>(c)] + "'";
    return std::to_string(c);
}

void requireSubset(const Dataset& data, Split part, Split whole, const std::string& origin)
{
    const std::vector<std::int32_t> wholeClasses = data.classesIn(whole);
    for (std::int32_t c : data.classesIn(part)) {
        if (!std::binary_search(wholeClasses.begin(), wholeClasses.end(), c))
            fail(origin, std::string("/splits/") + splitName(part),
                 "has samples of class " + className(data, c) + ", which has no samples in '" +
                     splitName(whole) + "'");
    }
}

void requireDisjoint(const Dataset& data, Split a, Split b, const std::string& origin)
{
    const std::vector<std::int32_t> classesA = data.classesIn(a);
    for (std::int32_t c : data.classesIn(b)) {
        if (std::binary_search(classesA.begin(), classesA.end(), c))
            fail(origin, std::string("/splits/") + splitName(b),
                 std::string("mixes seen and unseen classes: class ") + className(data, c) +
                     " is in both '" + splitName(a) + "' and '" + splitName(b) + "'");
    }
}

void validateShapes(const Dataset& data, const std::string& origin)
{
    if (data.features.rows == 0 || data.features.cols == 0)
        fail(origin, "/features", "is empty");
    if (static_cast<std::int64_t>(data.features.values.size()) !=
        data.features.rows * data.features.cols)
        fail(origin, "/features", "has a size that does not match its shape");
    if (static_cast<std::int64_t>(data.labels.size()) != data.sampleCount())
        fail(origin, "/labels",
             "has " + std::to_string(data.labels.size()) +
                 " entries, expected one per feature row (" + std::to_string(data.sampleCount()) +
                 ")");
    if (data.classEmbeddings.rows == 0 || data.classEmbeddings.cols == 0)
        fail(origin, "/classes/embeddings", "is empty");
    if (static_cast<std::int64_t>(data.classNames.size()) != data.classCount())
        fail(origin, "/classes/names",
             "has " + std::to_string(data.classNames.size()) + " names for " +
                 std::to_string(data.classCount()) + " class embeddings");
    if (!data.imagePaths.empty() &&
        static_cast<std::int64_t>(data.imagePaths.size()) != data.sampleCount())
        fail(origin, "/images/paths",
             "has " + std::to_string(data.imagePaths.size()) + " paths for " +
                 std::to_string(data.sampleCount()) + " samples");
    if (!data.images.empty() && (data.images.count != data.sampleCount() ||
                                 static_cast<std::int64_t>(data.images.values.size()) !=
                                     data.images.count * data.images.height * data.images.width))
        fail(origin, "/images/pixels", "does not hold one image per sample");
}

void validateValues(const Dataset& data, const std::string& origin)
{
    requireFinite(data.features, origin, "/features");
    requireFinite(data.classEmbeddings, origin, "/classes/embeddings");
    for (std::size_t i = 0; i < data.labels.size(); ++i) {
        if (data.labels[i] < 0 || data.labels[i] >= data.classCount())
            fail(origin, "/labels",
                 "has label " + std::to_string(data.labels[i]) + " at sample " + std::to_string(i) +
                     ", outside the " + std::to_string(data.classCount()) + " classes");
    }
    for (std::int64_t c = 0; c < data.classCount(); ++c) {
        const float* row = data.classEmbeddings.row(c);
        if (std::all_of(row, row + data.embeddingDim(), [](float v) { return v == 0.0f; }))
            fail(origin, "/classes/embeddings",
                 "is all zero for class " + className(data, static_cast<std::int32_t>(c)) +
                     ": cosine similarity is undefined for it");
    }
}

void validateSplits(const Dataset& data, const std::string& origin)
{
    for (Split s : kAllSplits) {
        const std::string field = std::string("/splits/") + splitName(s);
        std::set<std::int64_t> seen;
        for (std::int64_t index : data.split(s)) {
            if (index < 0 || index >= data.sampleCount())
                fail(origin, field,
                     "has sample index " + std::to_string(index) + ", outside the " +
                         std::to_string(data.sampleCount()) + " samples");
            if (!seen.insert(index).second)
                fail(origin, field, "lists sample " + std::to_string(index) + " twice");
        }
    }
    if (data.split(Split::Trainval).empty())
        fail(origin, "/splits/trainval", "is empty: there is nothing to train on");
    if (data.split(Split::TestUnseen).empty())
        fail(origin, "/splits/test_unseen", "is empty: there are no unseen classes to test on");
    requireDisjoint(data, Split::Trainval, Split::TestUnseen, origin);
    requireSubset(data, Split::TestSeen, Split::Trainval, origin);
    requireSubset(data, Split::Train, Split::Trainval, origin);
    requireSubset(data, Split::Val, Split::Trainval, origin);
    if (!data.split(Split::Val).empty())
        requireDisjoint(data, Split::Train, Split::Val, origin);
}

} // namespace

void validateDataset(const Dataset& data, const std::string& origin)
{
    validateShapes(data, origin);
    validateValues(data, origin);
    validateSplits(data, origin);
}

} // namespace semrel
