// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/exploration/matrix_bins.h>
#include <semrel/matrix.h>

#include <cstdint>
#include <vector>

namespace semrel {

// The class embeddings [C, a] as the heat map shades them: each attribute (column) scaled from
// its own minimum (0) to its maximum (1), since attributes come in different units; a constant
// column is 0 throughout.
FloatMatrix attributeShades(const FloatMatrix& embeddings);

// The mean of `shades` over each bin: row position i is class rowOrder[i], column position j
// attribute columnOrder[j]. Reads every cell of the window once (at most C x a). Any thread.
// Throws DataError for a window outside the orders or an order entry outside `shades`.
MatrixBins attributeBins(const FloatMatrix& shades, const std::vector<std::int32_t>& rowOrder,
                         const std::vector<std::int32_t>& columnOrder, const AxisBins& rows,
                         const AxisBins& columns);

} // namespace semrel
