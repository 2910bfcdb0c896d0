// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

// The real xlsa17 class files (att_splits.mat and the class lists of the release, under
// SEMREL_SHARED_DATA), read with matio rather than the reader under test, and folders of their
// layout with generated features: the real splits, classes and attributes; res101.mat made up.
namespace semrel::test {

// The class side of a real att_splits.mat.
struct RealClassSide
{
    std::map<std::string, std::vector<long>> locs; // 1-based, as stored
    std::vector<std::string> names;                // empty for FLO
    long classCount = 0;
    long attributeCount = 0;
    std::vector<double> att; // column-major [attributeCount, classCount], as stored
};

bool readRealClassSide(const QString& path, RealClassSide& out);

// The samples the locs name (the largest 1-based index).
long sampleCountOf(const RealClassSide& real);

// Class indices (0-based) of the train, val and unseen classes from the release's class lists;
// FLO has none, so any partition of its 102 classes will do.
struct ClassGroups
{
    std::vector<int> train, val, unseen;
};
ClassGroups classGroups(const QString& folder, const RealClassSide& real);

// 1-based labels for N samples that agree with the real splits: each sample gets a class of its
// group, round robin, trainval samples first so every class has training samples.
std::vector<double> labelsFor(const RealClassSide& real, const ClassGroups& groups, long n);

// Writes into `target` a res101.mat whose labels agree with the real att_splits.mat of
// `realFolder` and whose features (d = featureDim) are a fixed random linear map of each
// sample's class attributes plus Gaussian noise of std `noise` (seeded), and copies
// att_splits.mat and the class lists. What such a folder can and cannot show: docs/REPRODUCTION.md.
// Returns false when the real files cannot be read.
bool writeGeneratedXlsa17Folder(const QString& realFolder, const QString& target, int featureDim,
                                double noise, std::uint32_t seed);

} // namespace semrel::test
