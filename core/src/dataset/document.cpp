// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "model_file/model_file_layout.h"
#include "storage/hdf5_reader.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/dataset/document.h>
#include <semrel/errors.h>
#include <semrel/model_file/model_file.h>
#include <semrel/xlsa17/xlsa17_import.h>

#include <filesystem>

namespace semrel {

DocumentKind documentKind(const std::string& path)
{
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        return DocumentKind::Xlsa17Folder;
    if (!std::filesystem::exists(path, error))
        throw DataError(path + ": no such file or folder");
    const h5::Reader file(path); // throws for a file that is not HDF5 or cannot be opened
    const std::string expected =
        std::string("'") + kDatasetFormat + "' or '" + model_layout::kFormat + "'";
    if (!file.hasAttribute("format"))
        file.fail("", "has no format attribute (expected " + expected +
                          "): neither a SemRel dataset nor a model file");
    const std::string format = file.stringAttribute("format");
    if (format == kDatasetFormat)
        return DocumentKind::DatasetFile;
    if (format == model_layout::kFormat)
        return DocumentKind::ModelFile;
    file.fail("", "format attribute is '" + format + "', expected " + expected);
}

Document openDocument(const std::string& path, const ProgressCallback& progress)
{
    Document document;
    document.kind = documentKind(path);
    switch (document.kind) {
    case DocumentKind::Xlsa17Folder:
        document.dataset = std::make_shared<const Dataset>(importXlsa17(path, progress));
        break;
    case DocumentKind::DatasetFile:
        document.dataset = std::make_shared<const Dataset>(readDatasetFile(path, progress));
        break;
    case DocumentKind::ModelFile:
        document.model = std::make_shared<const ModelState>(readModelFile(path));
        break;
    }
    return document;
}

} // namespace semrel
