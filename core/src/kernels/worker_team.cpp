// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "kernels/worker_team.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <immintrin.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace semrel {

namespace {

constexpr std::uint64_t kOneMember = std::uint64_t{1} << 32;

std::uint32_t membersIn(std::uint64_t state)
{
    return static_cast<std::uint32_t>(state >> 32);
}

std::uint32_t arrived(std::uint64_t state)
{
    return static_cast<std::uint32_t>(state);
}

// The futex word is the atomic's own 32 bits (lock-free, standard layout on Linux/x86-64).
int* futexWord(const std::atomic<std::uint32_t>& word)
{
    static_assert(sizeof(std::atomic<std::uint32_t>) == sizeof(int));
    return reinterpret_cast<int*>(const_cast<std::atomic<std::uint32_t>*>(&word));
}

// The team a thread is running a job of, to run nested jobs inline.
thread_local bool t_inJob = false;

std::int64_t nanosecondsNow()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

WorkerTeam::WorkerTeam(int size, int spinMicroseconds)
    : m_spinNanoseconds(std::int64_t{std::max(0, spinMicroseconds)} * 1000)
{
    for (int i = 1; i < std::max(1, size); ++i)
        m_workers.emplace_back([this, i] { workerLoop(i); });
}

WorkerTeam::~WorkerTeam()
{
    m_stopping = true;
    m_jobGeneration.fetch_add(1, std::memory_order_seq_cst);
    wakeAll(m_jobGeneration);
    for (std::thread& t : m_workers)
        t.join();
}

void WorkerTeam::run(int active, const std::function<void(TeamMember&)>& job)
{
    active = std::clamp(active, 1, size());
    if (active == 1 || t_inJob) {
        TeamMember alone(nullptr, 0, 1);
        job(alone);
        return;
    }
    m_job = &job;
    m_active = active;
    m_error = nullptr;
    for (std::atomic<std::int64_t>& next : m_next)
        next.store(0, std::memory_order_relaxed);
    m_arrival.store(static_cast<std::uint64_t>(active) * kOneMember, std::memory_order_relaxed);
    m_jobGeneration.fetch_add(1, std::memory_order_seq_cst); // publishes the stores above
    wakeAll(m_jobGeneration);

    runMember(0);
    for (;;) {
        const std::uint32_t generation = m_barrierGeneration.load(std::memory_order_acquire);
        if (membersIn(m_arrival.load(std::memory_order_acquire)) == 0)
            break;
        waitWhile(m_barrierGeneration, generation);
    }
    m_job = nullptr;
    if (m_error)
        std::rethrow_exception(m_error);
}

void WorkerTeam::workerLoop(int index)
{
    std::uint32_t seen = 0;
    for (;;) {
        waitWhile(m_jobGeneration, seen);
        seen = m_jobGeneration.load(std::memory_order_acquire);
        if (m_stopping)
            return;
        if (index < m_active)
            runMember(index);
    }
}

void WorkerTeam::runMember(int index)
{
    TeamMember member(this, index, m_active);
    t_inJob = true;
    try {
        (*m_job)(member);
    } catch (...) {
        const std::lock_guard<std::mutex> lock(m_errorMutex);
        if (!m_error)
            m_error = std::current_exception();
    }
    t_inJob = false;
    leave();
}

void WorkerTeam::barrier()
{
    const std::uint32_t generation = m_barrierGeneration.load(std::memory_order_acquire);
    const std::uint64_t state = m_arrival.fetch_add(1, std::memory_order_acq_rel) + 1;
    if (arrived(state) == membersIn(state))
        release(state);
    else
        waitWhile(m_barrierGeneration, generation);
}

// Every member still in the job is at the barrier: reset the count and let them go.
void WorkerTeam::release(std::uint64_t state)
{
    m_arrival.store(static_cast<std::uint64_t>(membersIn(state)) * kOneMember,
                    std::memory_order_relaxed);
    m_barrierGeneration.fetch_add(1, std::memory_order_seq_cst);
    wakeAll(m_barrierGeneration);
}

// A member is done with the job (or threw): the others stop counting it at barriers, and the
// last one out tells the caller.
void WorkerTeam::leave()
{
    const std::uint64_t state =
        m_arrival.fetch_sub(kOneMember, std::memory_order_acq_rel) - kOneMember;
    if (membersIn(state) == 0) {
        m_barrierGeneration.fetch_add(1, std::memory_order_seq_cst);
        wakeAll(m_barrierGeneration);
    } else if (arrived(state) > 0 && arrived(state) == membersIn(state)) {
        release(state);
    }
}

void WorkerTeam::waitWhile(const std::atomic<std::uint32_t>& word, std::uint32_t value)
{
    if (m_spinNanoseconds > 0 && word.load(std::memory_order_acquire) == value) {
        const std::int64_t until = nanosecondsNow() + m_spinNanoseconds;
        do {
            for (int i = 0; i < 32 && word.load(std::memory_order_acquire) == value; ++i)
                _mm_pause();
        } while (word.load(std::memory_order_acquire) == value && nanosecondsNow() < until);
    }
    while (word.load(std::memory_order_seq_cst) == value) {
        // Counted before the last check, so that a waker that changed the word after it sees a
        // sleeper and makes the call (both sides are sequentially consistent).
        m_sleepers.fetch_add(1, std::memory_order_seq_cst);
        if (word.load(std::memory_order_seq_cst) == value)
            syscall(SYS_futex, futexWord(word), FUTEX_WAIT_PRIVATE, static_cast<int>(value),
                    nullptr, nullptr, 0);
        m_sleepers.fetch_sub(1, std::memory_order_seq_cst);
    }
}

void WorkerTeam::wakeAll(std::atomic<std::uint32_t>& word)
{
    if (m_sleepers.load(std::memory_order_seq_cst) > 0)
        syscall(SYS_futex, futexWord(word), FUTEX_WAKE_PRIVATE, INT_MAX, nullptr, nullptr, 0);
}

} // namespace semrel
