// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/exploration/matrix_order.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <string>

namespace semrel {

namespace {

// The rows being ordered, as unit vectors one after another: the recursion reads them in place
// and moves only indices.
class RecursiveBisection
{
public:
    RecursiveBisection(const FloatMatrix& vectors, const std::vector<std::int32_t>& items)
        : m_dim(vectors.cols), m_rows(static_cast<std::size_t>(items.size() * vectors.cols)),
          m_order(items.size()), m_items(items)
    {
        for (std::size_t i = 0; i < items.size(); ++i) {
            const float* in = vectors.row(items[i]);
            double norm = 0.0;
            for (std::int64_t k = 0; k < m_dim; ++k)
                norm += static_cast<double>(in[k]) * in[k];
            const double scale = norm > 0.0 ? 1.0 / std::sqrt(norm) : 0.0;
            for (std::int64_t k = 0; k < m_dim; ++k)
                m_rows[i * static_cast<std::size_t>(m_dim) + static_cast<std::size_t>(k)] =
                    static_cast<float>(in[k] * scale);
        }
        std::iota(m_order.begin(), m_order.end(), std::size_t(0));
    }

    std::vector<std::int32_t> run()
    {
        split(0, m_order.size(), {});
        std::vector<std::int32_t> out(m_order.size());
        for (std::size_t i = 0; i < m_order.size(); ++i)
            out[i] = m_items[m_order[i]];
        return out;
    }

private:
    const float* row(std::size_t local) const
    {
        return m_rows.data() + local * static_cast<std::size_t>(m_dim);
    }

    double distanceSquared(const float* a, const double* b) const
    {
        double sum = 0.0;
        for (std::int64_t k = 0; k < m_dim; ++k) {
            const double d = a[k] - b[k];
            sum += d * d;
        }
        return sum;
    }

    // The row of [lo, hi) farthest from `point` (the first of equals).
    std::size_t farthestFrom(std::size_t lo, std::size_t hi, const std::vector<double>& point) const
    {
        std::size_t best = lo;
        double bestDistance = -1.0;
        for (std::size_t i = lo; i < hi; ++i) {
            const double d = distanceSquared(row(m_order[i]), point.data());
            if (d > bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    std::vector<double> meanOf(std::size_t lo, std::size_t hi) const
    {
        std::vector<double> mean(static_cast<std::size_t>(m_dim), 0.0);
        for (std::size_t i = lo; i < hi; ++i) {
            const float* r = row(m_order[i]);
            for (std::int64_t k = 0; k < m_dim; ++k)
                mean[static_cast<std::size_t>(k)] += r[k];
        }
        for (double& v : mean)
            v /= static_cast<double>(hi - lo);
        return mean;
    }

    // The line through a row far from the part's mean and the row farthest from that one,
    // pointing the way `parent` does. Empty when every row of the part is the same.
    std::vector<double> directionOf(std::size_t lo, std::size_t hi,
                                    const std::vector<double>& parent) const
    {
        const std::vector<double> mean = meanOf(lo, hi);
        const float* a = row(m_order[farthestFrom(lo, hi, mean)]);
        const std::vector<double> pivot(a, a + m_dim);
        const float* b = row(m_order[farthestFrom(lo, hi, pivot)]);
        std::vector<double> direction(static_cast<std::size_t>(m_dim));
        double length = 0.0;
        double agreement = 0.0;
        for (std::size_t k = 0; k < direction.size(); ++k) {
            direction[k] = static_cast<double>(b[k]) - a[k];
            length += direction[k] * direction[k];
            agreement += parent.empty() ? 0.0 : direction[k] * parent[k];
        }
        if (length == 0.0)
            return {};
        if (agreement < 0.0)
            for (double& v : direction)
                v = -v;
        return direction;
    }

    void split(std::size_t lo, std::size_t hi, const std::vector<double>& parent)
    {
        if (hi - lo < 2)
            return;
        const std::vector<double> direction = directionOf(lo, hi, parent);
        if (direction.empty())
            return; // identical rows: any order is as good, keep the given one
        std::vector<double> projection(hi - lo);
        std::vector<std::size_t> local(hi - lo);
        for (std::size_t i = lo; i < hi; ++i) {
            const float* r = row(m_order[i]);
            double p = 0.0;
            for (std::int64_t k = 0; k < m_dim; ++k)
                p += r[k] * direction[static_cast<std::size_t>(k)];
            projection[i - lo] = p;
            local[i - lo] = i - lo;
        }
        std::stable_sort(local.begin(), local.end(), [&](std::size_t x, std::size_t y) {
            return projection[x] < projection[y];
        });
        const std::vector<std::size_t> before(m_order.begin() + static_cast<std::ptrdiff_t>(lo),
                                              m_order.begin() + static_cast<std::ptrdiff_t>(hi));
        std::vector<double> sorted(local.size());
        for (std::size_t i = 0; i < local.size(); ++i) {
            m_order[lo + i] = before[local[i]];
            sorted[i] = projection[local[i]];
        }
        const std::size_t cut = lo + widestGap(sorted);
        split(lo, cut, direction);
        split(cut, hi, direction);
    }

    // Where to cut sorted projections: the widest gap with at least a quarter on each side (so
    // the recursion stays O(log n) deep), which keeps a tight group of rows in one part.
    static std::size_t widestGap(const std::vector<double>& sorted)
    {
        const std::size_t n = sorted.size();
        const std::size_t first = std::max<std::size_t>(1, n / 4);
        const std::size_t last = std::min(n - 1, n - n / 4);
        std::size_t cut = first;
        double widest = -1.0;
        for (std::size_t i = first; i <= last; ++i) {
            const double gap = sorted[i] - sorted[i - 1];
            if (gap > widest) {
                widest = gap;
                cut = i;
            }
        }
        return cut;
    }

    std::int64_t m_dim;
    std::vector<float> m_rows;        // [n, d] unit rows, in the order of `items`
    std::vector<std::size_t> m_order; // local row indices, reordered in place
    const std::vector<std::int32_t>& m_items;
};

void requireRows(const FloatMatrix& vectors, const std::vector<std::int32_t>& items)
{
    for (std::int32_t item : items)
        if (item < 0 || item >= vectors.rows)
            throw DataError("similarity order: row " + std::to_string(item) + " is outside the " +
                            std::to_string(vectors.rows) + " rows");
}

// Natural, case-insensitive comparison: digit runs compare as numbers. -1, 0, 1.
int compareNatural(const std::string& a, const std::string& b)
{
    std::size_t i = 0;
    std::size_t j = 0;
    const auto digit = [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            const std::size_t i0 = i;
            const std::size_t j0 = j;
            while (i < a.size() && digit(a[i]))
                ++i;
            while (j < b.size() && digit(b[j]))
                ++j;
            // Compare the runs as numbers without converting: strip leading zeros, then length.
            std::string x = a.substr(i0, i - i0);
            std::string y = b.substr(j0, j - j0);
            x.erase(0, std::min(x.find_first_not_of('0'), x.size()));
            y.erase(0, std::min(y.find_first_not_of('0'), y.size()));
            if (x.size() != y.size())
                return x.size() < y.size() ? -1 : 1;
            if (x != y)
                return x < y ? -1 : 1;
            continue;
        }
        const int ca = std::tolower(static_cast<unsigned char>(a[i]));
        const int cb = std::tolower(static_cast<unsigned char>(b[j]));
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size())
        return i < a.size() ? 1 : -1;
    return 0;
}

} // namespace

std::vector<std::int32_t> similarityOrder(const FloatMatrix& vectors,
                                          const std::vector<std::int32_t>& items)
{
    requireRows(vectors, items);
    return RecursiveBisection(vectors, items).run();
}

std::vector<std::int32_t> similarityOrder(const FloatMatrix& vectors)
{
    std::vector<std::int32_t> all(static_cast<std::size_t>(vectors.rows));
    std::iota(all.begin(), all.end(), 0);
    return similarityOrder(vectors, all);
}

std::vector<std::int32_t> columnSimilarityOrder(const FloatMatrix& m)
{
    FloatMatrix columns(m.cols, m.rows);
    for (std::int64_t c = 0; c < m.cols; ++c) {
        double sum = 0.0;
        for (std::int64_t r = 0; r < m.rows; ++r)
            sum += m.at(r, c);
        const double mean = m.rows > 0 ? sum / static_cast<double>(m.rows) : 0.0;
        float* out = columns.row(c);
        for (std::int64_t r = 0; r < m.rows; ++r)
            out[r] = static_cast<float>(m.at(r, c) - mean);
    }
    return similarityOrder(columns);
}

std::vector<std::int32_t> nameOrder(const std::vector<std::string>& names,
                                    const std::vector<std::int32_t>& items)
{
    for (std::int32_t item : items)
        if (item < 0 || static_cast<std::size_t>(item) >= names.size())
            throw DataError("name order: class " + std::to_string(item) + " has no name (" +
                            std::to_string(names.size()) + " names)");
    std::vector<std::int32_t> order = items;
    std::sort(order.begin(), order.end(), [&](std::int32_t x, std::int32_t y) {
        const int c =
            compareNatural(names[static_cast<std::size_t>(x)], names[static_cast<std::size_t>(y)]);
        return c != 0 ? c < 0 : x < y;
    });
    return order;
}

std::vector<std::int32_t> positionsIn(const std::vector<std::int32_t>& order,
                                      std::int64_t itemCount)
{
    std::vector<std::int32_t> position(
        static_cast<std::size_t>(std::max<std::int64_t>(0, itemCount)), -1);
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] < 0 || order[i] >= itemCount)
            throw DataError("matrix order: item " + std::to_string(order[i]) + " is outside the " +
                            std::to_string(itemCount) + " items");
        position[static_cast<std::size_t>(order[i])] = static_cast<std::int32_t>(i);
    }
    return position;
}

} // namespace semrel
