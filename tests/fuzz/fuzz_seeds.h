// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "reader_targets.h"

#include <string>
#include <vector>

namespace semrel::fuzz {

// A valid file the mutations start from, and the reader it is meant for.
struct Seed
{
    std::string name;
    std::string path;
    Target target;
    std::string digest; // what reading it unmutated gives (digestOf)
};

// Writes the seed files into `folder` with the project's own writers (datasets, models,
// checkpoints) and matio (MAT v5, v5 compressed and v7.3 xlsa17 files), checks that each reads,
// and sets the xlsa17 targets' partner files.
std::vector<Seed> writeSeeds(const std::string& folder);

} // namespace semrel::fuzz
