// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "version.h"

#ifndef SEMREL_VERSION
#error "SEMREL_VERSION must be defined by app/CMakeLists.txt"
#endif

namespace semrel::app {

const char* programVersion()
{
    return SEMREL_VERSION;
}

} // namespace semrel::app
