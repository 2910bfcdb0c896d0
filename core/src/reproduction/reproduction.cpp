// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "reproduction/journal.h"
#include "reproduction/reproduction_report.h"

#include <semrel/errors.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/reproduction/reproduction.h>
#include <semrel/xlsa17/xlsa17_import.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <optional>

namespace semrel {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
using Kind = ReproductionEntry::Kind;

std::string utcNow()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<std::uint64_t> seedsOf(const ReproductionOptions& o, Method method)
{
    std::vector<std::uint64_t> seeds{o.firstSeed};
    if (!isClosedForm(method))
        for (int k = 1; k < o.seeds; ++k)
            seeds.push_back(o.firstSeed + static_cast<std::uint64_t>(k));
    return seeds;
}

// The configuration a variant tunes with on a dataset: the base, the variant's choices, the
// Table 1 network of the dataset when it has one.
TrainingConfig configFor(const ReproductionOptions& o, const ReproductionVariant& v,
                         const std::string& dataset)
{
    TrainingConfig c = o.base;
    c.method = v.method;
    c.attributeStats = v.attributeStats;
    c.saeDirection = v.saeDirection;
    c.epochs = o.epochs;
    c.seed = o.firstSeed;
    c.trainSplit = Split::Trainval;
    c.evaluateEachEpoch = false; // the final model is evaluated once, below
    c.checkpointPath.clear();
    if (const auto preset = networkPreset(dataset))
        c.network = *preset;
    return c;
}

// A run entry from a model trained on trainval, evaluated on the test splits with the tuning's γ.
ReproductionEntry runEntry(ModelState state, const Calibration& calibration, const Dataset& data,
                           const std::string& dataset, const std::string& variant, double seconds)
{
    state.calibration = calibration;
    const EvaluationResult e = evaluate(RelationModel(std::move(state)), data);
    ReproductionEntry entry;
    entry.kind = Kind::Run;
    entry.dataset = dataset;
    entry.variant = variant;
    entry.zsl = e.zslAccuracy;
    entry.ts = e.gzslUnseen;
    entry.tr = e.gzslSeen;
    entry.h = e.gzslH;
    entry.ausuc = e.seenUnseen.ausuc;
    entry.calibratedTs = e.calibrated.unseenAccuracy;
    entry.calibratedTr = e.calibrated.seenAccuracy;
    entry.calibratedH = e.calibrated.harmonic;
    entry.calibration = calibration;
    entry.seconds = seconds;
    return entry;
}

class Reproduction
{
public:
    Reproduction(const ReproductionOptions& options, const StopFlag& stop,
                 const ReproductionCallbacks& callbacks)
        : m_o(options), m_stop(stop), m_callbacks(callbacks),
          m_variants(reproductionVariants(options.methods, options.attributeStats))
    {}

    ReproductionResult run();

private:
    void prepareJournal();
    bool runDataset(std::size_t index);
    bool runVariant(const Dataset& data, std::size_t index, const ReproductionVariant& v);
    // Tunes a variant, journals the tuning and (unless stopped) its final training as the first
    // seed's run. Nothing when stopped in the grid.
    std::optional<ReproductionEntry> tuneVariant(const Dataset& data, const std::string& name,
                                                 const ReproductionVariant& v);
    bool trainSeed(const Dataset& data, const std::string& name, const ReproductionVariant& v,
                   const ReproductionEntry& tuned, std::uint64_t seed);
    bool missing(const std::string& dataset) const;
    void record(ReproductionEntry entry, const Dataset& data);
    void stage(const std::string& text, Method method) const
    {
        if (m_callbacks.onStage)
            m_callbacks.onStage(text, method);
    }
    void writeReport() const;

    const ReproductionOptions& m_o;
    const StopFlag& m_stop;
    const ReproductionCallbacks& m_callbacks;
    std::vector<ReproductionVariant> m_variants;
    std::string m_journalPath;
    Journal m_journal;
    ReportContext m_context;
    ReproductionResult m_result;
};

void Reproduction::prepareJournal()
{
    std::error_code ec;
    fs::create_directories(m_o.reportDir, ec);
    if (ec)
        throw Error(m_o.reportDir + ": the report folder could not be created (" + ec.message() +
                    ")");
    m_journalPath = (fs::path(m_o.reportDir) / "journal.json").string();
    m_journal = readJournal(m_journalPath);
    const std::string settings = journalSettings(m_o);
    if (m_journal.settings.empty())
        m_journal.settings = settings;
    else if (const std::string diff = settingsDifference(m_journal.settings, settings);
             !diff.empty())
        throw Error(m_journalPath + " was written with other settings (" + diff +
                    "): give another report folder, or the same settings to resume");
}

bool Reproduction::missing(const std::string& dataset) const
{
    for (const ReproductionVariant& v : m_variants) {
        if (!findEntry(m_journal, Kind::Tuning, dataset, v.key(), 0))
            return true;
        for (std::uint64_t seed : seedsOf(m_o, v.method))
            if (!findEntry(m_journal, Kind::Run, dataset, v.key(), seed))
                return true;
    }
    return false;
}

void Reproduction::record(ReproductionEntry entry, const Dataset& data)
{
    entry.splitsHash = hashOfSplits(data);
    entry.finishedAt = utcNow();
    m_journal.entries.push_back(entry);
    writeJournal(m_journalPath, m_journal);
    writeReport();
    ++m_result.added;
    if (m_callbacks.onEntry)
        m_callbacks.onEntry(entry);
}

void Reproduction::writeReport() const
{
    writeReproductionReport(m_o.reportDir, m_context, m_journal);
}

std::optional<ReproductionEntry> Reproduction::tuneVariant(const Dataset& data,
                                                           const std::string& name,
                                                           const ReproductionVariant& v)
{
    const TrainingConfig base = configFor(m_o, v, name);
    stage(name + ": tuning " + v.label() + ", " +
              std::to_string(tuningPoints(base, m_o.grid).size()) + " grid points",
          v.method);
    TuningCallbacks callbacks;
    callbacks.onEpoch = m_callbacks.onEpoch;
    callbacks.onBatch = m_callbacks.onBatch;
    const Clock::time_point start = Clock::now();
    const TuningResult tuning = tune(base, m_o.grid, data, m_stop, callbacks);
    if (tuning.chosen < 0 || !tuning.retrained)
        return std::nullopt; // stopped in the grid
    const TuningPointResult& chosen = tuning.points[static_cast<std::size_t>(tuning.chosen)];
    ReproductionEntry entry;
    entry.kind = Kind::Tuning;
    entry.dataset = name;
    entry.variant = v.key();
    entry.config = chosen.point.applyTo(base);
    entry.validationAccuracy = chosen.validationAccuracy;
    entry.gridPoints = static_cast<int>(tuning.points.size());
    entry.calibration = chosen.calibration;
    double finalSeconds = 0.0;
    for (const EpochReport& r : tuning.final.state.history)
        finalSeconds += r.seconds + r.evalSeconds;
    entry.seconds = secondsSince(start) - finalSeconds;
    record(entry, data);
    // tune()'s final training is the first seed's run.
    if (!tuning.final.stopped) {
        ReproductionEntry run =
            runEntry(tuning.final.state, chosen.calibration, data, name, v.key(), finalSeconds);
        run.seed = m_o.firstSeed;
        run.config = tuning.final.state.config;
        record(run, data);
    }
    return entry;
}

bool Reproduction::trainSeed(const Dataset& data, const std::string& name,
                             const ReproductionVariant& v, const ReproductionEntry& tuned,
                             std::uint64_t seed)
{
    TrainingConfig config = tuned.config;
    config.seed = seed;
    config.trainSplit = Split::Trainval;
    config.evaluateEachEpoch = false;
    stage(name + ": " + v.label() + ", seed " + std::to_string(seed) + " on trainval", v.method);
    const Clock::time_point start = Clock::now();
    const TrainingResult trained =
        Trainer(config).run(data, m_stop, m_callbacks.onEpoch, m_callbacks.onBatch);
    if (trained.stopped)
        return false;
    ReproductionEntry run =
        runEntry(trained.state, tuned.calibration, data, name, v.key(), secondsSince(start));
    run.seed = seed;
    run.config = config;
    record(run, data);
    return true;
}

bool Reproduction::runVariant(const Dataset& data, std::size_t index, const ReproductionVariant& v)
{
    const std::string& name = m_result.datasets[index];
    // A copy: recording entries grows the journal and would move what a pointer points at.
    std::optional<ReproductionEntry> tuned;
    if (const ReproductionEntry* found = findEntry(m_journal, Kind::Tuning, name, v.key(), 0))
        tuned = *found;
    else
        tuned = tuneVariant(data, name, v);
    if (!tuned)
        return false;
    for (std::uint64_t seed : seedsOf(m_o, v.method)) {
        if (findEntry(m_journal, Kind::Run, name, v.key(), seed))
            continue;
        if (m_stop.isRequested() || !trainSeed(data, name, v, *tuned, seed))
            return false;
    }
    return true;
}

bool Reproduction::runDataset(std::size_t index)
{
    const std::string& name = m_result.datasets[index];
    if (!missing(name))
        return true;
    stage(name + ": loading", Method::Proposed);
    const Dataset data = importXlsa17((fs::path(m_o.xlsa17Dir) / name).string());
    m_context.splitsHashes[index] = hashOfSplits(data);
    for (const ReproductionVariant& v : m_variants)
        if (m_stop.isRequested() || !runVariant(data, index, v))
            return false;
    return true;
}

ReproductionResult Reproduction::run()
{
    if (m_o.seeds < 1 || m_o.epochs < 1)
        throw Error("reproduce: seeds and epochs must be at least 1");
    if (m_variants.empty())
        throw Error("reproduce: no method to run");
    m_result.datasets = xlsa17Folders(m_o.xlsa17Dir);
    prepareJournal();
    m_result.reused = static_cast<int>(m_journal.entries.size());
    m_context.options = &m_o;
    m_context.datasets = m_result.datasets;
    m_context.variants = m_variants;
    m_context.splitsHashes.assign(m_result.datasets.size(), std::string());
    for (std::size_t i = 0; i < m_result.datasets.size(); ++i)
        for (const ReproductionEntry& e : m_journal.entries)
            if (e.dataset == m_result.datasets[i])
                m_context.splitsHashes[i] = e.splitsHash;
    for (const ReproductionVariant& v : m_variants)
        m_context.totalUnits +=
            static_cast<int>(m_result.datasets.size() * (1 + seedsOf(m_o, v.method).size()));
    writeReport();
    for (std::size_t i = 0; i < m_result.datasets.size() && !m_result.stopped; ++i)
        m_result.stopped = !runDataset(i);
    m_result.stopped = m_result.stopped || m_stop.isRequested();
    m_result.entries = m_journal.entries;
    return m_result;
}

} // namespace

std::string ReproductionVariant::key() const
{
    if (method == Method::Eszsl)
        return "eszsl";
    if (method == Method::Sae)
        return saeDirection == SaeDirection::VisualToSemantic ? "sae/v2s" : "sae/s2v";
    return std::string(methodName(method)) + "/" + attributeStatsName(attributeStats);
}

std::string ReproductionVariant::label() const
{
    switch (method) {
    case Method::Eszsl:
        return "ESZSL";
    case Method::Sae:
        return saeDirection == SaeDirection::VisualToSemantic ? "SAE (visual→semantic)"
                                                              : "SAE (semantic→visual)";
    case Method::Proposed:
        return std::string("Proposed (attribute stats: ") + attributeStatsName(attributeStats) +
               ")";
    default:
        break;
    }
    std::string name = methodName(method);
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name + " (attribute stats: " + attributeStatsName(attributeStats) + ")";
}

std::vector<ReproductionVariant> reproductionVariants(const std::vector<Method>& methods,
                                                      const std::vector<AttributeStats>& stats)
{
    std::vector<ReproductionVariant> variants;
    for (Method m : allMethods()) {
        if (std::find(methods.begin(), methods.end(), m) == methods.end())
            continue;
        if (m == Method::Eszsl)
            variants.push_back({m, AttributeStats::Seen, SaeDirection::SemanticToVisual});
        else if (m == Method::Sae)
            for (SaeDirection d : {SaeDirection::VisualToSemantic, SaeDirection::SemanticToVisual})
                variants.push_back({m, AttributeStats::Seen, d});
        else
            for (AttributeStats s : stats)
                variants.push_back({m, s, SaeDirection::SemanticToVisual});
    }
    return variants;
}

std::vector<std::string> xlsa17Folders(const std::string& dir)
{
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw DataError(dir + ": no such folder");
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec))
        if (entry.is_directory(ec) && fs::exists(entry.path() / "res101.mat", ec) &&
            fs::exists(entry.path() / "att_splits.mat", ec))
            names.push_back(entry.path().filename().string());
    if (names.empty())
        throw DataError(dir + ": no xlsa17 dataset folder (with res101.mat and att_splits.mat) "
                              "in it");
    const std::vector<std::string> paperOrder{"SUN", "AWA2", "CUB", "APY"};
    const auto rank = [&](const std::string& name) {
        const auto it = std::find(paperOrder.begin(), paperOrder.end(), name);
        return it == paperOrder.end() ? paperOrder.size() : std::size_t(it - paperOrder.begin());
    };
    std::sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
        return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
    });
    return names;
}

ReproductionResult reproduce(const ReproductionOptions& options, const StopFlag& stop,
                             const ReproductionCallbacks& callbacks)
{
    return Reproduction(options, stop, callbacks).run();
}

} // namespace semrel
