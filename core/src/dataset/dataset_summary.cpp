// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/dataset/dataset_file.h>
#include <semrel/dataset/dataset_summary.h>
#include <semrel/errors.h>
#include <semrel/xlsa17/xlsa17_import.h>

#include <filesystem>

namespace semrel {

DatasetSummary summarizeDataset(const Dataset& data)
{
    DatasetSummary s;
    s.name = data.name;
    s.source = data.source;
    s.samples = data.sampleCount();
    s.featureDim = data.featureDim();
    s.classes = data.classCount();
    s.embeddingDim = data.embeddingDim();
    s.seenClasses = static_cast<std::int64_t>(data.seenClasses().size());
    s.unseenClasses = static_cast<std::int64_t>(data.unseenClasses().size());
    s.valClasses = static_cast<std::int64_t>(data.classesIn(Split::Val).size());
    for (Split split : kAllSplits)
        s.splitSizes[static_cast<int>(split)] = static_cast<std::int64_t>(data.split(split).size());
    s.tuningSplits = tuningSplitCounts(data);
    s.hasImagePaths = !data.imagePaths.empty();
    s.hasImagePixels = !data.images.empty();
    s.warnings = data.warnings;
    return s;
}

std::vector<std::string> datasetInputFiles(const std::string& path)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec))
        return {path};
    const std::filesystem::path folder(path);
    std::vector<std::string> files = {path};
    for (const char* name :
         {"res101.mat", "att_splits.mat", "trainclasses1.txt", "valclasses1.txt"})
        files.push_back((folder / name).string());
    return files;
}

Dataset loadDataset(const std::string& path, const ProgressCallback& progress)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return importXlsa17(path, progress);
    if (!std::filesystem::exists(path, ec))
        throw DataError(path + ": no such file or folder");
    return readDatasetFile(path, progress);
}

} // namespace semrel
