// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/runs/run_record.h>

#include <string>
#include <vector>

namespace semrel {

// A folder of run records, one JSON file per run (`<id>.json`, docs/FORMATS.md "Run records"),
// each written atomically (a temporary file, then a rename): a crash leaves the old or the new
// file, never half of one, and two programs adding runs to the same folder at once (the window
// and `semrel train --runs-dir`) never write the same file. Reading skips, with a warning, a
// file that is not a run record. Not thread-safe on one object; the folder may be shared.
class RunStore
{
public:
    explicit RunStore(std::string folder);

    const std::string& folder() const { return m_folder; }

    // Writes `record` as a new run, giving it an id and a creation time when it has none; creates
    // the folder when missing. Returns the record as written. Throws Error naming the file.
    // A loaded model's record replaces the folder's record of the same model file (sameModelFile())
    // and keeps its id and creation time: opening or evaluating a file again updates its row.
    RunRecord add(RunRecord record) const;
    // Rewrites an existing run (say, its model was saved). Throws Error when there is no such run.
    void update(const RunRecord& record) const;
    // Deletes a run's file; no error when it is already gone.
    void remove(const std::string& id) const;
    // Every record of the folder, oldest first (by creation time, then id). A missing folder is
    // an empty store. `warnings` gets one line per file that could not be read.
    std::vector<RunRecord> load(std::vector<std::string>* warnings = nullptr) const;

    // The path of a run's file.
    std::string pathOf(const std::string& id) const;

private:
    std::string m_folder;
};

// Whether two records are of one model file: both of kind LoadedModel, with the same path (as
// absolute, normalised paths) and the same model checksum (neither empty).
bool sameModelFile(const RunRecord& a, const RunRecord& b);

// The folder named by the environment variable SEMREL_RUNS_DIR, or empty: how the command line
// and the window agree on one folder without an option (docs/CLI.md).
std::string runsFolderFromEnvironment();

} // namespace semrel
