// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "reports/csv_text.h"

#include <semrel/reports/similarity_csv.h>

namespace semrel {

std::string similarityCsv(const std::vector<ClassSimilarity>& similarities, std::int32_t trueClass,
                          double tau)
{
    std::string text = "rank,class_index,class,cosine,relation,tau,seen,true_class\n";
    int rank = 0;
    for (const ClassSimilarity& s : similarities)
        text += std::to_string(++rank) + ',' + std::to_string(s.classIndex) + ',' +
                csv::quoted(s.className) + ',' + csv::number(s.similarity) + ',' +
                relationName(s.relation) + ',' + csv::number(tau) + ',' + (s.seen ? "1" : "0") +
                ',' + (s.classIndex == trueClass ? "1" : "0") + '\n';
    return text;
}

void writeSimilarityCsv(const std::vector<ClassSimilarity>& similarities, std::int32_t trueClass,
                        double tau, const std::string& path)
{
    csv::writeFile(path, similarityCsv(similarities, trueClass, tau));
}

} // namespace semrel
