// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <filesystem>

namespace semrel::app {

// Where the programs find their shared data (the demo dataset and extractor, the demo's
// attribute table), worked out from where the program itself lies, so that no absolute path is
// compiled in and the same binary works in the build tree, installed, and in a moved prefix:
//   <prefix>/bin/semrel      -> <prefix>/share/semrel-studio   (installed; checked first)
//   <build>/app/semrel       -> <build>/resources              (the build tree)
// The data directory holds demo/<demo dataset file> and fashion_mnist_attributes.csv
// (docs/ARCHITECTURE.md, "Installation").

// The data directory for a program at `executable` (an absolute path), or an empty path when
// neither candidate is a directory.
std::filesystem::path dataDirectoryFor(const std::filesystem::path& executable);

// The running program's own path (/proc/self/exe, symbolic links resolved); empty if unknown.
std::filesystem::path runningExecutable();

// dataDirectoryFor(runningExecutable()).
std::filesystem::path dataDirectory();

// The demo dataset in the data directory, or an empty path when it is not there.
std::filesystem::path demoDatasetPath();

// The demo's class-attribute table in the data directory, or an empty path when it is not there.
std::filesystem::path demoAttributeTablePath();

} // namespace semrel::app
