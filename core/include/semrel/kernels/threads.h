// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace semrel {

// Threads the core's numeric work may use by default: every core this process may run on. The
// hot paths wait for each other blocked, not spinning, so a thread that has nothing to do gives
// its core back at once (to the window's thread, or another process), and training chooses
// per step how many of them to use (docs/ARCHITECTURE.md, "Threads").
int defaultThreadCount();

// Sets LibTorch's intra-op thread count and keeps OpenBLAS's in step with it (OpenBLAS ignores
// torch's setting and would otherwise start a thread per core). count <= 0 means the default.
// Returns the count in effect. Call from the thread that will do the work, before it starts.
int configureThreads(int count);

// LibTorch's intra-op thread count right now.
int currentThreadCount();

// One line for logs and benchmark output: the thread count, the BLAS behind LibTorch with the
// kernels it chose, and the instruction set of semrel's own kernels. OpenBLAS picks its kernels
// per CPU unless OPENBLAS_CORETYPE forces them; forcing Haswell on an AVX-512 CPU halves sgemm
// (measured here: 98 against 189 GFLOP/s on one core), so the line says when it is set.
std::string computeSummary();

} // namespace semrel
