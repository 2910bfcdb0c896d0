// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "mat/mat_file.h"
#include "xlsa17/xlsa17_fields.h"
#include "xlsa17/xlsa17_splits.h"

#include <semrel/errors.h>
#include <semrel/xlsa17/xlsa17_import.h>

#include <filesystem>

namespace semrel {

namespace {

namespace fs = std::filesystem;

std::string folderOf(const std::string& path)
{
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

std::string folderName(const std::string& folder)
{
    fs::path p = fs::absolute(fs::path(folder)).lexically_normal();
    if (!p.has_filename())
        p = p.parent_path(); // "AWA2/" normalises to "AWA2/" with an empty file name
    return p.filename().string();
}

void report(const ProgressCallback& progress, double fraction, const std::string& stage)
{
    if (progress)
        progress(fraction, stage);
}

// The class side: embeddings, names, and nothing that needs the samples yet.
void readClassSide(mat::MatFile& att, Dataset& data)
{
    data.classEmbeddings = xlsa17::readAttributes(att);
    data.classNames = xlsa17::readClassNames(att, data.classCount(), data.warnings);
    xlsa17::requireNonZeroClasses(att, data.classEmbeddings, data.classNames);
}

void readSplits(mat::MatFile& att, const std::string& res101Path, std::int64_t samples,
                Dataset& data)
{
    const bool hasTrain = att.find("train_loc") != nullptr;
    const bool hasVal = att.find("val_loc") != nullptr;
    if (hasTrain != hasVal)
        throw DataError(att.path() + ": has no variable '" + (hasTrain ? "val_loc" : "train_loc") +
                        "' although it has '" + (hasTrain ? "train_loc" : "val_loc") + "'");
    for (Split split : kAllSplits) {
        if ((split == Split::Train || split == Split::Val) && !hasTrain)
            continue;
        data.split(split) =
            xlsa17::readSampleIndices(att, xlsa17::locField(split), samples, res101Path);
    }
    if (!hasTrain)
        xlsa17::deriveTrainVal(data, folderOf(att.path()), att.path());
}

} // namespace

Dataset importXlsa17Files(const std::string& res101Path, const std::string& attSplitsPath,
                          const ProgressCallback& progress)
{
    Dataset data;
    const std::string folder = folderOf(attSplitsPath);
    data.name = folderName(folder);
    data.source = "xlsa17:" + fs::absolute(fs::path(folder)).lexically_normal().string();
    if (data.source.size() > 8 && data.source.back() == '/')
        data.source.pop_back();

    report(progress, 0.0, "reading att_splits.mat");
    const std::unique_ptr<mat::MatFile> att = mat::openMatFile(attSplitsPath);
    readClassSide(*att, data);

    // Everything but the features is small: check it all before the heavy read.
    report(progress, 0.01, "reading res101.mat");
    const std::unique_ptr<mat::MatFile> res = mat::openMatFile(res101Path);
    std::int64_t featureDim = 0;
    const std::int64_t samples = xlsa17::featureSampleCount(*res, &featureDim);
    data.labels = xlsa17::readLabels(*res, samples, data.classCount());
    readSplits(*att, res101Path, samples, data);
    xlsa17::checkSplitClasses(data, attSplitsPath);
    data.imagePaths = xlsa17::readImagePaths(*res, samples, data.warnings);

    data.features = xlsa17::readFeatures(*res, progress, 0.02, 0.98);
    report(progress, 0.99, "checking the dataset");
    // A last guard with the native format's checks; the ones above already name .mat fields.
    validateDataset(data, attSplitsPath);
    report(progress, 1.0, "done");
    return data;
}

Dataset importXlsa17(const std::string& directory, const ProgressCallback& progress)
{
    const fs::path folder(directory);
    return importXlsa17Files((folder / "res101.mat").string(), (folder / "att_splits.mat").string(),
                             progress);
}

} // namespace semrel
