// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Import of an AWA2-sized xlsa17 folder (res101.mat: 2048 x 37322 double features = 611 MB,
// labels, image_files; att_splits.mat: 85 x 50) beside the floor: reading the same bytes with
// plain read() calls, cold (page cache dropped with posix_fadvise) and warm. The peak resident
// memory of one import is measured in a fresh child process against the size of the double
// features. res101.mat is written uncompressed (as the real one is) and, for comparison,
// zlib-compressed. The files stay in /tmp between runs. Not a test.
#include <semrel/xlsa17/xlsa17_import.h>

#include <matio.h>

#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr std::size_t kSamples = 37322;
constexpr std::size_t kFeatureDim = 2048;
constexpr std::size_t kClasses = 50;
constexpr std::size_t kUnseen = 10;
constexpr std::size_t kEmbeddingDim = 85;
constexpr double kDoubleFeaturesMB = kSamples * kFeatureDim * 8.0 / 1e6;

const std::string kRoot = "/tmp/semrel_bench_xlsa17";

std::string folder(bool compressed)
{
    return kRoot + (compressed ? "/AWA2z" : "/AWA2");
}

void writeNumeric(mat_t* file, const char* name, std::size_t rows, std::size_t cols,
                  const std::vector<double>& values, matio_compression compression)
{
    std::size_t dims[2] = {rows, cols};
    matvar_t* v = Mat_VarCreate(name, MAT_C_DOUBLE, MAT_T_DOUBLE, 2, dims,
                                const_cast<double*>(values.data()), MAT_F_DONT_COPY_DATA);
    Mat_VarWrite(file, v, compression);
    Mat_VarFree(v);
}

void writeStrings(mat_t* file, const char* name, const std::vector<std::string>& text,
                  matio_compression compression)
{
    std::size_t dims[2] = {text.size(), 1};
    matvar_t* cell = Mat_VarCreate(name, MAT_C_CELL, MAT_T_CELL, 2, dims, nullptr, 0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::size_t entryDims[2] = {1, text[i].size()};
        Mat_VarSetCell(cell, static_cast<int>(i),
                       Mat_VarCreate(nullptr, MAT_C_CHAR, MAT_T_UINT8, 2, entryDims,
                                     const_cast<char*>(text[i].data()), 0));
    }
    Mat_VarWrite(file, cell, compression);
    Mat_VarFree(cell);
}

void writeRes101(const std::string& path, matio_compression compression)
{
    mat_t* file = Mat_CreateVer(path.c_str(), nullptr, MAT_FT_MAT5);
    std::vector<double> labels(kSamples);
    std::vector<std::string> images(kSamples);
    for (std::size_t i = 0; i < kSamples; ++i) {
        labels[i] = static_cast<double>(i % kClasses + 1);
        images[i] = "/BS/xian/work/data/Animals_with_Attributes2//JPEGImages/class_" +
                    std::to_string(i % kClasses) + "/" + std::to_string(i) + ".jpg";
    }
    writeStrings(file, "image_files", images, compression);
    {
        std::vector<double> features(kSamples * kFeatureDim);
        for (std::size_t i = 0; i < features.size(); ++i)
            features[i] = static_cast<double>(i % 1009) * 0.001;
        writeNumeric(file, "features", kFeatureDim, kSamples, features, compression);
    }
    writeNumeric(file, "labels", kSamples, 1, labels, compression);
    Mat_Close(file);
}

void writeAttSplits(const std::string& path)
{
    mat_t* file = Mat_CreateVer(path.c_str(), nullptr, MAT_FT_MAT5);
    std::vector<double> att(kEmbeddingDim * kClasses);
    std::vector<std::string> names;
    for (std::size_t c = 0; c < kClasses; ++c) {
        names.push_back("class_" + std::to_string(c));
        for (std::size_t j = 0; j < kEmbeddingDim; ++j)
            att[c * kEmbeddingDim + j] = static_cast<double>((c + 1) * (j + 3) % 11 + 1);
    }
    std::vector<double> trainval, train, val, testSeen, testUnseen;
    for (std::size_t i = 0; i < kSamples; ++i) {
        const std::size_t c = i % kClasses;
        const double sample = static_cast<double>(i + 1);
        if (c >= kClasses - kUnseen) {
            testUnseen.push_back(sample);
        } else if ((i / kClasses) % 5 == 0) {
            testSeen.push_back(sample);
        } else {
            trainval.push_back(sample);
            (c < 27 ? train : val).push_back(sample);
        }
    }
    writeNumeric(file, "att", kEmbeddingDim, kClasses, att, MAT_COMPRESSION_ZLIB);
    writeStrings(file, "allclasses_names", names, MAT_COMPRESSION_ZLIB);
    writeNumeric(file, "trainval_loc", trainval.size(), 1, trainval, MAT_COMPRESSION_ZLIB);
    writeNumeric(file, "train_loc", train.size(), 1, train, MAT_COMPRESSION_ZLIB);
    writeNumeric(file, "val_loc", val.size(), 1, val, MAT_COMPRESSION_ZLIB);
    writeNumeric(file, "test_seen_loc", testSeen.size(), 1, testSeen, MAT_COMPRESSION_ZLIB);
    writeNumeric(file, "test_unseen_loc", testUnseen.size(), 1, testUnseen, MAT_COMPRESSION_ZLIB);
    Mat_Close(file);
}

void syncFile(const std::string& path)
{
    // Dirty pages cannot be dropped: get them onto the disk first.
    const int fd = ::open(path.c_str(), O_RDONLY);
    ::fsync(fd);
    ::close(fd);
}

// Written in a child process, so that this process never holds the 611 MB of doubles and its
// resident size stays small for the peak-memory measurement.
void ensureFiles()
{
    static const bool written = [] {
        for (bool compressed : {false, true}) {
            const std::string dir = folder(compressed);
            if (std::filesystem::exists(dir + "/att_splits.mat"))
                continue;
            std::filesystem::create_directories(dir);
            const pid_t child = ::fork();
            if (child == 0) {
                writeRes101(dir + "/res101.mat",
                            compressed ? MAT_COMPRESSION_ZLIB : MAT_COMPRESSION_NONE);
                writeAttSplits(dir + "/att_splits.mat");
                syncFile(dir + "/res101.mat");
                ::_exit(0);
            }
            ::waitpid(child, nullptr, 0);
        }
        return true;
    }();
    (void)written;
}

std::vector<std::string> files(bool compressed)
{
    return {folder(compressed) + "/res101.mat", folder(compressed) + "/att_splits.mat"};
}

void dropPageCache(bool compressed)
{
    for (const std::string& path : files(compressed)) {
        const int fd = ::open(path.c_str(), O_RDONLY);
        if (fd >= 0) {
            ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
            ::close(fd);
        }
    }
}

std::int64_t folderBytes(bool compressed)
{
    std::int64_t bytes = 0;
    for (const std::string& path : files(compressed))
        bytes += static_cast<std::int64_t>(std::filesystem::file_size(path));
    return bytes;
}

// Arguments: cold (page cache dropped before each iteration), compressed res101.mat.
void BM_ImportXlsa17(benchmark::State& state)
{
    ensureFiles();
    const bool cold = state.range(0) != 0;
    const bool compressed = state.range(1) != 0;
    for (auto _ : state) {
        if (cold) {
            state.PauseTiming();
            dropPageCache(compressed);
            state.ResumeTiming();
        }
        const semrel::Dataset data = semrel::importXlsa17(folder(compressed));
        benchmark::DoNotOptimize(data.features.values.data());
    }
    state.SetBytesProcessed(folderBytes(compressed) * state.iterations());
}

// The floor: both files' bytes into one buffer with read(), 4 MiB at a time.
void BM_RawRead(benchmark::State& state)
{
    ensureFiles();
    const bool cold = state.range(0) != 0;
    const bool compressed = state.range(1) != 0;
    std::vector<char> buffer(static_cast<std::size_t>(folderBytes(compressed)));
    for (auto _ : state) {
        if (cold) {
            state.PauseTiming();
            dropPageCache(compressed);
            state.ResumeTiming();
        }
        std::size_t done = 0;
        for (const std::string& path : files(compressed)) {
            const int fd = ::open(path.c_str(), O_RDONLY);
            for (ssize_t n = 1; n > 0 && done < buffer.size(); done += static_cast<std::size_t>(n))
                n = ::read(fd, buffer.data() + done,
                           std::min<std::size_t>(4 << 20, buffer.size() - done));
            ::close(fd);
        }
        benchmark::DoNotOptimize(buffer.data());
    }
    state.SetBytesProcessed(folderBytes(compressed) * state.iterations());
}

// Peak resident memory of one import, in a fresh child: ru_maxrss before and after, in MB,
// beside the 611 MB the features take as doubles (the float32 result takes half of that).
void BM_ImportPeakMemory(benchmark::State& state)
{
    ensureFiles();
    const bool compressed = state.range(0) != 0;
    double before = 0;
    double peak = 0;
    for (auto _ : state) {
        int pipeFds[2];
        if (::pipe(pipeFds) != 0) {
            state.SkipWithError("pipe failed");
            return;
        }
        const pid_t child = ::fork();
        if (child == 0) {
            rusage usage{};
            ::getrusage(RUSAGE_SELF, &usage);
            long kb[2] = {usage.ru_maxrss, 0};
            try {
                const semrel::Dataset data = semrel::importXlsa17(folder(compressed));
                benchmark::DoNotOptimize(data.features.values.data());
            } catch (...) {
                ::_exit(1);
            }
            ::getrusage(RUSAGE_SELF, &usage);
            kb[1] = usage.ru_maxrss;
            ssize_t written = ::write(pipeFds[1], kb, sizeof kb);
            ::_exit(written == static_cast<ssize_t>(sizeof kb) ? 0 : 1);
        }
        ::close(pipeFds[1]);
        long kb[2] = {};
        const ssize_t got = ::read(pipeFds[0], kb, sizeof kb);
        ::close(pipeFds[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        if (got != static_cast<ssize_t>(sizeof kb) || status != 0) {
            state.SkipWithError("the import failed in the child process");
            return;
        }
        before = static_cast<double>(kb[0]) * 1024 / 1e6;
        peak = static_cast<double>(kb[1]) * 1024 / 1e6;
    }
    state.counters["rss_before_MB"] = before;
    state.counters["rss_peak_MB"] = peak;
    state.counters["double_features_MB"] = kDoubleFeaturesMB;
    state.counters["peak_over_double"] = peak / kDoubleFeaturesMB;
}

} // namespace

// First, while this process is still small: the child starts with a copy of its pages.
BENCHMARK(BM_ImportPeakMemory)
    ->ArgName("compressed")
    ->Arg(0)
    ->Arg(1)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
// The import and the plain read run over the same cases, so their rows compare one to one.
static void coldAndCompressedCases(benchmark::internal::Benchmark* b)
{
    b->ArgNames({"cold", "compressed"})
        ->Args({1, 0})
        ->Args({0, 0})
        ->Args({1, 1})
        ->Args({0, 1})
        ->UseRealTime() // cold reads wait on the disk, which CPU time does not see
        ->Unit(benchmark::kMillisecond);
}
BENCHMARK(BM_ImportXlsa17)->Apply(coldAndCompressedCases);
BENCHMARK(BM_RawRead)->Apply(coldAndCompressedCases);

BENCHMARK_MAIN();
