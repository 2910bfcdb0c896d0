// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/class_roles.h>
#include <semrel/matrix.h>

#include <string>
#include <vector>

namespace semrel {

// A hand-written class-attribute table (resources/fashion_mnist_attributes.csv): one row per class
// in label order, one column per attribute, strengths in [0, 1].
struct AttributeTable
{
    std::vector<std::string> classNames;     // [C]
    std::vector<ClassRole> roles;            // [C]: train is Seen, val Validation, unseen Unseen
    std::vector<std::string> attributeNames; // [a]
    FloatMatrix values;                      // [C, a]
};

// Reads a CSV file whose header is `class,role,<attribute>...` and whose rows are
// `<name>,<train|val|unseen>,<strength>...`. Blank lines are skipped. Throws DataError naming the
// file, the line and the column when a row is malformed, a strength is not a number in [0, 1], a
// class or attribute repeats, a class has no attribute at all, or no class is train or unseen.
AttributeTable readAttributeTable(const std::string& path);

// The attributes an unseen class carries (strength > 0) that no seen class carries, as
// "<class>: <attribute>". A zero-shot model cannot learn what such an attribute looks like, so
// the demo's table keeps this list empty.
std::vector<std::string> attributesOnlyUnseenCarry(const AttributeTable& table);

} // namespace semrel
