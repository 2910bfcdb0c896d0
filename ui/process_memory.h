// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

namespace semrel::ui {

// Resident memory of this process in bytes (VmRSS of /proc/self/status), or -1 where that file
// is not available. Cheap enough to call once a second from the GUI thread.
qint64 residentMemoryBytes();

} // namespace semrel::ui
