// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace semrel {

class TeamMember;

// A fixed team of threads that runs one job at a time: the training step, or a block of the
// class scorer's products. The calling thread is member 0; the others are started once and,
// between jobs and at barriers, wait blocked in the kernel (a futex) after at most a short spin,
// so a waiting member never holds a core that another process or a descheduled member needs.
//
// This is why the hot paths do not use OpenMP (LibTorch's at::parallel_for): with the wait
// policy a user's shell leaves unset, libgomp's workers spin for milliseconds at every region's
// end, and with one other busy process on 2 cores each of the training step's ~25 regions
// waited for a descheduled, spinning worker: 2 threads ran 2x slower than 1
// (docs/BENCHMARKS.md, "Traps"). The policy cannot be changed once libgomp is loaded, which is
// before main().
//
// Not thread-safe: one caller at a time (each training run or evaluation owns its team).
class WorkerTeam
{
public:
    // `size` >= 1 members, the caller included. `spinMicroseconds`: how long a waiting member
    // checks for its wake-up before it sleeps (0: sleep at once).
    explicit WorkerTeam(int size, int spinMicroseconds = kDefaultSpinMicroseconds);
    ~WorkerTeam();
    WorkerTeam(const WorkerTeam&) = delete;
    WorkerTeam& operator=(const WorkerTeam&) = delete;

    int size() const { return static_cast<int>(m_workers.size()) + 1; }

    // Runs `job` on members 0..active-1 (active is clamped to [1, size()]; the caller is
    // member 0) and returns when every one of them has returned from it. The first exception a
    // member throws is rethrown here once all have returned; a member that threw leaves the
    // job, so the others' barriers stop waiting for it. Called from inside a job, it runs `job`
    // on the calling thread alone.
    void run(int active, const std::function<void(TeamMember&)>& job);

    // A short spin covers the common case where the other member arrives within microseconds
    // (a wake-up from sleep costs tens of microseconds on a VM); it is bounded, so a member
    // waiting for a descheduled one gives its core away soon (measured: docs/BENCHMARKS.md).
    static constexpr int kDefaultSpinMicroseconds = 20;

private:
    friend class TeamMember;
    static constexpr int kMaxShares = 64; // share() calls per job

    void workerLoop(int index);
    void runMember(int index);
    void barrier();
    void leave();
    void release(std::uint64_t state);
    void waitWhile(const std::atomic<std::uint32_t>& word, std::uint32_t value);
    void wakeAll(std::atomic<std::uint32_t>& word);

    std::vector<std::thread> m_workers;
    std::int64_t m_spinNanoseconds;
    const std::function<void(TeamMember&)>* m_job = nullptr;
    int m_active = 1;
    bool m_stopping = false;
    std::atomic<std::uint32_t> m_jobGeneration{0};
    // (members still in the job) << 32 | (members arrived at the current barrier)
    std::atomic<std::uint64_t> m_arrival{0};
    // Bumped when a barrier opens and when the last member leaves a job.
    std::atomic<std::uint32_t> m_barrierGeneration{0};
    std::atomic<int> m_sleepers{0};
    std::array<std::atomic<std::int64_t>, kMaxShares> m_next{};
    std::mutex m_errorMutex;
    std::exception_ptr m_error;
};

// One member's view of the running job.
class TeamMember
{
public:
    int index() const { return m_index; }
    int count() const { return m_count; }

    // Returns when every member still in the job has called it as often as this one.
    void barrier()
    {
        if (m_team)
            m_team->barrier();
    }

    // Calls item(i) for i in [0, items), each i on whichever member asks first, so that a member
    // that gets less of the CPU (another process, a descheduled thread) simply takes fewer
    // items. Every member of the job must make the same sequence of share() calls: the k-th
    // call of each hands out the same items. No barrier is implied.
    template <typename Item> void share(std::int64_t items, const Item& item)
    {
        if (!m_team) {
            for (std::int64_t i = 0; i < items; ++i)
                item(i);
            return;
        }
        std::atomic<std::int64_t>& next = m_team->m_next.at(static_cast<std::size_t>(m_shares++));
        for (std::int64_t i = next.fetch_add(1, std::memory_order_relaxed); i < items;
             i = next.fetch_add(1, std::memory_order_relaxed))
            item(i);
    }

private:
    friend class WorkerTeam;
    TeamMember(WorkerTeam* team, int index, int count)
        : m_team(team), m_index(index), m_count(count)
    {}

    WorkerTeam* m_team; // nullptr: a job run inline on one thread
    int m_index;
    int m_count;
    int m_shares = 0;
};

} // namespace semrel
