// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

// The readers the fuzz programs feed (tests/fuzz/): every path by which a file a user opens is
// read. Each target reads the file at `path` completely, as the program would.
namespace semrel::fuzz {

enum class Target {
    DatasetFile, // readDatasetFile()
    ModelFile,   // readModelFile(), checkpoints included
    MatFile,     // openMatFile() and every variable read in full
    AttSplits,   // importXlsa17Files() with this file as att_splits.mat, a valid res101.mat
    Res101,      // importXlsa17Files() with this file as res101.mat, a valid att_splits.mat
};

const std::vector<Target>& allTargets();
const char* targetName(Target target);

// How a read ended. A sanitizer report, a crash or a hang end the process instead.
enum class Outcome {
    Accepted,  // read in full, the same content as the seed it was made from
    Changed,   // read in full, other content (a mutation the format cannot see)
    Refused,   // a semrel::Error naming the file: the contract
    Unexpected // any other exception: a bug
};

// Reads `path` as `target`. `reference` is the unmutated seed's digest (see digestOf), to tell
// Accepted from Changed; `message` receives the error text when refused or unexpected.
Outcome readAs(Target target, const std::string& path, const std::string& reference,
               std::string& message);

// A digest of what reading `path` as `target` gives (empty when it is refused).
std::string digestOf(Target target, const std::string& path);

// Where the valid partner files of the xlsa17 targets are (res101.mat, att_splits.mat).
void setXlsa17Partners(const std::string& res101, const std::string& attSplits);

} // namespace semrel::fuzz
