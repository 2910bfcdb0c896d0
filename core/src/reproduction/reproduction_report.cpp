// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "reproduction/reproduction_report.h"

#include "reports/csv_text.h"

#include <semrel/kernels/threads.h>
#include <semrel/reproduction/paper_results.h>

#include <torch/version.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>

namespace semrel {

namespace {

using Json = nlohmann::json;
constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

// Mean and sample standard deviation of the measured values (NaN ones are left out).
struct Summary
{
    double mean = kNone;
    double std = kNone;
    int n = 0;
};

Summary summarize(const std::vector<double>& values)
{
    Summary s;
    double sum = 0.0;
    for (double v : values)
        if (!std::isnan(v)) {
            sum += v;
            ++s.n;
        }
    if (s.n == 0)
        return s;
    s.mean = sum / s.n;
    double squares = 0.0;
    for (double v : values)
        if (!std::isnan(v))
            squares += (v - s.mean) * (v - s.mean);
    s.std = s.n > 1 ? std::sqrt(squares / (s.n - 1)) : 0.0;
    return s;
}

std::string percent(double v)
{
    if (std::isnan(v))
        return "–";
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", 100.0 * v);
    return text;
}

std::string paperPercent(double v)
{
    if (std::isnan(v))
        return "–";
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", v);
    return text;
}

std::string withSpread(const Summary& s)
{
    if (s.n == 0)
        return "–";
    return percent(s.mean) + (s.n > 1 ? " ± " + percent(s.std) : "");
}

std::string number(double v)
{
    if (std::isnan(v))
        return "–";
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", v);
    return text;
}

// The runs of one variant on one dataset, and its tuning.
struct Cell
{
    const ReproductionEntry* tuning = nullptr;
    std::vector<const ReproductionEntry*> runs;

    Summary of(double ReproductionEntry::*member) const
    {
        std::vector<double> values;
        for (const ReproductionEntry* r : runs)
            values.push_back(r->*member);
        return summarize(values);
    }
};

Cell cellOf(const std::vector<ReproductionEntry>& entries, const std::string& dataset,
            const std::string& variant)
{
    Cell cell;
    for (const ReproductionEntry& e : entries) {
        if (e.dataset != dataset || e.variant != variant)
            continue;
        if (e.kind == ReproductionEntry::Kind::Tuning)
            cell.tuning = &e;
        else
            cell.runs.push_back(&e);
    }
    return cell;
}

std::string chosenText(const TrainingConfig& c)
{
    TuningPoint p{c.tau,        c.lambda1,     c.lambda2,  c.attributeStats,
                  c.eszslGamma, c.eszslLambda, c.saeLambda};
    return describePoint(p, c.method);
}

std::string versionsText(const ReproductionOptions& o)
{
    return "semrel " + (o.programVersion.empty() ? std::string("(unknown)") : o.programVersion) +
           ", LibTorch " + std::to_string(TORCH_VERSION_MAJOR) + "." +
           std::to_string(TORCH_VERSION_MINOR) + "." + std::to_string(TORCH_VERSION_PATCH) + "; " +
           computeSummary();
}

std::string listText(const std::vector<double>& values)
{
    std::string text;
    for (double v : values)
        text += (text.empty() ? "" : ", ") + number(v);
    return "{" + text + "}";
}

using Table = std::vector<std::vector<std::string>>;

std::string markdownTable(const Table& rows)
{
    std::string text;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        text += "|";
        for (const std::string& cell : rows[r])
            text += " " + cell + " |";
        text += "\n";
        if (r == 0) {
            text += "|";
            for (std::size_t c = 0; c < rows[r].size(); ++c)
                text += "---|";
            text += "\n";
        }
    }
    return text;
}

Table zslTable(const ReportContext& ctx, const std::vector<ReproductionEntry>& entries)
{
    Table t{{"method"}};
    for (const std::string& d : ctx.datasets)
        t[0].push_back(paperDatasetName(d));
    for (const ReproductionVariant& v : ctx.variants) {
        std::vector<std::string> row{v.label()};
        for (const std::string& d : ctx.datasets) {
            const Cell cell = cellOf(entries, d, v.key());
            const auto paper = paperResult(methodName(v.method), d);
            row.push_back(withSpread(cell.of(&ReproductionEntry::zsl)) +
                          (paper ? " (paper " + paperPercent(paper->zsl) + ")" : ""));
        }
        t.push_back(row);
    }
    std::vector<std::string> ale{"ALE (paper only, from Xian et al.)"};
    for (const std::string& d : ctx.datasets) {
        const auto paper = paperResult("ale", d);
        ale.push_back(paper ? "(paper " + paperPercent(paper->zsl) + ")" : "–");
    }
    t.push_back(ale);
    return t;
}

Table gzslTable(const ReportContext& ctx, const std::vector<ReproductionEntry>& entries)
{
    Table t{{"method"}};
    for (const std::string& d : ctx.datasets)
        t[0].push_back(paperDatasetName(d) + " ts / tr / H");
    for (const ReproductionVariant& v : ctx.variants) {
        std::vector<std::string> row{v.label()};
        for (const std::string& d : ctx.datasets) {
            const Cell cell = cellOf(entries, d, v.key());
            const auto paper = paperResult(methodName(v.method), d);
            std::string text = percent(cell.of(&ReproductionEntry::ts).mean) + " / " +
                               percent(cell.of(&ReproductionEntry::tr).mean) + " / " +
                               withSpread(cell.of(&ReproductionEntry::h));
            if (paper)
                text += " (paper " + paperPercent(paper->ts) + " / " + paperPercent(paper->tr) +
                        " / " + paperPercent(paper->h) + ")";
            row.push_back(text);
        }
        t.push_back(row);
    }
    return t;
}

Table calibratedTable(const ReportContext& ctx, const std::vector<ReproductionEntry>& entries)
{
    Table t{{"method", "dataset", "AUSUC", "γ (validation)", "validation H at γ",
             "test ts / tr / H at γ"}};
    for (const ReproductionVariant& v : ctx.variants)
        for (const std::string& d : ctx.datasets) {
            const Cell cell = cellOf(entries, d, v.key());
            if (!cell.tuning && cell.runs.empty())
                continue;
            const Calibration c = cell.tuning ? cell.tuning->calibration : Calibration{};
            t.push_back({v.label(), paperDatasetName(d),
                         withSpread(cell.of(&ReproductionEntry::ausuc)), number(c.gamma),
                         percent(c.validationHarmonic),
                         percent(cell.of(&ReproductionEntry::calibratedTs).mean) + " / " +
                             percent(cell.of(&ReproductionEntry::calibratedTr).mean) + " / " +
                             withSpread(cell.of(&ReproductionEntry::calibratedH))});
        }
    return t;
}

Table tuningTable(const ReportContext& ctx, const std::vector<ReproductionEntry>& entries)
{
    Table t{{"method", "dataset", "chosen on validation", "validation ZSL", "grid points",
             "tuning seconds"}};
    for (const ReproductionVariant& v : ctx.variants)
        for (const std::string& d : ctx.datasets)
            if (const ReproductionEntry* e = cellOf(entries, d, v.key()).tuning)
                t.push_back({v.label(), paperDatasetName(d), chosenText(e->config),
                             percent(e->validationAccuracy), std::to_string(e->gridPoints),
                             number(e->seconds)});
    return t;
}

Table runsTable(const std::vector<ReproductionEntry>& entries)
{
    Table t{{"dataset", "method", "seed", "ZSL", "ts", "tr", "H", "AUSUC", "seconds", "finished"}};
    for (const ReproductionEntry& e : entries)
        if (e.kind == ReproductionEntry::Kind::Run)
            t.push_back({paperDatasetName(e.dataset), e.variant, std::to_string(e.seed),
                         percent(e.zsl), percent(e.ts), percent(e.tr), percent(e.h),
                         percent(e.ausuc), number(e.seconds), e.finishedAt});
    return t;
}

std::string markdown(const ReportContext& ctx, const std::vector<ReproductionEntry>& entries)
{
    const ReproductionOptions& o = *ctx.options;
    const TrainingConfig& b = o.base;
    std::string text = "# SemRel Studio: reproduction of \"Preserving Semantic Relations for "
                       "Zero-Shot Learning\"\n\n";
    text += "Finished " + std::to_string(entries.size()) + " of " + std::to_string(ctx.totalUnits) +
            " units (tunings and runs)" +
            (static_cast<int>(entries.size()) < ctx.totalUnits
                 ? ": a partial report; run the same command again to finish it.\n\n"
                 : ".\n\n");
    text += "- Versions: " + versionsText(o) + "\n";
    text += "- Protocol: hyper-parameters chosen on the validation split only (tuning splits: " +
            std::string(tuningSplitsName(b.tuningSplits)) + ", seen holdout " +
            number(b.seenHoldout) +
            " for calibrated stacking's γ), the chosen point retrained "
            "on trainval; network methods over " +
            std::to_string(o.seeds) + " seeds from " + std::to_string(o.firstSeed) +
            " (closed forms are deterministic: one run).\n";
    text += "- Network training: " + std::to_string(o.epochs) + " epochs, batch " +
            std::to_string(b.batchSize) + ", p " + std::to_string(b.candidates) +
            ", learning rate " + number(b.learningRate) + ", weight decay " +
            number(b.weightDecay) + ", Table 1 network of each dataset.\n";
    text += "- Grid: τ " + listText(o.grid.taus) + ", λ1 " + listText(o.grid.lambda1s) + ", λ2 " +
            listText(o.grid.lambda2s) + "; ESZSL γ " + listText(o.grid.eszslGammas) + ", λ " +
            listText(o.grid.eszslLambdas) + "; SAE λ " + listText(o.grid.saeLambdas) + ".\n";
    text += "- Datasets:";
    for (std::size_t i = 0; i < ctx.datasets.size(); ++i)
        text += " " + ctx.datasets[i] +
                (ctx.splitsHashes[i].empty() ? "" : " (splits " + ctx.splitsHashes[i] + ")") +
                (i + 1 < ctx.datasets.size() ? "," : ".\n\n");
    text += "Numbers are mean per-class top-1 accuracy in percent, mean ± standard deviation "
            "over seeds; the paper's number is in parentheses.\n\n";
    text += "## Conventional ZSL (the paper's Table 2)\n\n" + markdownTable(zslTable(ctx, entries));
    text += "\n## Generalized ZSL, ts / tr / H (the paper's Table 3)\n\n" +
            markdownTable(gzslTable(ctx, entries));
    text += "\n## Calibrated stacking (Chao et al. 2016)\n\nAUSUC on the test splits; γ chosen "
            "on validation (val and the seen holdout), and the test numbers at that γ.\n\n" +
            markdownTable(calibratedTable(ctx, entries));
    text += "\n## Chosen hyper-parameters\n\n" + markdownTable(tuningTable(ctx, entries));
    text += "\n## Runs\n\n" + markdownTable(runsTable(entries));
    return text;
}

Json summaryJson(const Summary& s)
{
    return {{"mean", std::isnan(s.mean) ? Json(nullptr) : Json(s.mean)},
            {"std", std::isnan(s.std) ? Json(nullptr) : Json(s.std)},
            {"n", s.n}};
}

Json paperJson(const std::optional<PaperResult>& p)
{
    if (!p)
        return nullptr;
    const auto f = [](double v) {
        return std::isnan(v) ? Json(nullptr) : Json(v / 100.0);
    };
    return {{"zsl", f(p->zsl)}, {"ts", f(p->ts)}, {"tr", f(p->tr)}, {"h", f(p->h)}};
}

const std::vector<std::pair<const char*, double ReproductionEntry::*>>& measures()
{
    static const std::vector<std::pair<const char*, double ReproductionEntry::*>> m = {
        {"zsl", &ReproductionEntry::zsl},
        {"ts", &ReproductionEntry::ts},
        {"tr", &ReproductionEntry::tr},
        {"h", &ReproductionEntry::h},
        {"ausuc", &ReproductionEntry::ausuc},
        {"calibrated_ts", &ReproductionEntry::calibratedTs},
        {"calibrated_tr", &ReproductionEntry::calibratedTr},
        {"calibrated_h", &ReproductionEntry::calibratedH},
        {"seconds", &ReproductionEntry::seconds},
    };
    return m;
}

std::string csvText(const ReportContext& ctx, const std::vector<ReproductionEntry>& entries)
{
    std::string text = "dataset,variant,label,runs";
    for (const auto& [name, member] : measures())
        text += std::string(",") + name + "_mean," + name + "_std";
    text += ",paper_zsl,paper_ts,paper_tr,paper_h,gamma,validation_h,chosen,validation_zsl\n";
    for (const std::string& d : ctx.datasets)
        for (const ReproductionVariant& v : ctx.variants) {
            const Cell cell = cellOf(entries, d, v.key());
            if (!cell.tuning && cell.runs.empty())
                continue;
            text += csv::quoted(d) + ',' + csv::quoted(v.key()) + ',' + csv::quoted(v.label()) +
                    ',' + std::to_string(cell.runs.size());
            for (const auto& [name, member] : measures()) {
                const Summary s = cell.of(member);
                text += ',' + csv::number(s.mean) + ',' + csv::number(s.std);
            }
            const auto paper = paperResult(methodName(v.method), d);
            for (double p : {paper ? paper->zsl : kNone, paper ? paper->ts : kNone,
                             paper ? paper->tr : kNone, paper ? paper->h : kNone})
                text += ',' + csv::number(p / 100.0);
            const ReproductionEntry* t = cell.tuning;
            text += ',' + csv::number(t ? t->calibration.gamma : kNone) + ',' +
                    csv::number(t ? t->calibration.validationHarmonic : kNone) + ',' +
                    csv::quoted(t ? chosenText(t->config) : "") + ',' +
                    csv::number(t ? t->validationAccuracy : kNone) + '\n';
        }
    return text;
}

std::string jsonText(const ReportContext& ctx, const std::vector<ReproductionEntry>& entries,
                     const std::string& journalJson)
{
    Json rows = Json::array();
    for (const std::string& d : ctx.datasets)
        for (const ReproductionVariant& v : ctx.variants) {
            const Cell cell = cellOf(entries, d, v.key());
            Json row = {{"dataset", d},
                        {"variant", v.key()},
                        {"label", v.label()},
                        {"runs", cell.runs.size()},
                        {"paper", paperJson(paperResult(methodName(v.method), d))}};
            for (const auto& [name, member] : measures())
                row[name] = summaryJson(cell.of(member));
            if (cell.tuning)
                row["chosen"] = chosenText(cell.tuning->config);
            rows.push_back(row);
        }
    const Json out = {{"format", "semrel-reproduction-report"}, {"version", 1},
                      {"versions", versionsText(*ctx.options)}, {"datasets", ctx.datasets},
                      {"splits_hashes", ctx.splitsHashes},      {"finished_units", entries.size()},
                      {"total_units", ctx.totalUnits},          {"rows", rows},
                      {"journal", Json::parse(journalJson)}};
    return out.dump(1) + "\n";
}

} // namespace

void writeReproductionReport(const std::string& folder, const ReportContext& context,
                             const Journal& journal)
{
    csv::writeFile(folder + "/report.md", markdown(context, journal.entries));
    csv::writeFile(folder + "/report.csv", csvText(context, journal.entries));
    csv::writeFile(folder + "/report.json",
                   jsonText(context, journal.entries, journalText(journal)));
}

} // namespace semrel
