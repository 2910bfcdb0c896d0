// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace semrel::csv {

// The pieces of the CSV tables the core writes (RFC 4180: comma-separated, one header row,
// text in double quotes with quotes doubled, '\n' line ends, UTF-8).

// `text` in double quotes, its quotes doubled.
std::string quoted(const std::string& text);
// A number with 8 significant digits; NaN ("not measured") is an empty cell, which
// spreadsheets and pandas read as missing.
std::string number(double value);

// Writes `text` to `path` atomically (PendingFile): every write is checked, and on any failure
// the target is left as it was. Throws DataError naming `path`.
void writeFile(const std::string& path, const std::string& text);

} // namespace semrel::csv
