// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/runs/run_record.h>

#include <string>
#include <vector>

namespace semrel {

// For a set of runs shown together (an overlay, a table, a CSV): each run's label made of the
// hyper-parameters whose values differ among them, e.g. "λ1 0.5" and "λ1 1" for two runs that
// differ only in λ1; "method eszsl, γ 0.1" beside "method proposed, τ 0.2" when methods differ.
// A run whose settings equal another's gets its seed or id to tell them apart. Same order as
// `runs`. Pure.
std::vector<std::string> distinguishingLabels(const std::vector<RunRecord>& runs);

// The hyper-parameters of one run as "name value" pairs, in a fixed order, only those its method
// uses ("method proposed", "τ 0.2", "λ1 1", ...): what distinguishingLabels() compares.
std::vector<std::pair<std::string, std::string>> runSettings(const RunRecord& run);

// Two runs class by class: every class both have a ZSL (or, with `gzsl`, GZSL) accuracy for,
// with the difference b - a; largest absolute difference first, then by name.
struct ClassDifference
{
    std::string className;
    double accuracyA = 0.0;
    double accuracyB = 0.0;
    double difference = 0.0; // b - a
};
std::vector<ClassDifference> compareClasses(const RunRecord& a, const RunRecord& b, bool gzsl);

} // namespace semrel
