// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

namespace semrel {

// Runs OpenBLAS on the calling thread only while it lives, and gives it back the configured
// count (currentThreadCount()) afterwards. The training step splits its small matrix products
// over LibTorch's threads itself: OpenBLAS's own workers, which spin for a while after every
// call, would otherwise take the second core from the step's other parallel work.
class SingleThreadedBlas
{
public:
    SingleThreadedBlas();
    ~SingleThreadedBlas();
    SingleThreadedBlas(const SingleThreadedBlas&) = delete;
    SingleThreadedBlas& operator=(const SingleThreadedBlas&) = delete;
};

} // namespace semrel
