// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// fuzz_mutate: a deterministic mutation fuzzer over the readers of files a user opens (datasets,
// models and checkpoints, MAT v5 and v7.3, xlsa17 imports). It writes valid seed files, then
// for --runs inputs damages one (bit flips, bytes and integers set to edge values, truncation,
// deleted, repeated or zeroed blocks, two seeds spliced) and reads it, counting per target and
// kind of damage how each read ended: accepted unchanged, read with other content, refused
// with a semrel::Error naming the file, or anything else (a bug). Built with
// -fsanitize=address,undefined (the `fuzz` preset) a memory error ends the run with a report;
// a read that takes longer than --timeout seconds is a hang and ends it too. The input being
// read is always in WORK/input.bin; a read that ends the process (a crash inside a library)
// leaves it as WORK/crash-RUN.bin and says which run it was, and --start RUN+1 goes on with the
// same sequence of inputs after it. See docs/ARCHITECTURE.md, "Tests".
//
//   fuzz_mutate --runs 100000 --seed 1 --work /tmp/fuzz [--timeout 30] [--start 0]
//   fuzz_mutate --corpus DIR     (the seeds as the corpus of fuzz_readers, the libFuzzer target)
#include "fuzz_seeds.h"
#include "reader_targets.h"

#if defined(__SANITIZE_ADDRESS__)
#define SEMREL_FUZZ_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SEMREL_FUZZ_ASAN 1
#endif
#endif
#ifdef SEMREL_FUZZ_ASAN
#include <sanitizer/asan_interface.h>
#endif

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <algorithm>
#include <array>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <unistd.h>

using semrel::fuzz::Outcome;
using semrel::fuzz::Seed;

namespace {

enum class Damage {
    BitFlips,
    EdgeBytes,
    EdgeIntegers,
    Truncation,
    Deletion,
    Repetition,
    Zeroing,
    Splice
};
constexpr std::array<Damage, 8> kDamages = {
    Damage::BitFlips, Damage::EdgeBytes,  Damage::EdgeIntegers, Damage::Truncation,
    Damage::Deletion, Damage::Repetition, Damage::Zeroing,      Damage::Splice};

const char* damageName(Damage d)
{
    static const char* const names[] = {"bit flips", "edge bytes", "edge integers", "truncation",
                                        "deletion",  "repetition", "zeroing",       "splice"};
    return names[static_cast<int>(d)];
}

using Bytes = std::string;

Bytes readBytes(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

// Damages `bytes` in one way; `other` is a second seed for splices.
Bytes damage(Bytes bytes, Damage kind, const Bytes& other, std::mt19937_64& random)
{
    auto below = [&](std::size_t n) {
        return n == 0 ? 0 : static_cast<std::size_t>(random() % n);
    };
    const std::size_t size = bytes.size();
    switch (kind) {
    case Damage::BitFlips:
        for (std::size_t k = 1 + below(8); k > 0; --k)
            bytes[below(size)] ^= static_cast<char>(1 << below(8));
        break;
    case Damage::EdgeBytes: {
        static const unsigned char edges[] = {0x00, 0xff, 0x7f, 0x80, 0x01, 0xfe};
        for (std::size_t k = 1 + below(4); k > 0; --k)
            bytes[below(size)] = static_cast<char>(edges[below(sizeof edges)]);
        break;
    }
    case Damage::EdgeIntegers: {
        static const std::uint64_t edges[] = {
            0,          1,          0xffffffffffffffffULL, 0x7fffffff, 0x80000000, 0xffffffff,
            1ULL << 32, 1ULL << 62, 0x7fffffffffffffffULL, 0x10000,    0xfffffffe};
        const std::uint64_t value = edges[below(sizeof edges / sizeof edges[0])];
        const std::size_t width = random() % 2 ? 8 : 4;
        if (size >= width)
            std::memcpy(&bytes[below(size - width + 1)], &value, width);
        break;
    }
    case Damage::Truncation:
        bytes.resize(below(size));
        break;
    case Damage::Deletion: {
        const std::size_t at = below(size);
        bytes.erase(at, 1 + below(std::min<std::size_t>(4096, size - at)));
        break;
    }
    case Damage::Repetition: {
        const std::size_t at = below(size);
        const Bytes block = bytes.substr(at, 1 + below(std::min<std::size_t>(4096, size - at)));
        bytes.insert(below(size), block);
        break;
    }
    case Damage::Zeroing: {
        const std::size_t at = below(size);
        const std::size_t n = 1 + below(std::min<std::size_t>(512, size - at));
        std::fill(bytes.begin() + static_cast<std::ptrdiff_t>(at),
                  bytes.begin() + static_cast<std::ptrdiff_t>(at + n), '\0');
        break;
    }
    case Damage::Splice:
        bytes = bytes.substr(0, below(size)) + other.substr(below(other.size()));
        break;
    }
    return bytes;
}

std::string g_input;
std::string g_hang;
std::string g_work;
volatile long long g_run = -1; // the run being read, for onCrash()

// AddressSanitizer's reports while reading the current input (with halt_on_error=0 and a
// -fsanitize-recover=address build, as the `fuzz` preset makes, the run goes on after one):
// whether any came from our code, or only from inside the HDF5 library.
struct MemoryErrors
{
    bool inOurCode = false;
    bool inHdf5 = false;
};
MemoryErrors g_memoryErrors;

// The first stack frame in HDF5's library or in a source file of ours decides; the sanitizer's
// interceptors (memcpy, strdup, malloc) before it name neither.
#ifdef SEMREL_FUZZ_ASAN
void onSanitizerReport(const char* report)
{
    const std::string text = report;
    for (std::size_t at = text.find("    #"); at != std::string::npos;
         at = text.find("    #", at + 1)) {
        const std::string frame = text.substr(at, text.find('\n', at) - at);
        if (frame.find("libhdf5") != std::string::npos) {
            g_memoryErrors.inHdf5 = true;
            return;
        }
        if (frame.find(".cpp:") != std::string::npos || frame.find(".h:") != std::string::npos) {
            g_memoryErrors.inOurCode = true;
            return;
        }
    }
    g_memoryErrors.inOurCode = true; // unattributed: counted against us
}
#endif

extern "C" void onHang(int)
{
    static const char text[] = "fuzz_mutate: a read took longer than the timeout (a hang); the "
                               "input is kept as hang.bin\n";
    (void)!write(STDERR_FILENO, text, sizeof text - 1);
    rename(g_input.c_str(), g_hang.c_str());
    _exit(3);
}

// Appends `value` in decimal to `out` (async-signal-safe, unlike the printf family).
void appendNumber(char*& out, long long value)
{
    char digits[24];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value > 0);
    while (n > 0)
        *out++ = digits[--n];
}

void appendText(char*& out, const char* text)
{
    while (*text)
        *out++ = *text++;
}

// A fatal signal during a read: keep the input under the run's name, say how to go on, and end
// with the same signal (the exit status shows it).
extern "C" void onCrash(int signal)
{
    static char path[4096];
    static char line[256];
    const long long run = g_run;
    if (g_work.size() < sizeof path - 64) {
        char* out = path;
        appendText(out, g_work.c_str());
        appendText(out, "/crash-");
        appendNumber(out, run);
        appendText(out, ".bin");
        *out = 0;
        rename(g_input.c_str(), path);
    }
    char* out = line;
    appendText(out, "fuzz_mutate: run ");
    appendNumber(out, run);
    appendText(out, " ended the process with signal ");
    appendNumber(out, signal);
    appendText(out, "; its input is WORK/crash-");
    appendNumber(out, run);
    appendText(out, ".bin; go on with --start ");
    appendNumber(out, run + 1);
    appendText(out, "\n");
    (void)!write(STDERR_FILENO, line, static_cast<std::size_t>(out - line));
    std::signal(signal, SIG_DFL);
    raise(signal);
}

// fuzz_readers' inputs: the reader's index in allTargets(), then the file.
int writeCorpus(const std::vector<Seed>& seeds, const std::string& folder)
{
    QDir().mkpath(QString::fromStdString(folder));
    const auto& targets = semrel::fuzz::allTargets();
    for (std::size_t i = 0; i < seeds.size(); ++i) {
        const auto index =
            std::find(targets.begin(), targets.end(), seeds[i].target) - targets.begin();
        QFile file(QString::fromStdString(folder + "/seed-" + std::to_string(i)));
        if (!file.open(QIODevice::WriteOnly))
            return 2;
        file.write(QByteArray(1, static_cast<char>(index)) +
                   QByteArray::fromStdString(readBytes(seeds[i].path)));
    }
    std::printf("wrote %zu seeds to %s\n", seeds.size(), folder.c_str());
    return 0;
}

struct Options
{
    long long runs = 1000;
    long long start = 0; // inputs before this run are made (the sequence stays) but not read
    unsigned long long seed = 1;
    int timeout = 30;
    std::string work = "/tmp/semrel-fuzz";
    std::string corpus; // write the seeds as fuzz_readers' corpus here and stop
};

Options parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--runs")
            o.runs = std::atoll(argv[i + 1]);
        else if (key == "--start")
            o.start = std::atoll(argv[i + 1]);
        else if (key == "--seed")
            o.seed = std::strtoull(argv[i + 1], nullptr, 10);
        else if (key == "--timeout")
            o.timeout = std::atoi(argv[i + 1]);
        else if (key == "--work")
            o.work = argv[i + 1];
        else if (key == "--corpus")
            o.corpus = argv[i + 1];
    }
    return o;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const Options options = parse(argc, argv);
    QDir().mkpath(QString::fromStdString(options.work + "/seeds"));
    const std::vector<Seed> seeds = semrel::fuzz::writeSeeds(options.work + "/seeds");
    if (!options.corpus.empty())
        return writeCorpus(seeds, options.corpus);
    g_input = options.work + "/input.bin";
    g_hang = options.work + "/hang.bin";
    g_work = options.work;
    // The reference digests are taken at the input's own path: an import names its dataset
    // after the folder it reads.
    std::vector<Bytes> contents;
    std::vector<std::string> references;
    for (const Seed& s : seeds) {
        contents.push_back(readBytes(s.path));
        QFile::remove(QString::fromStdString(g_input));
        QFile::copy(QString::fromStdString(s.path), QString::fromStdString(g_input));
        references.push_back(semrel::fuzz::digestOf(s.target, g_input));
    }
    std::signal(SIGALRM, onHang);
    for (int fatal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
        std::signal(fatal, onCrash);
#ifdef SEMREL_FUZZ_ASAN
    __asan_set_error_report_callback(onSanitizerReport);
#endif

    // Per target and damage: counts of each outcome, then of memory errors inside HDF5 and in
    // our code.
    std::map<std::pair<std::string, std::string>, std::array<long long, 6>> tally;
    std::mt19937_64 random(options.seed);
    long long unexpected = 0;
    for (long long run = 0; run < options.runs; ++run) {
        const std::size_t s = static_cast<std::size_t>(random() % seeds.size());
        const Damage kind = kDamages[random() % kDamages.size()];
        const Bytes input = damage(contents[s], kind, contents[random() % contents.size()], random);
        if (run < options.start)
            continue;
        QFile file(QString::fromStdString(g_input));
        if (!file.open(QIODevice::WriteOnly) ||
            file.write(input.data(), static_cast<qint64>(input.size())) !=
                static_cast<qint64>(input.size()))
            return 2;
        file.close();
        std::string message;
        g_memoryErrors = {};
        g_run = run;
        alarm(static_cast<unsigned>(options.timeout));
        Outcome outcome = semrel::fuzz::readAs(seeds[s].target, g_input, references[s], message);
        alarm(0);
        // A refusal must name the file it refuses (the xlsa17 targets may name their partner).
        if (outcome == Outcome::Refused && seeds[s].target != semrel::fuzz::Target::AttSplits &&
            seeds[s].target != semrel::fuzz::Target::Res101 &&
            message.find(g_input) == std::string::npos)
            outcome = Outcome::Unexpected;
        if (outcome == Outcome::Unexpected) {
            ++unexpected;
            const std::string kept = options.work + "/unexpected-" + std::to_string(run) + ".bin";
            QFile::copy(QString::fromStdString(g_input), QString::fromStdString(kept));
            std::fprintf(stderr, "run %lld (%s, %s, %s): %s\n", run, seeds[s].name.c_str(),
                         targetName(seeds[s].target), damageName(kind), message.c_str());
        }
        auto& counts = tally[{targetName(seeds[s].target), damageName(kind)}];
        ++counts[static_cast<std::size_t>(outcome)];
        counts[4] += g_memoryErrors.inHdf5 && !g_memoryErrors.inOurCode;
        counts[5] += g_memoryErrors.inOurCode;
        if (g_memoryErrors.inOurCode) {
            ++unexpected;
            std::fprintf(stderr, "run %lld (%s, %s, %s): a memory error in our code\n", run,
                         seeds[s].name.c_str(), targetName(seeds[s].target), damageName(kind));
        }
        if (g_memoryErrors.inHdf5)
            QFile::copy(QString::fromStdString(g_input),
                        QString::fromStdString(options.work + "/hdf5-memory-error-" +
                                               std::to_string(run) + ".bin"));
    }
    std::printf("%-22s %-13s %9s %9s %9s %9s %9s %9s\n", "target", "damage", "accepted", "changed",
                "refused", "unexpect.", "mem:HDF5", "mem:ours");
    std::array<long long, 6> total{};
    for (const auto& [key, counts] : tally) {
        std::printf("%-22s %-13s", key.first.c_str(), key.second.c_str());
        for (std::size_t i = 0; i < counts.size(); ++i) {
            std::printf(" %9lld", counts[i]);
            total[i] += counts[i];
        }
        std::printf("\n");
    }
    std::printf("%-36s", "all");
    for (long long t : total)
        std::printf(" %9lld", t);
    std::printf("\n");
    return unexpected == 0 ? 0 : 1;
}
