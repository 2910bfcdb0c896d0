// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/model_file/model_state.h>
#include <semrel/progress.h>

#include <memory>
#include <string>

namespace semrel {

// What a user can open: the one place that decides what a path is. A folder is an xlsa17 folder;
// a file is told by its content, the root attribute `format` of the HDF5 file ("semrel-dataset"
// or "semrel-model", docs/FORMATS.md), never by its name or by trying one reader after another.
enum class DocumentKind {
    DatasetFile,  // a native dataset .h5 file
    Xlsa17Folder, // a folder with res101.mat and att_splits.mat, imported on opening
    ModelFile,    // a model (or checkpoint) .h5 file
};

// What opening a path gave: `dataset` for a dataset file or xlsa17 folder, `model` for a model.
struct Document
{
    DocumentKind kind = DocumentKind::DatasetFile;
    std::shared_ptr<const Dataset> dataset;
    std::shared_ptr<const ModelState> model;
};

// Reads only what it takes to tell (one attribute). Throws DataError naming the path when it is
// missing, not HDF5, or an HDF5 file of neither format.
DocumentKind documentKind(const std::string& path);

// Opens `path` as what documentKind() says it is, reading and checking it in full. Progress is
// reported while a dataset is read or imported, and may throw Cancelled to stop it (progress.h);
// a model file is small and read at once. Call from any thread (no Qt).
// Throws DataError (unrecognised file, unusable dataset) or ModelError (unusable model file),
// naming the path and the field.
Document openDocument(const std::string& path, const ProgressCallback& progress = {});

} // namespace semrel
