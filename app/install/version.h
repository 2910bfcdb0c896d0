// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

namespace semrel::app {

// The programs' version: CMake's project(VERSION), the one place it is written.
const char* programVersion();

} // namespace semrel::app
