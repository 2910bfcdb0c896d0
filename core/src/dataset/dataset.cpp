// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/dataset/dataset.h>
#include <semrel/errors.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>
#include <sstream>
#include <unordered_map>

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

// A class whose every sample has an all-zero feature row carries no information, and is what a
// file whose writing failed part-way reads as (unwritten chunks read back as zeros).
void validateFeatureContent(const Dataset& data, const std::string& origin)
{
    std::vector<char> informative(static_cast<std::size_t>(data.classCount()), 0);
    std::vector<char> present(informative.size(), 0);
    for (std::int64_t r = 0; r < data.sampleCount(); ++r) {
        const auto c = static_cast<std::size_t>(data.labels[static_cast<std::size_t>(r)]);
        present[c] = 1;
        if (informative[c])
            continue;
        const float* row = data.features.row(r);
        informative[c] = std::any_of(row, row + data.featureDim(), [](float v) { return v != 0; });
    }
    for (std::size_t c = 0; c < present.size(); ++c)
        if (present[c] && !informative[c])
            fail(origin, "/features",
                 "is all zero for every sample of class " +
                     className(data, static_cast<std::int32_t>(c)) +
                     ": the features carry nothing (a file whose writing failed reads so)");
}

// A hash of a feature row, eight bytes at a time (only to find candidates; rows are compared).
std::uint64_t rowHash(const float* row, std::size_t bytes)
{
    std::uint64_t hash = 0x9e3779b97f4a7c15ULL;
    const auto* p = reinterpret_cast<const unsigned char*>(row);
    for (std::size_t i = 0; i < bytes; i += sizeof(std::uint64_t)) {
        std::uint64_t word = 0;
        std::memcpy(&word, p + i, std::min(sizeof word, bytes - i));
        hash = (hash ^ word) * 0xff51afd7ed558ccdULL;
        hash ^= hash >> 32;
    }
    return hash;
}

// test_seen measures GZSL's seen accuracy on held-out images: a sample also in trainval, or a
// test_seen that repeats trainval's feature rows, would measure training samples instead.
void requireHeldOut(const Dataset& data, const std::string& origin)
{
    const auto& trainval = data.split(Split::Trainval);
    const auto& testSeen = data.split(Split::TestSeen);
    const std::set<std::int64_t> training(trainval.begin(), trainval.end());
    for (std::int64_t index : testSeen)
        if (training.count(index))
            fail(origin, "/splits/test_seen",
                 "lists sample " + std::to_string(index) +
                     ", which '/splits/trainval' lists too: test samples must be held out");
    if (testSeen.empty())
        return;
    const auto rowBytes = static_cast<std::size_t>(data.featureDim()) * sizeof(float);
    auto sameRow = [&](std::int64_t a, std::int64_t b) {
        return std::memcmp(data.features.row(a), data.features.row(b), rowBytes) == 0;
    };
    // The usual answer comes cheap: rows of different images differ in their first values, so
    // one pass of comparisons finds that test_seen's first row is no training row.
    if (std::none_of(trainval.begin(), trainval.end(),
                     [&](std::int64_t t) { return sameRow(t, testSeen.front()); }))
        return;
    std::unordered_multimap<std::uint64_t, std::int64_t> trainingRows;
    trainingRows.reserve(trainval.size());
    for (std::int64_t index : trainval)
        trainingRows.emplace(rowHash(data.features.row(index), rowBytes), index);
    for (std::int64_t index : testSeen) {
        const auto range = trainingRows.equal_range(rowHash(data.features.row(index), rowBytes));
        if (std::none_of(range.first, range.second,
                         [&](const auto& entry) { return sameRow(entry.second, index); }))
            return;
    }
    fail(origin, "/splits/test_seen",
         "repeats training samples: every one of its feature rows is also a row of "
         "'/splits/trainval', so its accuracy would measure training samples");
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
    requireHeldOut(data, origin);
}

} // namespace

void validateDataset(const Dataset& data, const std::string& origin)
{
    validateShapes(data, origin);
    validateValues(data, origin);
    validateClassNames(data.classNames, origin);
    validateFeatureContent(data, origin);
    validateSplits(data, origin);
}

// Names identify classes in files, tables and models: each one non-empty, printable (a control
// character would break a line of output or hide text, and HDF5 strings end at a NUL) and
// different from every other.
void validateClassNames(const std::vector<std::string>& names, const std::string& origin,
                        const std::string& field)
{
    std::set<std::string> seen;
    for (std::size_t c = 0; c < names.size(); ++c) {
        const std::string& name = names[c];
        if (name.empty())
            fail(origin, field, "has an empty name at class " + std::to_string(c));
        const auto control = std::find_if(name.begin(), name.end(), [](char ch) {
            const auto u = static_cast<unsigned char>(ch);
            return u < 0x20 || u == 0x7f;
        });
        if (control != name.end())
            fail(origin, field,
                 "has a control character (code " +
                     std::to_string(static_cast<unsigned char>(*control)) +
                     ") in the name of class " + std::to_string(c) +
                     ": names must be printable text");
        if (!seen.insert(name).second)
            fail(origin, field, "names two classes '" + name + "': every class needs its own name");
    }
}

void requireSampleIndex(const Dataset& data, std::int64_t index, const std::string& origin)
{
    if (index < 0 || index >= data.sampleCount())
        throw DataError(std::to_string(index) + " is not a sample of " + origin + " (it has " +
                        std::to_string(data.sampleCount()) + ", numbered from 0)");
}

} // namespace semrel
