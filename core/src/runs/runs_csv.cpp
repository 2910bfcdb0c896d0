// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "reports/csv_text.h"

#include <semrel/runs/run_comparison.h>
#include <semrel/runs/runs_csv.h>

#include <limits>

namespace semrel {

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

// The parameters a method does not use stay empty, so that a spreadsheet does not average τ
// over ESZSL runs.
std::string methodColumns(const TrainingConfig& c)
{
    const bool network = !isClosedForm(c.method);
    const auto cell = [](bool used, double value) {
        return csv::number(used ? value : kNone);
    };
    std::string row;
    row += ',' + cell(network, effectiveTau(c));
    row += ',' + cell(network, effectiveLambda1(c));
    row += ',' + cell(network, effectiveLambda2(c));
    row += ',' + std::string(network ? attributeStatsName(c.attributeStats) : "");
    row += ',' + std::string(tuningSplitsName(c.tuningSplits));
    row += ',' + csv::number(c.seenHoldout);
    row += ',' + cell(c.method == Method::Eszsl, c.eszslGamma);
    row += ',' + cell(c.method == Method::Eszsl, c.eszslLambda);
    row += ',' + cell(c.method == Method::Sae, c.saeLambda);
    row += ',' + std::string(c.method == Method::Sae ? saeDirectionName(c.saeDirection) : "");
    row += ',' + std::to_string(c.seed);
    return row;
}

} // namespace

std::string runsCsv(const std::vector<RunRecord>& runs)
{
    std::string text =
        "id,kind,created,source,dataset,label,method,tau,lambda1,lambda2,attribute_stats,"
        "tuning_splits,seen_holdout,eszsl_gamma,eszsl_lambda,sae_lambda,sae_direction,seed,"
        "epochs,validation,zsl,gzsl_ts,gzsl_tr,gzsl_h,ausuc,gamma,calibrated_ts,calibrated_tr,"
        "calibrated_h,seconds,model\n";
    const std::vector<std::string> labels = distinguishingLabels(runs);
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const RunRecord& r = runs[i];
        text += csv::quoted(r.id) + ',' + csv::quoted(runKindName(r.kind)) + ',' +
                csv::quoted(r.createdAt) + ',' + csv::quoted(r.source) + ',' +
                csv::quoted(r.dataset) + ',' + csv::quoted(labels[i]) + ',' +
                methodName(r.config.method) + methodColumns(r.config) + ',' +
                std::to_string(r.epochs);
        for (double v : {r.validationAccuracy, r.zslAccuracy, r.gzslUnseen, r.gzslSeen, r.gzslH,
                         r.ausuc, r.calibration.gamma, r.calibrated.unseenAccuracy,
                         r.calibrated.seenAccuracy, r.calibrated.harmonic, r.seconds})
            text += ',' + csv::number(v);
        text += ',' + csv::quoted(r.modelPath) + '\n';
    }
    return text;
}

void writeRunsCsv(const std::vector<RunRecord>& runs, const std::string& path)
{
    csv::writeFile(path, runsCsv(runs));
}

} // namespace semrel
