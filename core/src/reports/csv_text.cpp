// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "reports/csv_text.h"

#include "storage/pending_file.h"

#include <semrel/errors.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>

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
    pending.write(text.data(), text.size());
    // Read back from the disk before the rename, as every file written is (docs/FORMATS.md).
    pending.commit([&text](const std::string& written) {
        std::ifstream in(written, std::ios::binary);
        const std::string back((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        if (back != text)
            throw DataError("it holds " + std::to_string(back.size()) + " bytes, " +
                            std::to_string(text.size()) + " were written");
    });
}

} // namespace semrel::csv
