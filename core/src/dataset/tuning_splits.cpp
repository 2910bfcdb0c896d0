// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/random.h"

#include <semrel/dataset/tuning_splits.h>
#include <semrel/errors.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace semrel {

namespace {

// A stream of its own, so that the holdout's draw does not move with the training's.
constexpr std::uint64_t kHoldoutStream = 0x686f6c646f7574ULL; // "holdout"

std::vector<char> trainvalMask(const Dataset& data)
{
    std::vector<char> in(static_cast<std::size_t>(data.sampleCount()), 0);
    for (std::int64_t i : data.split(Split::Trainval))
        in[static_cast<std::size_t>(i)] = 1;
    return in;
}

std::vector<std::int64_t> restricted(const std::vector<std::int64_t>& rows,
                                     const std::vector<char>& keep)
{
    std::vector<std::int64_t> out;
    out.reserve(rows.size());
    for (std::int64_t i : rows)
        if (keep[static_cast<std::size_t>(i)])
            out.push_back(i);
    return out;
}

} // namespace

const char* tuningSplitsName(TuningSplits splits)
{
    return splits == TuningSplits::Raw ? "raw" : "trainval";
}

TuningSplits tuningSplitsFromName(const std::string& name)
{
    if (name == "trainval")
        return TuningSplits::Trainval;
    if (name == "raw")
        return TuningSplits::Raw;
    throw Error("unknown tuning splits '" + name + "': expected trainval or raw");
}

TuningRows tuningRows(const Dataset& data, TuningSplits splits, double holdoutFraction,
                      std::uint64_t seed)
{
    if (!(holdoutFraction >= 0.0 && holdoutFraction <= 0.9))
        throw Error("seen holdout must be in [0, 0.9], found " + std::to_string(holdoutFraction));
    TuningRows rows;
    std::vector<std::int64_t> train = data.split(Split::Train);
    rows.validation = data.split(Split::Val);
    if (splits == TuningSplits::Trainval) {
        const std::vector<char> keep = trainvalMask(data);
        train = restricted(train, keep);
        rows.validation = restricted(rows.validation, keep);
    }
    std::map<std::int32_t, std::vector<std::int64_t>> byClass;
    for (std::int64_t i : train)
        byClass[data.labels[static_cast<std::size_t>(i)]].push_back(i);
    SplitMix random(mixSeed(seed, kHoldoutStream));
    std::vector<char> held(static_cast<std::size_t>(data.sampleCount()), 0);
    for (auto& [label, members] : byClass) {
        const auto wanted = static_cast<std::size_t>(
            std::lround(holdoutFraction * static_cast<double>(members.size())));
        const std::size_t count = std::min(wanted, members.size() - 1);
        random.shuffle(members);
        for (std::size_t k = 0; k < count; ++k)
            held[static_cast<std::size_t>(members[k])] = 1;
    }
    for (std::int64_t i : train)
        (held[static_cast<std::size_t>(i)] ? rows.seenHoldout : rows.fit).push_back(i);
    return rows;
}

TuningSplitCounts tuningSplitCounts(const Dataset& data)
{
    const std::vector<char> keep = trainvalMask(data);
    TuningSplitCounts counts;
    counts.train = static_cast<std::int64_t>(data.split(Split::Train).size());
    counts.val = static_cast<std::int64_t>(data.split(Split::Val).size());
    counts.trainInTrainval =
        static_cast<std::int64_t>(restricted(data.split(Split::Train), keep).size());
    counts.valInTrainval =
        static_cast<std::int64_t>(restricted(data.split(Split::Val), keep).size());
    return counts;
}

} // namespace semrel
