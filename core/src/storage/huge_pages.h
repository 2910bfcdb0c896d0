// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>

namespace semrel {

// Asks the kernel to back a large, freshly allocated and not yet touched buffer with huge pages.
// First touching fresh memory costs one page fault per 4 KiB; for the 300 MB of AWA2 features
// that was most of the load time (measured: 1.5 s of CPU with 4 KiB pages, 0.3 s with huge
// pages). Best effort: a no-op for small buffers, off Linux, or when the kernel declines.
void adviseHugePages(void* data, std::size_t bytes);

} // namespace semrel
