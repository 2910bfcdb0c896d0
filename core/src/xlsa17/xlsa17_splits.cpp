// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "xlsa17/xlsa17_splits.h"

#include <semrel/errors.h>
#include <semrel/storage/input_file.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

namespace semrel::xlsa17 {

std::string locField(Split split)
{
    return std::string(splitName(split)) + "_loc";
}

namespace {

std::string classText(const Dataset& data, std::int32_t c)
{
    return "'" + data.classNames[static_cast<std::size_t>(c)] + "'";
}

std::string trimmed(const std::string& line)
{
    const std::size_t begin = line.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos)
        return {};
    const std::size_t end = line.find_last_not_of(" \t\r\n");
    return line.substr(begin, end - begin + 1);
}

// The classes a list file names, as flags over the classes. Throws when a name is unknown.
std::vector<char> readClassList(const std::string& path, const Dataset& data,
                                const std::string& attSplitsPath)
{
    std::map<std::string, std::int32_t> index;
    for (std::size_t c = 0; c < data.classNames.size(); ++c)
        index.emplace(data.classNames[c], static_cast<std::int32_t>(c));
    requireRegularFile(path);
    std::ifstream in(path);
    if (!in)
        throw DataError(path + ": cannot be read");
    std::vector<char> listed(data.classNames.size(), 0);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        const std::string name = trimmed(line);
        if (name.empty())
            continue;
        const auto found = index.find(name);
        if (found == index.end())
            throw DataError(path + ": line " + std::to_string(number) + " names class '" + name +
                            "', which is not in allclasses_names of " + attSplitsPath);
        listed[static_cast<std::size_t>(found->second)] = 1;
    }
    return listed;
}

bool exists(const std::string& path)
{
    // stat(), not an open: a FIFO named so must not make the import wait.
    std::error_code error;
    return std::filesystem::exists(path, error);
}

} // namespace

void deriveTrainVal(Dataset& data, const std::string& folder, const std::string& attSplitsPath)
{
    const std::string trainList = folder + "/trainclasses1.txt";
    const std::string valList = folder + "/valclasses1.txt";
    auto& train = data.split(Split::Train);
    auto& val = data.split(Split::Val);
    train.clear();
    val.clear();
    if (!exists(trainList) || !exists(valList)) {
        train = data.split(Split::Trainval);
        data.warnings.push_back("att_splits.mat has no train_loc/val_loc and there is no "
                                "trainclasses1.txt/valclasses1.txt beside it: train = trainval, "
                                "the validation split is left empty");
        return;
    }
    const std::vector<char> inTrain = readClassList(trainList, data, attSplitsPath);
    const std::vector<char> inVal = readClassList(valList, data, attSplitsPath);
    for (std::size_t c = 0; c < inVal.size(); ++c)
        if (inVal[c] && inTrain[c])
            throw DataError(valList + ": class " + classText(data, static_cast<std::int32_t>(c)) +
                            " is also in trainclasses1.txt");
    for (std::int64_t i : data.split(Split::Trainval)) {
        const auto c = static_cast<std::size_t>(data.labels[static_cast<std::size_t>(i)]);
        if (inTrain[c])
            train.push_back(i);
        else if (inVal[c])
            val.push_back(i);
    }
    data.warnings.push_back("att_splits.mat has no train_loc/val_loc; derived them from the "
                            "trainval samples of the classes in trainclasses1.txt and "
                            "valclasses1.txt");
}

void checkSplitClasses(const Dataset& data, const std::string& attSplitsPath)
{
    const auto fail = [&](Split split, const std::string& what) {
        throw DataError(attSplitsPath + ": '" + locField(split) + "' " + what);
    };
    const std::vector<std::int32_t> seen = data.classesIn(Split::Trainval);
    const auto isSeen = [&](std::int32_t c) {
        return std::binary_search(seen.begin(), seen.end(), c);
    };
    if (data.split(Split::Trainval).empty())
        fail(Split::Trainval, "is empty: there is nothing to train on");
    if (data.split(Split::TestUnseen).empty())
        fail(Split::TestUnseen, "is empty: there are no unseen classes to test on");
    for (std::int32_t c : data.classesIn(Split::TestUnseen))
        if (isSeen(c))
            fail(Split::TestUnseen, "mixes seen and unseen classes: class " + classText(data, c) +
                                        " also has samples in 'trainval_loc'");
    for (Split part : {Split::TestSeen, Split::Train, Split::Val})
        for (std::int32_t c : data.classesIn(part))
            if (!isSeen(c))
                fail(part, "mixes seen and unseen classes: class " + classText(data, c) +
                               " has no samples in 'trainval_loc'");
    const std::vector<std::int32_t> trainClasses = data.classesIn(Split::Train);
    for (std::int32_t c : data.classesIn(Split::Val))
        if (std::binary_search(trainClasses.begin(), trainClasses.end(), c))
            fail(Split::Val, "shares class " + classText(data, c) +
                                 " with 'train_loc': validation classes must be held out");
}

} // namespace semrel::xlsa17
