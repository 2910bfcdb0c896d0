// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace semrel::cli {

// How an option's text must look before CLI11 converts it; the ranges are the core's
// (validateConfig(), validateTau(), ...), checked when the verb runs. CLI11 alone takes "010" as
// 8 and "0x10" as 16, and an unsigned option wraps "-1" to 2^64 - 1.

// Decimal digits, optionally after a minus sign.
const CLI::Validator& wholeNumber();
// Decimal digits only: a count, an index or a seed.
const CLI::Validator& naturalNumber();
// A finite decimal number (no "nan", no "inf").
const CLI::Validator& realNumber();

// Adds a check to every option of `app` and its sub-commands that takes a value: the value may
// not be empty (`--sample ""` is a mistake, not 0).
void refuseEmptyValues(CLI::App& app);

// `text` on one line, with control characters shown as escapes: messages quote file names,
// class names and HDF5's own texts, which may hold newlines or terminal escape sequences.
std::string printable(const std::string& text);

// Checks before any long work that `output` may be written (semrel::checkOutputFile) and is none
// of `inputs`; the message names the option.
void checkOutput(const std::string& option, const std::string& output,
                 const std::vector<std::string>& inputs);

} // namespace semrel::cli
