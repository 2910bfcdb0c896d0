// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// fuzz_readers: the libFuzzer target over the same readers as fuzz_mutate (clang only, the
// `fuzz` preset with SEMREL_FUZZ=ON). The first byte picks the reader, the rest is the file.
// Seeds: the files fuzz_mutate writes to WORK/seeds, each prefixed with its reader's byte.
// A semrel::Error is the expected end of a bad input; any other exception aborts, so libFuzzer
// reports it like a sanitizer finding.
#include "fuzz_seeds.h"
#include "reader_targets.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {

std::string g_folder;
std::string g_input;

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    static int argc = 1;
    static char name[] = "fuzz_readers";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    char pattern[] = "/tmp/semrel-libfuzzer-XXXXXX";
    g_folder = mkdtemp(pattern);
    g_input = g_folder + "/input.bin";
    semrel::fuzz::writeSeeds(g_folder); // also sets the xlsa17 targets' partners
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const auto& targets = semrel::fuzz::allTargets();
    const semrel::fuzz::Target target = targets[data[0] % targets.size()];
    std::FILE* file = std::fopen(g_input.c_str(), "wb");
    if (!file)
        std::abort();
    std::fwrite(data + 1, 1, size - 1, file);
    std::fclose(file);
    std::string message;
    if (semrel::fuzz::readAs(target, g_input, {}, message) == semrel::fuzz::Outcome::Unexpected) {
        std::fprintf(stderr, "fuzz_readers: not a semrel::Error: %s\n", message.c_str());
        std::abort();
    }
    return 0;
}
