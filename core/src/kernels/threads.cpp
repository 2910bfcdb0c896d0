// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "kernels/blas_threads.h"
#include "kernels/vector_isa.h"

#include <semrel/kernels/threads.h>

#include <ATen/Parallel.h>

#include <algorithm>
#include <cstdlib>
#include <dlfcn.h>
#include <sched.h>
#include <thread>

namespace semrel {

namespace {

// Looked up at run time: the BLAS behind libblas.so.3 is chosen by Debian's alternatives, and
// only OpenBLAS has this entry point. With another BLAS there is nothing to keep in step.
void setOpenBlasThreads(int count)
{
    using SetThreads = void (*)(int);
    if (auto fn = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        fn(count);
}

std::string openBlasKernels()
{
    using CoreName = char* (*)();
    auto fn = reinterpret_cast<CoreName>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    if (!fn)
        return "BLAS: not OpenBLAS";
    std::string text = std::string("BLAS: OpenBLAS, ") + fn() + " kernels";
    if (const char* forced = std::getenv("OPENBLAS_CORETYPE"))
        text += std::string(" (OPENBLAS_CORETYPE=") + forced + ")";
    return text;
}

} // namespace

int defaultThreadCount()
{
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (sched_getaffinity(0, sizeof allowed, &allowed) == 0)
        return std::max(1, CPU_COUNT(&allowed));
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

int configureThreads(int count)
{
    const int threads = count > 0 ? count : defaultThreadCount();
    at::set_num_threads(threads);
    setOpenBlasThreads(threads);
    return at::get_num_threads();
}

int currentThreadCount()
{
    return at::get_num_threads();
}

SingleThreadedBlas::SingleThreadedBlas()
{
    setOpenBlasThreads(1);
}

SingleThreadedBlas::~SingleThreadedBlas()
{
    setOpenBlasThreads(currentThreadCount());
}

std::string computeSummary()
{
    return "threads: " + std::to_string(currentThreadCount()) + "; " + openBlasKernels() +
           "; semrel kernels: " + vectorIsaName(vectorIsa());
}

} // namespace semrel
