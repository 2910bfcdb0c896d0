// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "exploration/window_check.h"

#include <semrel/errors.h>
#include <semrel/exploration/confusion_counts.h>
#include <semrel/exploration/matrix_order.h>

#include <algorithm>
#include <limits>
#include <string>

namespace semrel {

namespace {

void requireClass(std::int32_t c, std::int64_t classCount, const char* role, std::int64_t sample)
{
    if (c < 0 || c >= classCount)
        throw DataError("confusion counts: sample " + std::to_string(sample) + " has " + role +
                        " class " + std::to_string(c) + ", outside the " +
                        std::to_string(classCount) + " classes");
}

ConfusedPair pairOf(const ConfusionCounts& counts, std::int32_t t, std::int32_t p, std::int64_t n)
{
    const std::int64_t samples = counts.samplesOf(t);
    return {t, p, n, samples > 0 ? static_cast<double>(n) / static_cast<double>(samples) : 0.0};
}

// More samples first; then the larger share of its class; then by classes, for a stable list.
bool ranksHigher(const ConfusedPair& a, const ConfusedPair& b)
{
    if (a.count != b.count)
        return a.count > b.count;
    if (a.share != b.share)
        return a.share > b.share;
    return a.trueClass != b.trueClass ? a.trueClass < b.trueClass
                                      : a.predictedClass < b.predictedClass;
}

// Keeps the k highest-ranked pairs offered, in a heap whose top is the lowest kept.
class TopPairs
{
public:
    explicit TopPairs(std::size_t k) : m_k(k) {}
    void offer(const ConfusedPair& pair)
    {
        if (m_k == 0)
            return;
        if (m_heap.size() < m_k) {
            m_heap.push_back(pair);
            std::push_heap(m_heap.begin(), m_heap.end(), ranksHigher);
        } else if (ranksHigher(pair, m_heap.front())) {
            std::pop_heap(m_heap.begin(), m_heap.end(), ranksHigher);
            m_heap.back() = pair;
            std::push_heap(m_heap.begin(), m_heap.end(), ranksHigher);
        }
    }
    std::vector<ConfusedPair> sorted()
    {
        std::sort(m_heap.begin(), m_heap.end(), ranksHigher);
        return m_heap;
    }

private:
    std::size_t m_k;
    std::vector<ConfusedPair> m_heap;
};

std::vector<std::int32_t> classesAt(const std::vector<std::int32_t>& order, const AxisBins& window,
                                    std::int64_t classCount)
{
    std::vector<std::int32_t> classes;
    classes.reserve(static_cast<std::size_t>(window.end - window.begin));
    for (std::int64_t p = window.begin; p < window.end; ++p) {
        const std::int32_t c = order[static_cast<std::size_t>(p)];
        if (c < 0 || c >= classCount)
            throw DataError("confusion matrix: position " + std::to_string(p) + " shows class " +
                            std::to_string(c) + ", outside the " + std::to_string(classCount) +
                            " classes");
        classes.push_back(c);
    }
    return classes;
}

} // namespace

ConfusionCounts::ConfusionCounts(const std::vector<Prediction>& predictions,
                                 std::int64_t classCount)
    : m_rowStart(static_cast<std::size_t>(std::max<std::int64_t>(classCount, 0)) + 1, 0),
      m_samples(static_cast<std::size_t>(std::max<std::int64_t>(classCount, 0)), 0)
{
    for (const Prediction& p : predictions) {
        requireClass(p.trueClass, classCount, "true", p.sample);
        requireClass(p.predictedClass, classCount, "predicted", p.sample);
        ++m_samples[static_cast<std::size_t>(p.trueClass)];
    }
    // Counting sort by true class, then each row's predicted classes sorted and merged.
    std::vector<std::int64_t> next(m_samples.size() + 1, 0);
    for (std::size_t t = 0; t < m_samples.size(); ++t)
        next[t + 1] = next[t] + m_samples[t];
    std::vector<std::int32_t> predicted(predictions.size());
    const std::vector<std::int64_t> starts = next;
    for (const Prediction& p : predictions)
        predicted[static_cast<std::size_t>(next[static_cast<std::size_t>(p.trueClass)]++)] =
            p.predictedClass;
    for (std::size_t t = 0; t < m_samples.size(); ++t) {
        const auto begin = predicted.begin() + starts[t];
        const auto end = predicted.begin() + starts[t + 1];
        std::sort(begin, end);
        for (auto it = begin; it != end;) {
            const auto run = std::upper_bound(it, end, *it);
            m_entries.push_back({*it, static_cast<std::int64_t>(run - it)});
            it = run;
        }
        m_rowStart[t + 1] = static_cast<std::int64_t>(m_entries.size());
    }
}

const ConfusionCounts::Entry* ConfusionCounts::rowBegin(std::int32_t t) const
{
    return m_entries.data() + m_rowStart[static_cast<std::size_t>(t)];
}

const ConfusionCounts::Entry* ConfusionCounts::rowEnd(std::int32_t t) const
{
    return m_entries.data() + m_rowStart[static_cast<std::size_t>(t) + 1];
}

std::int64_t ConfusionCounts::count(std::int32_t t, std::int32_t p) const
{
    if (t < 0 || t >= classCount())
        return 0;
    const Entry* end = rowEnd(t);
    const Entry* it = std::lower_bound(
        rowBegin(t), end, p, [](const Entry& e, std::int32_t c) { return e.predictedClass < c; });
    return it != end && it->predictedClass == p ? it->count : 0;
}

std::int64_t ConfusionCounts::samplesOf(std::int32_t t) const
{
    return t >= 0 && t < classCount() ? m_samples[static_cast<std::size_t>(t)] : 0;
}

std::vector<ConfusedPair> mostConfusedPairs(const ConfusionCounts& counts, std::size_t k)
{
    TopPairs top(k);
    for (std::int32_t t = 0; t < counts.classCount(); ++t)
        for (const auto* e = counts.rowBegin(t); e != counts.rowEnd(t); ++e)
            if (e->predictedClass != t)
                top.offer(pairOf(counts, t, e->predictedClass, e->count));
    return top.sorted();
}

MatrixBins confusionBins(const ConfusionCounts& counts, const std::vector<std::int32_t>& rowOrder,
                         const std::vector<std::int32_t>& columnOrder, const AxisBins& rows,
                         const AxisBins& columns)
{
    requireWindow(rows, rowOrder.size(), "confusion matrix rows");
    requireWindow(columns, columnOrder.size(), "confusion matrix columns");
    const std::vector<std::int32_t> rowClasses = classesAt(rowOrder, rows, counts.classCount());
    classesAt(columnOrder, columns, counts.classCount()); // checks the window's entries
    // Where each predicted class sits among the columns: O(C) ints, not C².
    const std::vector<std::int32_t> column = positionsIn(columnOrder, counts.classCount());

    MatrixBins out;
    out.rows = rows;
    out.columns = columns;
    const std::int64_t columnBins = columns.count();
    std::vector<std::int64_t> hits(static_cast<std::size_t>(rows.count() * columnBins), 0);
    std::vector<std::int64_t> samples(static_cast<std::size_t>(rows.count()), 0);
    for (std::size_t i = 0; i < rowClasses.size(); ++i) {
        const std::int32_t t = rowClasses[i];
        const std::int64_t bin = rows.binOf(rows.begin + static_cast<std::int64_t>(i));
        samples[static_cast<std::size_t>(bin)] += counts.samplesOf(t);
        for (const auto* e = counts.rowBegin(t); e != counts.rowEnd(t); ++e) {
            const std::int32_t q = column[static_cast<std::size_t>(e->predictedClass)];
            if (q >= 0 && columns.contains(q))
                hits[static_cast<std::size_t>(bin * columnBins + columns.binOf(q))] += e->count;
        }
        out.cellsRead += counts.rowEnd(t) - counts.rowBegin(t);
    }
    out.values.resize(hits.size());
    for (std::size_t k = 0; k < hits.size(); ++k) {
        const std::int64_t n = samples[k / static_cast<std::size_t>(columnBins)];
        out.values[k] =
            n == 0 ? std::numeric_limits<float>::quiet_NaN()
                   : static_cast<float>(static_cast<double>(hits[k]) / static_cast<double>(n));
    }
    return out;
}

std::vector<ConfusedPair> largestCellsIn(const ConfusionCounts& counts,
                                         const std::vector<std::int32_t>& rowOrder,
                                         const std::vector<std::int32_t>& columnOrder,
                                         const AxisBins& rows, const AxisBins& columns,
                                         std::size_t k)
{
    requireWindow(rows, rowOrder.size(), "confusion matrix rows");
    requireWindow(columns, columnOrder.size(), "confusion matrix columns");
    const std::vector<std::int32_t> rowClasses = classesAt(rowOrder, rows, counts.classCount());
    const std::vector<std::int32_t> column = positionsIn(columnOrder, counts.classCount());
    TopPairs top(k);
    for (const std::int32_t t : rowClasses)
        for (const auto* e = counts.rowBegin(t); e != counts.rowEnd(t); ++e) {
            const std::int32_t q = column[static_cast<std::size_t>(e->predictedClass)];
            if (q >= 0 && columns.contains(q))
                top.offer(pairOf(counts, t, e->predictedClass, e->count));
        }
    return top.sorted();
}

} // namespace semrel
