// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/model_file/model_state.h>

#include <cstdint>

namespace semrel {

// CRC-32 of everything a model file holds, in a fixed order and byte layout: the configuration,
// dimensions, normalisers, weights, classes, history, names and checkpoint state. The model file
// stores it (root attribute `checksum`, docs/FORMATS.md), and the reader recomputes it from what
// it read: HDF5 checksums the metadata and the chunked arrays, but not the values of small
// scalars and attributes (a flipped bit in /config/seed was read as another seed), and this
// covers them all. A guard against damage, not against a deliberate forgery.
std::uint32_t modelChecksum(const ModelState& state);

} // namespace semrel
