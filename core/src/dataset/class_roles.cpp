// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/dataset/class_roles.h>

namespace semrel {

const char* classRoleName(ClassRole role)
{
    switch (role) {
    case ClassRole::Seen:
        return "seen";
    case ClassRole::Validation:
        return "validation";
    case ClassRole::Unseen:
        return "unseen";
    case ClassRole::Unused:
        return "unused";
    }
    return "unused";
}

ClassRole ClassRoles::role(std::int64_t classIndex) const
{
    if (classIndex < 0 || classIndex >= static_cast<std::int64_t>(roles.size()))
        return ClassRole::Unused;
    return roles[static_cast<std::size_t>(classIndex)];
}

std::int64_t ClassRoles::samples(Split split, std::int64_t classIndex) const
{
    const std::vector<std::int64_t>& counts = samplesPerSplit[static_cast<int>(split)];
    if (classIndex < 0 || classIndex >= static_cast<std::int64_t>(counts.size()))
        return 0;
    return counts[static_cast<std::size_t>(classIndex)];
}

ClassRoles classRoles(const Dataset& data)
{
    ClassRoles result;
    for (Split split : kAllSplits)
        result.samplesPerSplit[static_cast<int>(split)] = data.samplesPerClass(split);
    const auto classes = static_cast<std::size_t>(data.classCount());
    result.roles.assign(classes, ClassRole::Unused);
    for (std::size_t c = 0; c < classes; ++c) {
        const auto in = [&](Split split) {
            return result.samplesPerSplit[static_cast<int>(split)][c] > 0;
        };
        if (in(Split::TestUnseen))
            result.roles[c] = ClassRole::Unseen;
        else if (in(Split::Val))
            result.roles[c] = ClassRole::Validation;
        else if (in(Split::Trainval))
            result.roles[c] = ClassRole::Seen;
    }
    return result;
}

} // namespace semrel
