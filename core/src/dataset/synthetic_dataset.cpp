// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/errors.h>
#include <semrel/storage/input_file.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <unordered_map>

namespace semrel {

namespace {

// std::normal_distribution's output is implementation-defined; a Box-Muller over the
// standard-defined mt19937_64 keeps the data identical across standard libraries.
class Gaussian
{
public:
    explicit Gaussian(std::uint64_t seed) : m_engine(seed) {}
    double operator()()
    {
        const double u1 = (static_cast<double>(m_engine() >> 11) + 0.5) * 0x1.0p-53;
        const double u2 = static_cast<double>(m_engine() >> 11) * 0x1.0p-53;
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    std::uint64_t raw() { return m_engine(); }

private:
    std::mt19937_64 m_engine;
};

// The hidden map applied to one class embedding: the noise-free centre of its features.
void classSignal(const FloatMatrix& map, const float* embedding, std::vector<double>& signal)
{
    for (std::int64_t f = 0; f < map.rows; ++f) {
        double sum = 0.0;
        for (std::int64_t a = 0; a < map.cols; ++a)
            sum += map.at(f, a) * embedding[a];
        signal[static_cast<std::size_t>(f)] = sum;
    }
}

} // namespace

void validateSyntheticSpec(const SyntheticSpec& s)
{
    auto require = [](bool ok, const std::string& what) {
        if (!ok)
            throw DataError("synthetic dataset: " + what);
    };
    require(s.classNames.empty() || static_cast<int>(s.classNames.size()) == s.classCount,
            std::to_string(s.classNames.size()) + " class names for " +
                std::to_string(s.classCount) + " classes");
    require(s.classCount >= 2 && s.classCount <= kMaxSyntheticClasses,
            "the class count must be in [2, " + std::to_string(kMaxSyntheticClasses) + "]");
    require(s.unseenClassCount >= 1 && s.unseenClassCount < s.classCount,
            "there must be at least one unseen and one seen class");
    require(s.valClassCount >= 0 && s.valClassCount < s.classCount - s.unseenClassCount,
            "the validation classes must be fewer than the seen classes");
    require(s.samplesPerClass >= 2 && s.samplesPerClass <= kMaxSyntheticSamplesPerClass,
            "the samples per class must be in [2, " + std::to_string(kMaxSyntheticSamplesPerClass) +
                "]");
    require(s.featureDim >= 1 && s.featureDim <= kMaxSyntheticDimension && s.embeddingDim >= 1 &&
                s.embeddingDim <= kMaxSyntheticDimension,
            "the feature and attribute dimensions must be in [1, " +
                std::to_string(kMaxSyntheticDimension) + "]");
    const double values = static_cast<double>(s.classCount) * s.samplesPerClass * s.featureDim;
    require(values <= static_cast<double>(kMaxSyntheticValues),
            "classes x samples x features must be at most " + std::to_string(kMaxSyntheticValues) +
                " (found " + std::to_string(static_cast<long long>(values)) + ")");
    require(std::isfinite(s.noise) && s.noise >= 0, "the noise must be a number >= 0");
    require(std::isfinite(s.testSeenFraction) && s.testSeenFraction >= 0 && s.testSeenFraction < 1,
            "the test_seen fraction must be in [0, 1)");
}

Dataset makeSyntheticDataset(const SyntheticSpec& spec)
{
    validateSyntheticSpec(spec);
    Gaussian gauss(spec.seed);
    Dataset data;
    data.name = "synthetic";
    data.source = "generated (seed " + std::to_string(spec.seed) + ")";

    // Class embeddings: positive "attribute strengths" like the xlsa17 attribute tables.
    data.classEmbeddings = FloatMatrix(spec.classCount, spec.embeddingDim);
    for (float& v : data.classEmbeddings.values)
        v = static_cast<float>(std::abs(gauss()));
    data.classNames = spec.classNames;
    for (int c = static_cast<int>(data.classNames.size()); c < spec.classCount; ++c)
        data.classNames.push_back("class " + std::to_string(c));

    // The hidden map from embedding to feature space, scaled so that the signal has unit std.
    FloatMatrix map(spec.featureDim, spec.embeddingDim);
    const double scale = 1.0 / std::sqrt(static_cast<double>(spec.embeddingDim));
    for (float& v : map.values)
        v = static_cast<float>(gauss() * scale);

    const std::int64_t n = static_cast<std::int64_t>(spec.classCount) * spec.samplesPerClass;
    data.features = FloatMatrix(n, spec.featureDim);
    data.labels.resize(static_cast<std::size_t>(n));
    const int seenCount = spec.classCount - spec.unseenClassCount;
    const int testSeenPerClass =
        static_cast<int>(std::round(spec.testSeenFraction * spec.samplesPerClass));
    // Samples come class by class: the signal is computed once per class, not per sample.
    std::vector<double> signal(static_cast<std::size_t>(spec.featureDim));
    for (std::int64_t i = 0; i < n; ++i) {
        const int c = static_cast<int>(i / spec.samplesPerClass);
        const int k = static_cast<int>(i % spec.samplesPerClass);
        if (k == 0)
            classSignal(map, data.classEmbeddings.row(c), signal);
        data.labels[static_cast<std::size_t>(i)] = c;
        float* row = data.features.row(i);
        for (int f = 0; f < spec.featureDim; ++f)
            row[f] = static_cast<float>(signal[static_cast<std::size_t>(f)] + spec.noise * gauss());
        const bool unseen = c >= seenCount;
        const bool isVal = !unseen && c >= seenCount - spec.valClassCount;
        if (unseen) {
            data.split(Split::TestUnseen).push_back(i);
        } else if (k < testSeenPerClass) {
            data.split(Split::TestSeen).push_back(i);
        } else {
            data.split(Split::Trainval).push_back(i);
            data.split(isVal ? Split::Val : Split::Train).push_back(i);
        }
    }
    validateDataset(data, "synthetic dataset");
    return data;
}

std::vector<std::string> readClassNamesFile(const std::string& path)
{
    std::error_code ignored;
    if (std::filesystem::exists(path, ignored))
        requireRegularFile(path); // opening a FIFO would block forever
    std::ifstream in(path);
    if (!in)
        throw DataError(path + ": cannot read the class names file");
    std::vector<std::string> names;
    std::unordered_map<std::string, int> lineOf;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::size_t first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos)
            continue;
        const std::string name = line.substr(first, line.find_last_not_of(" \t\r") - first + 1);
        const auto [it, fresh] = lineOf.emplace(name, number);
        if (!fresh)
            throw DataError(path + ": line " + std::to_string(number) + " names class '" + name +
                            "' again (first on line " + std::to_string(it->second) + ")");
        names.push_back(name);
    }
    if (in.bad())
        throw DataError(path + ": reading the class names failed");
    if (names.empty())
        throw DataError(path + ": names no class (one name per line expected)");
    return names;
}

} // namespace semrel
