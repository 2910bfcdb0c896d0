// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/reproduction/reproduction.h>

#include <string>
#include <vector>

namespace semrel {

// The reproduction's journal (REPORT_DIR/journal.json, docs/FORMATS.md): the settings that decide
// the results and every finished unit. Rewritten whole and atomically after each unit, so it is
// always complete; resuming compares its settings with the new run's.
struct Journal
{
    std::string settings; // canonical JSON of journalSettings()
    std::vector<ReproductionEntry> entries;
};

// The settings an entry's numbers depend on (epochs, grids, training settings, first seed), as
// canonical JSON text: equal settings, equal text. The seed count and the method list may
// differ between runs (more seeds or methods just add units).
std::string journalSettings(const ReproductionOptions& options);

// Reads `path`; a missing file is an empty journal. Throws Error naming the file when it is not
// a journal.
Journal readJournal(const std::string& path);

// The journal's file text; writeJournal() writes it atomically (DataError naming the file).
std::string journalText(const Journal& journal);
void writeJournal(const std::string& path, const Journal& journal);

// The entry of that unit, or null.
const ReproductionEntry* findEntry(const Journal& journal, ReproductionEntry::Kind kind,
                                   const std::string& dataset, const std::string& variant,
                                   std::uint64_t seed);

// Text of one differing setting for an error message ("epochs: 5 in the journal, 10 now"), or
// empty when the settings are equal.
std::string settingsDifference(const std::string& journalSettings, const std::string& current);

} // namespace semrel
