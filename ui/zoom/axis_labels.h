// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "zoom/zoom_axis.h"

#include <cstdint>
#include <vector>

namespace semrel::ui {

// Which positions of an axis get a name: every position once they are at least `labelExtent`
// pixels apart (a line of text), else every step-th, the step a 1-2-5 number large enough that
// names never overlap. Labels sit on multiples of the step, so they stay put while panning.
std::int64_t labelStep(double pixelsPerPosition, double labelExtent);

// The labelled positions on screen, in order.
std::vector<std::int64_t> labelledPositions(const ZoomAxis& axis, double labelExtent);

} // namespace semrel::ui
