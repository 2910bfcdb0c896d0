// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/runs/run_record.h>

#include <string>

namespace semrel {

// A run record as the text of its JSON file (docs/FORMATS.md, "Run records"): format
// "semrel-run", version 1. NaN (not measured) is written as null.
std::string runToJson(const RunRecord& record);

// Parses and checks a run file's text. Throws Error naming the field that is missing or wrong.
RunRecord runFromJson(const std::string& text);

} // namespace semrel
