// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "mat/mat_file.h"

#include <semrel/matrix.h>
#include <semrel/progress.h>

#include <cstdint>
#include <string>
#include <vector>

// The fields of the xlsa17 files and what they must look like. Messages name the .mat file and
// the MATLAB field, and count rows and columns from 1 as MATLAB does.
namespace semrel::xlsa17 {

// 'att' (a x C) as [C, a]: MATLAB's column-major class columns are our rows, so no transpose.
FloatMatrix readAttributes(mat::MatFile& file);

// 'allclasses_names' (C entries), or "class 1".."class C" with a warning when it is absent.
std::vector<std::string> readClassNames(mat::MatFile& file, std::int64_t classCount,
                                        std::vector<std::string>& warnings);

// Throws when a class column of 'att' is all zero: the method's cosine is undefined for it.
void requireNonZeroClasses(const mat::MatFile& file, const FloatMatrix& attributes,
                           const std::vector<std::string>& names);

// The sample count N of 'features' (d x N), checking its shape before anything is read.
std::int64_t featureSampleCount(const mat::MatFile& file, std::int64_t* featureDim);

// 'labels' (N entries, 1-based rows of allclasses_names), returned 0-based.
std::vector<std::int32_t> readLabels(mat::MatFile& file, std::int64_t sampleCount,
                                     std::int64_t classCount);

// A '*_loc' vector of 1-based sample numbers, returned 0-based. `samplesOrigin` names the file
// the samples come from.
std::vector<std::int64_t> readSampleIndices(mat::MatFile& file, const std::string& field,
                                            std::int64_t sampleCount,
                                            const std::string& samplesOrigin);

// 'image_files' (N entries), or nothing with a warning when it is absent.
std::vector<std::string> readImagePaths(mat::MatFile& file, std::int64_t sampleCount,
                                        std::vector<std::string>& warnings);

// 'features' (d x N) as [N, d] float32, streamed with progress from `from` to `to`.
FloatMatrix readFeatures(mat::MatFile& file, const ProgressCallback& progress, double from,
                         double to);

} // namespace semrel::xlsa17
