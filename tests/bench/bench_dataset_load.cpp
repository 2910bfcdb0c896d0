// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Load time of an AWA2-sized dataset file (37322 x 2048 float32 features, 50 classes, a = 85)
// beside the floor: reading the same file's bytes with plain read() calls. Each is measured cold
// (page cache dropped with posix_fadvise before every iteration) and warm. Not a test.
#include <semrel/dataset/dataset_file.h>

#include <benchmark/benchmark.h>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

constexpr std::int64_t kSamples = 37322;
constexpr std::int64_t kFeatureDim = 2048;
constexpr std::int64_t kClasses = 50;
constexpr std::int64_t kUnseen = 10;
constexpr std::int64_t kEmbeddingDim = 85;

const std::string kPath = "/tmp/semrel_bench_awa2.h5";

// Built directly: the synthetic generator is too slow at this size, and the values only need to
// be finite and not constant.
semrel::Dataset awa2SizedDataset()
{
    semrel::Dataset data;
    data.name = "AWA2-sized";
    data.source = "bench_dataset_load";
    data.features = semrel::FloatMatrix(kSamples, kFeatureDim);
    for (std::size_t i = 0; i < data.features.values.size(); ++i)
        data.features.values[i] = static_cast<float>(i % 1009) * 0.001f;
    data.classEmbeddings = semrel::FloatMatrix(kClasses, kEmbeddingDim);
    for (std::int64_t c = 0; c < kClasses; ++c) {
        data.classNames.push_back("class_" + std::to_string(c));
        for (std::int64_t j = 0; j < kEmbeddingDim; ++j)
            data.classEmbeddings.at(c, j) = static_cast<float>((c + 1) * (j + 3) % 11 + 1);
    }
    for (std::int64_t i = 0; i < kSamples; ++i) {
        const auto c = static_cast<std::int32_t>(i % kClasses);
        data.labels.push_back(c);
        if (c >= kClasses - kUnseen) {
            data.split(semrel::Split::TestUnseen).push_back(i);
        } else if ((i / kClasses) % 5 == 0) {
            data.split(semrel::Split::TestSeen).push_back(i);
        } else {
            data.split(semrel::Split::Trainval).push_back(i);
            data.split(c < 27 ? semrel::Split::Train : semrel::Split::Val).push_back(i);
        }
    }
    return data;
}

void ensureFile()
{
    static const bool written = [] {
        if (!std::filesystem::exists(kPath)) {
            semrel::writeDatasetFile(awa2SizedDataset(), kPath);
            // Dirty pages cannot be dropped: get them onto the disk first.
            const int fd = ::open(kPath.c_str(), O_RDONLY);
            ::fsync(fd);
            ::close(fd);
        }
        return true;
    }();
    (void)written;
}

void dropPageCache()
{
    const int fd = ::open(kPath.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

double fileBytes()
{
    return static_cast<double>(std::filesystem::file_size(kPath));
}

void setRate(benchmark::State& state)
{
    state.SetBytesProcessed(static_cast<std::int64_t>(fileBytes()) * state.iterations());
}

// Argument: 1 = cold (page cache dropped before each iteration), 0 = warm.
void BM_ReadDatasetFile(benchmark::State& state)
{
    ensureFile();
    const bool cold = state.range(0) != 0;
    for (auto _ : state) {
        if (cold) {
            state.PauseTiming();
            dropPageCache();
            state.ResumeTiming();
        }
        const semrel::Dataset data = semrel::readDatasetFile(kPath);
        benchmark::DoNotOptimize(data.features.values.data());
    }
    setRate(state);
}

// The same with a progress callback: the features move in blocks of whole chunks.
void BM_ReadDatasetFileWithProgress(benchmark::State& state)
{
    ensureFile();
    int calls = 0;
    for (auto _ : state) {
        const semrel::Dataset data =
            semrel::readDatasetFile(kPath, [&](double, const std::string&) { ++calls; });
        benchmark::DoNotOptimize(data.features.values.data());
    }
    benchmark::DoNotOptimize(calls);
    setRate(state);
}

// The floor: the file's bytes into a buffer with read(), 4 MiB at a time.
void BM_RawRead(benchmark::State& state)
{
    ensureFile();
    const bool cold = state.range(0) != 0;
    std::vector<char> buffer(static_cast<std::size_t>(fileBytes()));
    for (auto _ : state) {
        if (cold) {
            state.PauseTiming();
            dropPageCache();
            state.ResumeTiming();
        }
        const int fd = ::open(kPath.c_str(), O_RDONLY);
        std::size_t done = 0;
        for (ssize_t n = 1; n > 0 && done < buffer.size(); done += static_cast<std::size_t>(n))
            n = ::read(fd, buffer.data() + done,
                       std::min<std::size_t>(4 << 20, buffer.size() - done));
        ::close(fd);
        benchmark::DoNotOptimize(buffer.data());
    }
    setRate(state);
}

// The floor for a loader that returns new memory: a fresh buffer (first-touch page faults
// included), warm cache.
void BM_RawReadIntoFreshBuffer(benchmark::State& state)
{
    ensureFile();
    const auto size = static_cast<std::size_t>(fileBytes());
    for (auto _ : state) {
        std::vector<char> buffer(size);
        const int fd = ::open(kPath.c_str(), O_RDONLY);
        std::size_t done = 0;
        for (ssize_t n = 1; n > 0 && done < size; done += static_cast<std::size_t>(n))
            n = ::read(fd, buffer.data() + done, std::min<std::size_t>(4 << 20, size - done));
        ::close(fd);
        benchmark::DoNotOptimize(buffer.data());
    }
    setRate(state);
}

// The share of the load spent checking values (NaN, label range, splits) after reading.
void BM_ValidateDataset(benchmark::State& state)
{
    const semrel::Dataset data = awa2SizedDataset();
    for (auto _ : state)
        semrel::validateDataset(data, kPath);
    state.SetBytesProcessed(static_cast<std::int64_t>(data.features.values.size() * 4) *
                            state.iterations());
}

} // namespace

// Real time, not CPU time, sets the rates: a cold read spends its time waiting for the disk.
BENCHMARK(BM_ReadDatasetFile)
    ->ArgName("cold")
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_RawRead)
    ->ArgName("cold")
    ->Arg(1)
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_RawReadIntoFreshBuffer)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ReadDatasetFileWithProgress)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ValidateDataset)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
