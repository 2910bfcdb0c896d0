// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "reproduction/journal.h"

#include <semrel/reproduction/reproduction.h>

#include <string>
#include <vector>

namespace semrel {

// What the report needs beyond the journal's entries.
struct ReportContext
{
    const ReproductionOptions* options = nullptr;
    std::vector<std::string> datasets;         // table columns, in order
    std::vector<ReproductionVariant> variants; // table rows, in order
    std::vector<std::string> splitsHashes;     // per dataset, "" when not loaded yet
    int totalUnits = 0;                        // tunings and runs the full protocol has
};

// Writes report.md (the paper's Tables 2 and 3 layout with its numbers beside ours, calibrated
// stacking, the chosen hyper-parameters, every run and its time), report.csv (one row per method
// and dataset: mean, std, n, the paper's number) and report.json (all of it) into `folder`, each
// atomically. Numbers are percentages in the Markdown, fractions in CSV and JSON. Throws
// DataError naming the file that could not be written.
void writeReproductionReport(const std::string& folder, const ReportContext& context,
                             const Journal& journal);

} // namespace semrel
