// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/exploration/matrix_bins.h>

#include <cstddef>

namespace semrel {

// Throws DataError naming `what` unless `bins` is a window of an order of `orderSize` positions.
void requireWindow(const AxisBins& bins, std::size_t orderSize, const char* what);

} // namespace semrel
