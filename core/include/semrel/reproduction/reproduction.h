// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/method/training_config.h>
#include <semrel/model_file/model_state.h>
#include <semrel/training/trainer.h>
#include <semrel/training/tuning.h>

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace semrel {

// `semrel reproduce` (docs/REPRODUCTION.md): the paper's protocol on every xlsa17 dataset folder
// under a directory, for every method, beside the paper's numbers. Per dataset and method:
// hyper-parameters chosen on the validation split only (tune(): the tuning rows, never a test
// sample), the chosen point retrained on trainval with N seeds, each evaluated for ZSL, GZSL,
// AUSUC and calibrated stacking at the γ chosen on validation. Every finished unit (a tuning, a
// seed's run) goes to a journal in the report folder, written atomically, and the report is
// rewritten from the journal: an interrupted reproduction leaves a consistent partial report, and
// running it again does only what is missing.

// A row of the reproduction's tables: a method with the protocol choices it ran with. The
// network methods run once per attribute-statistics choice, SAE in both directions.
struct ReproductionVariant
{
    Method method = Method::Proposed;
    AttributeStats attributeStats = AttributeStats::Seen;       // network methods only
    SaeDirection saeDirection = SaeDirection::SemanticToVisual; // SAE only

    std::string key() const;   // "proposed/seen", "sae/v2s", "eszsl": the journal's name
    std::string label() const; // "Proposed (attribute stats: seen)", "SAE (visual→semantic)"
};

std::vector<ReproductionVariant> reproductionVariants(const std::vector<Method>& methods,
                                                      const std::vector<AttributeStats>& stats);

struct ReproductionOptions
{
    std::string xlsa17Dir; // holds one folder per dataset (res101.mat, att_splits.mat)
    std::string reportDir; // the journal and the report (report.md, report.csv, report.json)
    int seeds = 3;         // final trainings per network method (closed forms are deterministic)
    std::uint64_t firstSeed = 0;
    int epochs = 5; // of every network training, grid points included
    std::vector<Method> methods = allMethods();
    std::vector<AttributeStats> attributeStats{AttributeStats::Seen, AttributeStats::All};
    TuningGrid grid;     // τ/λ for the network methods; the closed forms' own lists
    TrainingConfig base; // everything else: batch, p, learning rate, threads, tuning splits...
    std::string programVersion; // recorded in the report
};

// One finished unit of the protocol, as the journal keeps it.
struct ReproductionEntry
{
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    enum class Kind { Tuning, Run };

    Kind kind = Kind::Run;
    std::string dataset; // folder name, e.g. "AWA2"
    std::string variant; // ReproductionVariant::key()
    std::uint64_t seed = 0;
    TrainingConfig config; // the chosen point (a run: as trained on trainval)
    std::string splitsHash;
    std::string finishedAt; // ISO 8601, UTC
    double seconds = 0.0;   // wall time of the unit (a tuning: the whole grid and its choice)
    // A tuning: the chosen point's validation accuracy, the grid's size, the γ chosen.
    double validationAccuracy = kNone;
    int gridPoints = 0;
    Calibration calibration;
    // A run: its test numbers (fractions), and ts / tr / H at the tuning's γ.
    double zsl = kNone, ts = kNone, tr = kNone, h = kNone, ausuc = kNone;
    double calibratedTs = kNone, calibratedTr = kNone, calibratedH = kNone;
};

struct ReproductionCallbacks
{
    // What starts, and the method it trains: "AWA2: tuning Proposed (attribute stats: seen), 12
    // grid points".
    std::function<void(const std::string& stage, Method method)> onStage;
    // After a unit was journaled and the report rewritten.
    std::function<void(const ReproductionEntry& entry)> onEntry;
    Trainer::EpochCallback onEpoch;
    Trainer::BatchCallback onBatch;
};

struct ReproductionResult
{
    std::vector<ReproductionEntry> entries; // the whole journal, old and new
    int reused = 0;                         // units found in the journal, not redone
    int added = 0;                          // units this call finished
    bool stopped = false;
    std::vector<std::string> datasets; // the folders found, in table order
};

// The dataset folders under `dir` (those with both res101.mat and att_splits.mat), the paper's
// four first (SUN, AWA2, CUB, APY), then the others by name. Throws DataError when there is none.
std::vector<std::string> xlsa17Folders(const std::string& dir);

// Runs what the journal in options.reportDir does not have yet (creating the folder), rewriting
// the journal and the report after each unit. `stop` (checked every batch) ends it after the
// unit in progress is abandoned: what finished stays. Throws Error when the journal was written
// with other settings (epochs, grid, training settings), DataError for unreadable datasets.
ReproductionResult reproduce(const ReproductionOptions& options, const StopFlag& stop,
                             const ReproductionCallbacks& callbacks = {});

} // namespace semrel
