// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>

#include <cstdint>
#include <string>
#include <vector>

namespace semrel {

// IDX files (the MNIST / Fashion-MNIST format), plain or gzip-compressed: a big-endian magic
// number 0x000008nn (unsigned bytes, nn dimensions), nn big-endian uint32 sizes, then the bytes.

// Reads an image file (magic 0x00000803: [count, height, width] unsigned bytes).
// Throws DataError naming the file and the field (magic number, a size, truncated data).
ImagePixels readIdxImages(const std::string& path);

// Reads a label file (magic 0x00000801: [count] unsigned bytes). Throws DataError.
std::vector<std::uint8_t> readIdxLabels(const std::string& path);

} // namespace semrel
