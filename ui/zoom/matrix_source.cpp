// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "zoom/matrix_source.h"

#include <QCoreApplication>

namespace semrel::ui {

QString binItemsText(const MatrixSource& source, const AxisBins& bins, std::int64_t bin,
                     MatrixAxis axis)
{
    const auto label = [&](std::int64_t p) {
        return axis == MatrixAxis::Rows ? source.rowLabel(p) : source.columnLabel(p);
    };
    const std::int64_t first = bins.binBegin(bin);
    const std::int64_t last = bins.binEnd(bin) - 1;
    if (first == last)
        return label(first);
    return QCoreApplication::translate("MatrixSource", "%1 … %2 (%3)")
        .arg(label(first), label(last))
        .arg(last - first + 1);
}

} // namespace semrel::ui
