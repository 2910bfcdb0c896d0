// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "option_checks.h"

#include <semrel/errors.h>
#include <semrel/storage/output_file.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace semrel::cli {

namespace {

bool allDigits(const std::string& text, std::size_t from)
{
    if (from >= text.size())
        return false;
    for (std::size_t i = from; i < text.size(); ++i)
        if (text[i] < '0' || text[i] > '9')
            return false;
    return true;
}

} // namespace

const CLI::Validator& wholeNumber()
{
    static const CLI::Validator check(
        [](std::string& text) -> std::string {
            return allDigits(text, text.rfind('-', 0) == 0 ? 1 : 0)
                       ? std::string()
                       : "'" + printable(text) + "' is not a whole number";
        },
        "INT");
    return check;
}

const CLI::Validator& naturalNumber()
{
    static const CLI::Validator check(
        [](std::string& text) -> std::string {
            return allDigits(text, 0) ? std::string()
                                      : "'" + printable(text) + "' is not a whole number >= 0";
        },
        "N");
    return check;
}

const CLI::Validator& realNumber()
{
    static const CLI::Validator check(
        [](std::string& text) -> std::string {
            char* end = nullptr;
            const double value = std::strtod(text.c_str(), &end);
            const bool whole = !text.empty() && end == text.c_str() + text.size();
            return whole && std::isfinite(value) ? std::string()
                                                 : "'" + printable(text) + "' is not a number";
        },
        "NUMBER");
    return check;
}

void refuseEmptyValues(CLI::App& app)
{
    static const CLI::Validator nonEmpty(
        [](std::string& text) -> std::string {
            return text.empty() ? "an empty value is not allowed" : std::string();
        },
        "");
    for (CLI::Option* option : app.get_options())
        if (option->get_type_size() != 0)
            option->check(nonEmpty);
    for (CLI::App* sub : app.get_subcommands({}))
        refuseEmptyValues(*sub);
}

std::string printable(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
        } else if (u < 0x20 || u == 0x7f) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\x%02x", u);
            out += escape;
        } else {
            out += c;
        }
    }
    return out;
}

void checkOutput(const std::string& option, const std::string& output,
                 const std::vector<std::string>& inputs)
{
    try {
        checkOutputFile(output, inputs);
    } catch (const DataError& e) {
        throw DataError(option + ": " + e.what());
    }
}

} // namespace semrel::cli
