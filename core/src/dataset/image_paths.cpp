// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/dataset/image_paths.h>

#include <algorithm>

namespace semrel {

namespace {

std::string collapseSlashes(const std::string& path)
{
    std::string out;
    out.reserve(path.size());
    for (char c : path)
        if (!(c == '/' && !out.empty() && out.back() == '/'))
            out.push_back(c);
    return out;
}

} // namespace

std::string commonFolderPrefix(const std::vector<std::string>& paths)
{
    if (paths.empty())
        return {};
    std::size_t length = paths.front().size();
    for (const std::string& p : paths) {
        const auto mismatch = std::mismatch(
            paths.front().begin(),
            paths.front().begin() + static_cast<std::ptrdiff_t>(std::min(length, p.size())),
            p.begin());
        length = static_cast<std::size_t>(mismatch.first - paths.front().begin());
    }
    // Cut back to a whole folder: "/data/cat_1.jpg" and "/data/cow_2.jpg" share "/data/c".
    const std::size_t slash = paths.front().rfind('/', length == 0 ? 0 : length - 1);
    if (slash == std::string::npos || length == 0)
        return {};
    return paths.front().substr(0, slash + 1);
}

std::string remapImagePath(const std::string& path, const std::string& prefix,
                           const std::string& imageRoot)
{
    if (imageRoot.empty())
        return path;
    std::string rest;
    if (!prefix.empty() && path.compare(0, prefix.size(), prefix) == 0)
        rest = path.substr(prefix.size());
    else if (!path.empty() && path.front() == '/')
        return path;
    else
        rest = path;
    return collapseSlashes(imageRoot + "/" + rest);
}

} // namespace semrel
