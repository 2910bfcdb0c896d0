// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/progress.h>

#include <string>

namespace semrel {

// The native dataset format (docs/FORMATS.md): one HDF5 file, readable with h5py or h5dump.

// The root attribute `format` of a dataset file.
inline constexpr const char* kDatasetFormat = "semrel-dataset";

// Reads and validates a dataset file. Throws DataError naming the file and the field.
// `progress` is called after every block of about 16 MB of features and may throw Cancelled
// (cancellableProgress()) to stop the read.
Dataset readDatasetFile(const std::string& path, const ProgressCallback& progress = {});

// Writes `data` to `path` atomically: the bytes go to a temporary file beside it that is renamed
// over `path` only when complete, so an existing file is never left half-written.
// Validates first; throws DataError.
void writeDatasetFile(const Dataset& data, const std::string& path,
                      const ProgressCallback& progress = {});

// True when the file starts with the HDF5 signature (cheap; does not validate the contents).
bool isHdf5File(const std::string& path);

} // namespace semrel
