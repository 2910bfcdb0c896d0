// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "reports/csv_text.h"

#include <semrel/reports/history_csv.h>

namespace semrel {

std::string historyCsv(const std::vector<RunHistory>& runs)
{
    std::string text = "run,label,epoch,loss,o1,o2,o3,validation,zsl,gzsl_ts,gzsl_tr,gzsl_h,"
                       "seconds,eval_seconds\n";
    for (std::size_t r = 0; r < runs.size(); ++r)
        for (const EpochReport& e : runs[r].history) {
            text += std::to_string(r + 1) + ',' + csv::quoted(runs[r].label) + ',' +
                    std::to_string(e.epoch);
            for (double value : {e.loss, e.o1, e.o2, e.o3, e.validationAccuracy, e.zslAccuracy,
                                 e.gzslUnseen, e.gzslSeen, e.gzslH, e.seconds, e.evalSeconds})
                text += ',' + csv::number(value);
            text += '\n';
        }
    return text;
}

void writeHistoryCsv(const std::vector<RunHistory>& runs, const std::string& path)
{
    csv::writeFile(path, historyCsv(runs));
}

} // namespace semrel
