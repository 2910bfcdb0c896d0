// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <string>

namespace semrel {

// Reports how far a long operation is: fraction in [0, 1] and a short stage text such as
// "reading features". Called on the thread doing the work; it must be cheap and must not throw.
using ProgressCallback = std::function<void(double fraction, const std::string& stage)>;

} // namespace semrel
