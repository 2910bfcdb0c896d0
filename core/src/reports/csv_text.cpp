// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "reports/csv_text.h"

#include "storage/pending_file.h"

#include <semrel/errors.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace semrel::csv {

std::string quoted(const std::string& text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

std::string number(double value)
{
    if (std::isnan(value))
        return {};
    char text[32];
    std::snprintf(text, sizeof text, "%.8g", value);
    return text;
}

void writeFile(const std::string& path, const std::string& text)
{
    PendingFile pending(path);
    std::FILE* file = std::fopen(pending.path().c_str(), "wb");
    if (!file)
        throw DataError(path + ": could not open for writing (" + std::strerror(errno) + ")");
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size() &&
                         std::fflush(file) == 0 && std::ferror(file) == 0;
    const int error = errno;
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed)
        throw DataError(path + ": could not write the file (" +
                        std::strerror(written ? errno : error) + ")");
    pending.commit();
}

} // namespace semrel::csv
