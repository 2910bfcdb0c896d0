// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/dataset/attribute_table.h>
#include <semrel/errors.h>
#include <semrel/storage/input_file.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace semrel {

namespace {

std::string trimmed(const std::string& text)
{
    const auto begin = text.find_first_not_of(" \t\r");
    if (begin == std::string::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r");
    return text.substr(begin, end - begin + 1);
}

// The table is plain comma-separated text without quoting: names never contain commas.
std::vector<std::string> splitFields(const std::string& line)
{
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, ','))
        fields.push_back(trimmed(field));
    if (!line.empty() && line.back() == ',')
        fields.emplace_back();
    return fields;
}

ClassRole parseRole(const std::string& text, const std::string& where)
{
    if (text == "train")
        return ClassRole::Seen;
    if (text == "val")
        return ClassRole::Validation;
    if (text == "unseen")
        return ClassRole::Unseen;
    throw DataError(where + ": the role is '" + text + "', expected train, val or unseen");
}

float parseStrength(const std::string& text, const std::string& where)
{
    errno = 0;
    char* end = nullptr;
    const float value = std::strtof(text.c_str(), &end);
    if (text.empty() || *end != '\0' || errno != 0 || !std::isfinite(value))
        throw DataError(where + " is '" + text + "', expected a number");
    if (value < 0.0f || value > 1.0f)
        throw DataError(where + " is " + text + ", expected a strength from 0 to 1");
    return value;
}

std::vector<std::string> readHeader(std::istream& in, const std::string& path)
{
    std::string line;
    if (!std::getline(in, line))
        throw DataError(path +
                        ": the file is empty, expected a header 'class,role,<attribute>...'");
    const std::vector<std::string> header = splitFields(line);
    if (header.size() < 3 || header[0] != "class" || header[1] != "role")
        throw DataError(path + ": line 1: the header must be 'class,role,<attribute>...'");
    std::vector<std::string> names(header.begin() + 2, header.end());
    std::set<std::string> unique;
    for (std::size_t a = 0; a < names.size(); ++a) {
        if (names[a].empty())
            throw DataError(path + ": line 1: attribute " + std::to_string(a + 1) + " has no name");
        if (!unique.insert(names[a]).second)
            throw DataError(path + ": line 1: the attribute '" + names[a] + "' appears twice");
    }
    return names;
}

void checkRoles(const AttributeTable& table, const std::string& path)
{
    const auto count = [&](ClassRole role) {
        std::size_t n = 0;
        for (ClassRole r : table.roles)
            n += r == role ? 1 : 0;
        return n;
    };
    if (table.classNames.empty())
        throw DataError(path + ": the table has no class rows");
    if (count(ClassRole::Seen) == 0)
        throw DataError(path + ": no class has the role 'train'; a model needs classes to learn");
    if (count(ClassRole::Unseen) == 0)
        throw DataError(path + ": no class has the role 'unseen'; nothing would be zero-shot");
}

} // namespace

AttributeTable readAttributeTable(const std::string& path)
{
    requireRegularFile(path);
    std::ifstream in(path);
    if (!in)
        throw DataError(path + ": cannot open the attribute table");
    AttributeTable table;
    table.attributeNames = readHeader(in, path);
    const std::size_t columns = table.attributeNames.size() + 2;
    std::vector<float> values;
    std::set<std::string> classes;
    std::string line;
    for (int lineNumber = 2; std::getline(in, line); ++lineNumber) {
        if (trimmed(line).empty())
            continue;
        const std::string where = path + ": line " + std::to_string(lineNumber);
        const std::vector<std::string> fields = splitFields(line);
        if (fields.size() != columns)
            throw DataError(where + " has " + std::to_string(fields.size()) + " fields, expected " +
                            std::to_string(columns) + " (class, role and one per attribute)");
        if (fields[0].empty() || !classes.insert(fields[0]).second)
            throw DataError(where + ": the class name '" + fields[0] +
                            (fields[0].empty() ? "' is empty" : "' appears twice"));
        table.classNames.push_back(fields[0]);
        table.roles.push_back(parseRole(fields[1], where));
        bool any = false;
        for (std::size_t a = 0; a < table.attributeNames.size(); ++a) {
            const float v = parseStrength(fields[a + 2],
                                          where + ", attribute '" + table.attributeNames[a] + "'");
            any = any || v > 0.0f;
            values.push_back(v);
        }
        if (!any)
            throw DataError(where + ": the class '" + fields[0] +
                            "' has no attribute; its embedding would be all zero");
    }
    checkRoles(table, path);
    table.values = FloatMatrix(static_cast<std::int64_t>(table.classNames.size()),
                               static_cast<std::int64_t>(table.attributeNames.size()));
    table.values.values = std::move(values);
    return table;
}

std::vector<std::string> attributesOnlyUnseenCarry(const AttributeTable& table)
{
    std::vector<std::string> found;
    for (std::int64_t c = 0; c < table.values.rows; ++c) {
        if (table.roles[static_cast<std::size_t>(c)] != ClassRole::Unseen)
            continue;
        for (std::int64_t a = 0; a < table.values.cols; ++a) {
            if (table.values.at(c, a) <= 0.0f)
                continue;
            bool seenCarries = false;
            for (std::int64_t s = 0; s < table.values.rows; ++s)
                seenCarries =
                    seenCarries || (table.roles[static_cast<std::size_t>(s)] != ClassRole::Unseen &&
                                    table.values.at(s, a) > 0.0f);
            if (!seenCarries)
                found.push_back(table.classNames[static_cast<std::size_t>(c)] + ": " +
                                table.attributeNames[static_cast<std::size_t>(a)]);
        }
    }
    return found;
}

} // namespace semrel
