// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "reader_targets.h"

#include "mat/mat_file.h"
#include "model_file/model_checksum.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/errors.h>
#include <semrel/model_file/model_file.h>
#include <semrel/model_file/model_state.h>
#include <semrel/xlsa17/xlsa17_import.h>

#include <cstdint>
#include <cstring>

namespace semrel::fuzz {

namespace {

std::string g_res101;
std::string g_attSplits;

// Variables larger than this are left unread: a mutated header may claim any size, and the
// readers' own checks against the file size are what is tested, not the machine's memory.
constexpr std::uint64_t kMaxElements = std::uint64_t{1} << 24;

std::string digestOfDataset(const Dataset& d)
{
    std::string text = d.name + '\n' + d.source + '\n';
    text.append(reinterpret_cast<const char*>(d.features.values.data()),
                d.features.values.size() * sizeof(float));
    text.append(reinterpret_cast<const char*>(d.labels.data()), d.labels.size() * 4);
    for (const std::string& n : d.classNames)
        text += n + '\n';
    text.append(reinterpret_cast<const char*>(d.classEmbeddings.values.data()),
                d.classEmbeddings.values.size() * sizeof(float));
    for (const auto& split : d.splits)
        text.append(reinterpret_cast<const char*>(split.data()), split.size() * 8) += '|';
    for (const std::string& p : d.imagePaths)
        text += p + '\n';
    for (const std::string& w : d.warnings)
        text += w + '\n';
    return text;
}

std::string digestOfMat(const std::string& path)
{
    const std::unique_ptr<mat::MatFile> file = mat::openMatFile(path);
    std::string text;
    for (const mat::VariableInfo& v : file->variables()) {
        text += v.name + ':' + v.matlabClass + ':' + v.shapeText() + '\n';
        if (v.count() > kMaxElements)
            continue;
        if (v.isNumeric() && !v.complex) {
            const std::vector<double> values = file->readNumeric(v.name);
            text.append(reinterpret_cast<const char*>(values.data()), values.size() * 8);
            std::vector<float> floats(static_cast<std::size_t>(v.count()));
            file->readFloats(v.name, floats.data(), {});
        } else if (v.isCell()) {
            for (const std::string& s : file->readStrings(v.name))
                text += s + '\n';
        }
    }
    return text;
}

std::string digest(Target target, const std::string& path)
{
    switch (target) {
    case Target::DatasetFile:
        return digestOfDataset(readDatasetFile(path));
    case Target::ModelFile:
        return std::to_string(modelChecksum(readModelFile(path)));
    case Target::MatFile:
        return digestOfMat(path);
    case Target::AttSplits:
        return digestOfDataset(importXlsa17Files(g_res101, path));
    case Target::Res101:
        return digestOfDataset(importXlsa17Files(path, g_attSplits));
    }
    return {};
}

} // namespace

const std::vector<Target>& allTargets()
{
    static const std::vector<Target> targets = {Target::DatasetFile, Target::ModelFile,
                                                Target::MatFile, Target::AttSplits, Target::Res101};
    return targets;
}

const char* targetName(Target target)
{
    switch (target) {
    case Target::DatasetFile:
        return "dataset file";
    case Target::ModelFile:
        return "model file";
    case Target::MatFile:
        return "MAT file";
    case Target::AttSplits:
        return "xlsa17 att_splits.mat";
    case Target::Res101:
        return "xlsa17 res101.mat";
    }
    return "?";
}

void setXlsa17Partners(const std::string& res101, const std::string& attSplits)
{
    g_res101 = res101;
    g_attSplits = attSplits;
}

std::string digestOf(Target target, const std::string& path)
{
    try {
        return digest(target, path);
    } catch (const std::exception&) {
        return {};
    }
}

Outcome readAs(Target target, const std::string& path, const std::string& reference,
               std::string& message)
{
    try {
        return digest(target, path) == reference ? Outcome::Accepted : Outcome::Changed;
    } catch (const Error& e) {
        message = e.what();
        return Outcome::Refused;
    } catch (const std::exception& e) {
        message = e.what();
        return Outcome::Unexpected;
    }
}

} // namespace semrel::fuzz
