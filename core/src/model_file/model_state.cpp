// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/model_file/model_state.h>

#include <cstdio>

namespace semrel {

namespace {

// FNV-1a, 64 bit: stable across platforms and runs (std::hash is not), and plenty to tell
// datasets apart; it is no protection against a deliberate collision.
class Fnv1a
{
public:
    void bytes(const void* data, std::size_t size)
    {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) {
            m_hash ^= p[i];
            m_hash *= 0x100000001b3ULL;
        }
    }
    // Fixed-width little-endian, so the digest does not depend on the host's integer layout.
    void integer(std::int64_t value)
    {
        unsigned char le[8];
        for (int i = 0; i < 8; ++i)
            le[i] = static_cast<unsigned char>(static_cast<std::uint64_t>(value) >> (8 * i));
        bytes(le, sizeof le);
    }
    // Length first, so that ("ab", "c") and ("a", "bc") differ.
    void text(const std::string& s)
    {
        integer(static_cast<std::int64_t>(s.size()));
        bytes(s.data(), s.size());
    }
    std::uint64_t value() const { return m_hash; }

private:
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

} // namespace

std::string hashOfSplits(const Dataset& data)
{
    Fnv1a h;
    h.integer(static_cast<std::int64_t>(data.classNames.size()));
    for (const std::string& name : data.classNames)
        h.text(name);
    h.integer(static_cast<std::int64_t>(data.labels.size()));
    for (std::int32_t label : data.labels)
        h.integer(label);
    for (Split s : kAllSplits) {
        const auto& indices = data.split(s);
        h.integer(static_cast<std::int64_t>(indices.size()));
        for (std::int64_t i : indices)
            h.integer(i);
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h.value()));
    return hex;
}

} // namespace semrel
