// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The layouts read here are those of the HDF5 File Format Specification, version 2.0:
// superblock version 0/1, symbol table entries, version 1 B-trees of group nodes (type 0) and
// symbol table nodes.
#include "storage/hdf5_group_tree.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <set>
#include <vector>

namespace semrel::h5 {

namespace {

constexpr std::uint64_t kMaxNodes = 100000; // a MAT file has a few; more is a loop or damage
constexpr int kMaxDepth = 64;

class GroupTreeWalk
{
public:
    explicit GroupTreeWalk(const std::string& path) : m_in(path, std::ios::binary)
    {
        m_in.seekg(0, std::ios::end);
        m_size = m_in ? static_cast<std::uint64_t>(m_in.tellg()) : 0;
    }

    std::string run();

private:
    // `count` bytes at the file offset `at`, or empty when they are not all inside the file.
    std::vector<unsigned char> read(std::uint64_t at, std::uint64_t count)
    {
        if (at > m_size || count > m_size - at)
            return {};
        std::vector<unsigned char> bytes(count);
        m_in.clear();
        m_in.seekg(static_cast<std::streamoff>(at));
        if (!m_in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(count)))
            return {};
        return bytes;
    }
    // A little-endian unsigned number of `width` bytes (1..8).
    static std::uint64_t number(const unsigned char* bytes, int width)
    {
        std::uint64_t value = 0;
        for (int i = width - 1; i >= 0; --i)
            value = (value << 8) | bytes[i];
        return value;
    }
    std::string groupTree(std::uint64_t address, int depth);
    std::string symbolNode(std::uint64_t address, int depth);
    std::string entry(const unsigned char* bytes, int depth);
    // The node's absolute offset, when `address` (relative to the base) has not been seen yet.
    bool firstVisit(std::uint64_t address) { return m_seen.insert(address).second; }

    std::ifstream m_in;
    std::uint64_t m_size = 0;
    std::uint64_t m_base = 0;
    int m_offsets = 8; // bytes of an address
    int m_lengths = 8; // bytes of a length
    int m_leafK = 0;   // a symbol table node holds up to 2 * leafK entries
    int m_treeK = 0;   // a group B-tree node up to 2 * treeK children
    std::set<std::uint64_t> m_seen;
};

std::string GroupTreeWalk::run()
{
    // The superblock is at 0, 512, 1024, 2048, ... (after a user block: MAT files have 512).
    for (std::uint64_t at = 0; at + 8 <= m_size; at = at == 0 ? 512 : at * 2) {
        const std::vector<unsigned char> head = read(at, std::min<std::uint64_t>(128, m_size - at));
        if (head.size() < 9 || std::memcmp(head.data(), "\x89HDF\r\n\x1a\n", 8) != 0)
            continue;
        const int version = head[8];
        if (version > 1)
            return {};                                     // checksummed metadata: HDF5 checks it
        const std::size_t fields = version == 1 ? 28 : 24; // after the fixed part
        // A file that ends inside its superblock, or shorter than the superblock says, is refused
        // by H5Fopen (as truncated) before any group is read.
        if (head.size() < fields)
            return {};
        m_offsets = head[13];
        m_lengths = head[14];
        if ((m_offsets != 4 && m_offsets != 8) || (m_lengths != 4 && m_lengths != 8))
            return "its superblock gives addresses of " + std::to_string(m_offsets) + " bytes";
        m_leafK = static_cast<int>(number(&head[16], 2));
        m_treeK = static_cast<int>(number(&head[18], 2));
        if (m_leafK == 0 || m_treeK == 0)
            return "its superblock gives a B-tree of no entries";
        const std::size_t rootEntry = fields + 4 * static_cast<std::size_t>(m_offsets);
        const std::size_t entrySize = 2 * static_cast<std::size_t>(m_offsets) + 24;
        if (head.size() < rootEntry + entrySize)
            return {};
        m_base = number(&head[fields], m_offsets);
        if (number(&head[fields + 2 * static_cast<std::size_t>(m_offsets)], m_offsets) > m_size)
            return {};
        return entry(&head[rootEntry], 0);
    }
    return {}; // no superblock: HDF5 refuses it
}

// A symbol table entry: a group cached with its B-tree and name heap (type 1) is walked.
std::string GroupTreeWalk::entry(const unsigned char* bytes, int depth)
{
    const unsigned char* cache = bytes + 2 * m_offsets;
    if (number(cache, 4) != 1)
        return {};
    return groupTree(number(cache + 8, m_offsets), depth + 1);
}

std::string GroupTreeWalk::groupTree(std::uint64_t address, int depth)
{
    if (depth > kMaxDepth || m_seen.size() > kMaxNodes)
        return "its groups nest deeper than " + std::to_string(kMaxDepth) + " levels";
    if (!firstVisit(address))
        return "its group tree has a loop";
    const std::uint64_t children = 2 * static_cast<std::uint64_t>(m_treeK);
    const std::uint64_t size =
        8 + 2 * m_offsets + children * m_offsets + (children + 1) * m_lengths;
    const std::vector<unsigned char> node =
        address > UINT64_MAX - m_base ? std::vector<unsigned char>{} : read(m_base + address, size);
    if (node.empty() || std::memcmp(node.data(), "TREE", 4) != 0 || node[4] != 0)
        return "its group tree points past the end of the file or at something else";
    const int level = node[5];
    const std::uint64_t used = number(&node[6], 2);
    if (used > children)
        return "a node of its group tree claims more entries than it can hold";
    const unsigned char* at = &node[8 + 2 * m_offsets] + m_lengths; // the first child
    for (std::uint64_t i = 0; i < used; ++i, at += m_offsets + m_lengths) {
        const std::uint64_t child = number(at, m_offsets);
        const std::string problem =
            level > 0 ? groupTree(child, depth + 1) : symbolNode(child, depth + 1);
        if (!problem.empty())
            return problem;
    }
    return {};
}

std::string GroupTreeWalk::symbolNode(std::uint64_t address, int depth)
{
    if (!firstVisit(address))
        return "its group tree has a loop";
    const std::uint64_t entrySize = 2 * static_cast<std::uint64_t>(m_offsets) + 24;
    const std::uint64_t capacity = 2 * static_cast<std::uint64_t>(m_leafK);
    const std::vector<unsigned char> node = address > UINT64_MAX - m_base
                                                ? std::vector<unsigned char>{}
                                                : read(m_base + address, 8 + capacity * entrySize);
    if (node.empty() || std::memcmp(node.data(), "SNOD", 4) != 0)
        return "its group tree points past the end of the file or at something else";
    const std::uint64_t used = number(&node[6], 2);
    if (used > capacity)
        return "a symbol table node of it claims more entries than it can hold";
    for (std::uint64_t i = 0; i < used; ++i) {
        const std::string problem = entry(&node[8 + i * entrySize], depth);
        if (!problem.empty())
            return problem;
    }
    return {};
}

} // namespace

std::string damagedGroupTree(const std::string& path)
{
    try {
        return GroupTreeWalk(path).run();
    } catch (const std::exception&) {
        return "its group tree cannot be walked";
    }
}

} // namespace semrel::h5
