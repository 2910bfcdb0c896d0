// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>

#include <array>
#include <cstdint>
#include <vector>

namespace semrel {

// What a class is for in the zero-shot protocol: trained on (seen), a seen class held out to
// tune hyper-parameters (validation), never seen in training (unseen), or in no split at all.
enum class ClassRole { Seen, Validation, Unseen, Unused };

// "seen", "validation", "unseen", "unused": the words of files, the CLI and the views.
const char* classRoleName(ClassRole role);

// The role of every class of a dataset and its sample count in each split. A class is unseen
// when test_unseen has samples of it, else validation when val has, else seen when trainval
// has, else unused.
struct ClassRoles
{
    std::vector<ClassRole> roles;                             // [C]
    std::array<std::vector<std::int64_t>, 5> samplesPerSplit; // [split][C], indexed by Split

    // Unused, or 0, for an index outside [0, C).
    ClassRole role(std::int64_t classIndex) const;
    std::int64_t samples(Split split, std::int64_t classIndex) const;
    bool isIn(Split split, std::int64_t classIndex) const { return samples(split, classIndex) > 0; }
};

// One pass over the splits: O(N + C). Expects a dataset whose labels and split indices are in
// range (validateDataset()); throws std::out_of_range otherwise.
ClassRoles classRoles(const Dataset& data);

} // namespace semrel
