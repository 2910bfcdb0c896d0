// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "data_directory.h"

#include <system_error>

// Set by app/CMakeLists.txt: paths relative to the program's folder, and a file name.
#ifndef SEMREL_DATA_FROM_INSTALLED_PROGRAM
#error "SEMREL_DATA_FROM_INSTALLED_PROGRAM must be defined (e.g. ../share/semrel-studio)"
#endif
#ifndef SEMREL_DATA_FROM_BUILT_PROGRAM
#error "SEMREL_DATA_FROM_BUILT_PROGRAM must be defined (e.g. ../resources)"
#endif
#ifndef SEMREL_DEMO_DATASET_FILE
#error "SEMREL_DEMO_DATASET_FILE must be defined (e.g. fashion-mnist-demo.h5)"
#endif

namespace semrel::app {

namespace fs = std::filesystem;

namespace {

bool isDirectory(const fs::path& path)
{
    std::error_code error;
    return fs::is_directory(path, error);
}

fs::path existingFile(const fs::path& path)
{
    std::error_code error;
    return !path.empty() && fs::is_regular_file(path, error) ? path : fs::path();
}

} // namespace

fs::path dataDirectoryFor(const fs::path& executable)
{
    const fs::path folder = executable.parent_path();
    for (const char* relative :
         {SEMREL_DATA_FROM_INSTALLED_PROGRAM, SEMREL_DATA_FROM_BUILT_PROGRAM}) {
        const fs::path candidate = (folder / relative).lexically_normal();
        if (isDirectory(candidate))
            return candidate;
    }
    return {};
}

fs::path runningExecutable()
{
    std::error_code error;
    const fs::path path = fs::read_symlink("/proc/self/exe", error);
    return error ? fs::path() : path;
}

fs::path dataDirectory()
{
    const fs::path executable = runningExecutable();
    return executable.empty() ? fs::path() : dataDirectoryFor(executable);
}

fs::path demoDatasetPath()
{
    const fs::path data = dataDirectory();
    return data.empty() ? data : existingFile(data / "demo" / SEMREL_DEMO_DATASET_FILE);
}

fs::path demoAttributeTablePath()
{
    const fs::path data = dataDirectory();
    return data.empty() ? data : existingFile(data / "fashion_mnist_attributes.csv");
}

} // namespace semrel::app
