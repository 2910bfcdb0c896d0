// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "mat/mat5_reader.h"

#include "mat/mat5_elements.h"
#include "mat/mat5_stream.h"

#include <semrel/errors.h>

#include <algorithm>

namespace semrel::mat {

namespace {

constexpr std::uint64_t kHeaderBytes = 128;
// zlib cannot expand data more than about 1032:1; a larger claim is a corrupt size field, and
// believing it would mean allocating for data that is not there.
constexpr std::uint64_t kMaxInflateRatio = 1032;

struct Entry
{
    std::uint64_t offset = 0; // of the element's payload, after its 8-byte tag
    std::uint64_t length = 0;
    bool compressed = false;
};

// One variable opened for reading: its byte source, the parser state after the header.
struct OpenVariable
{
    std::unique_ptr<ByteSource> source;
    std::unique_ptr<ElementInput> input;
    std::unique_ptr<Cursor> cursor;
    MatrixHeader header;
};

class Mat5File : public MatFile
{
public:
    explicit Mat5File(const std::string& path) : MatFile(path), m_file(path) { scan(); }

    std::vector<double> readNumeric(const std::string& name) override
    {
        OpenVariable v = openNumeric(name);
        const std::uint64_t count = requirePlausible(v);
        std::vector<double> values;
        values.reserve(static_cast<std::size_t>(count));
        readNumericData(*v.cursor, v.header.info.count(),
                        [&](const double* block, std::uint64_t, std::uint64_t n) {
                            values.insert(values.end(), block, block + n);
                        });
        v.source->verifyEnd();
        return values;
    }

    void readFloats(const std::string& name, float* out, const FloatBlockSink& sink) override
    {
        OpenVariable v = openNumeric(name);
        readNumericData(*v.cursor, v.header.info.count(), out, sink);
        v.source->verifyEnd();
    }

    void requirePlausibleCount(const std::string& name) override
    {
        OpenVariable v = open(name);
        requirePlausible(v);
    }

    std::vector<std::string> readStrings(const std::string& name) override
    {
        OpenVariable v = open(name);
        if (!v.header.info.isCell())
            failVariable(name, "is a " + v.header.info.matlabClass +
                                   " array, expected a cell array of text");
        std::vector<std::string> strings = readCellOfText(*v.cursor, v.header.info.count());
        v.source->verifyEnd();
        return strings;
    }

private:
    // Every element takes at least a byte: a count the variable's bytes cannot hold is damage,
    // refused before it sizes an allocation (a fuzzed file asked for 32 GiB here).
    static std::uint64_t requirePlausible(const OpenVariable& v)
    {
        const std::uint64_t count = v.header.info.count();
        if (count > v.cursor->remaining())
            v.cursor->corrupt("it claims " + std::to_string(count) + " values in " +
                              std::to_string(v.cursor->remaining()) + " bytes");
        return count;
    }
    void scan();
    void scanElement(std::uint64_t offset, std::uint32_t type, std::uint64_t length);
    OpenVariable open(const std::string& name);
    OpenVariable openAt(const Entry& entry, const std::string& what);
    OpenVariable openNumeric(const std::string& name)
    {
        OpenVariable v = open(name);
        if (!v.header.info.isNumeric())
            failVariable(name, "is a " + v.header.info.matlabClass + " array, expected numbers");
        if (v.header.info.complex)
            failVariable(name, "is complex, expected real numbers");
        return v;
    }

    InputFile m_file;
    std::vector<Entry> m_entries; // parallel to m_variables
};

void Mat5File::scan()
{
    unsigned char header[kHeaderBytes];
    if (m_file.readAt(0, header, sizeof header) != sizeof header)
        fail("is not a MAT file: shorter than the 128-byte header");
    std::uint64_t offset = kHeaderBytes;
    while (offset + 8 <= m_file.size()) {
        unsigned char tag[8];
        m_file.readAt(offset, tag, sizeof tag);
        const std::uint32_t type = loadU32(tag);
        const std::uint64_t length = loadU32(tag + 4);
        if ((type >> 16) != 0)
            fail("is corrupt: byte " + std::to_string(offset) +
                 " does not start a data element (type " + std::to_string(type) + ")");
        if (type == miMATRIX || type == miCOMPRESSED)
            scanElement(offset + 8, type, length);
        offset += 8 + length;
    }
}

void Mat5File::scanElement(std::uint64_t offset, std::uint32_t type, std::uint64_t length)
{
    const std::string where = path() + ": the variable at byte " + std::to_string(offset - 8);
    const bool truncated = offset + length > m_file.size();
    Entry entry{offset, length, type == miCOMPRESSED};
    if (length == 0)
        return; // an empty, nameless element: nothing to list
    std::string name;
    try {
        OpenVariable v = openAt(entry, where);
        name = v.header.info.name;
        if (!truncated) {
            m_variables.push_back(v.header.info);
            m_entries.push_back(entry);
            return;
        }
    } catch (const DataError&) {
        if (!truncated)
            throw;
    }
    fail("is truncated: " + (name.empty() ? std::string("a variable") : "variable '" + name + "'") +
         " needs " + std::to_string(offset + length) + " bytes, the file has " +
         std::to_string(m_file.size()));
}

OpenVariable Mat5File::openAt(const Entry& entry, const std::string& what)
{
    OpenVariable v;
    if (entry.compressed)
        v.source = std::make_unique<InflateSource>(m_file, entry.offset, entry.length, what);
    else
        v.source = std::make_unique<FileRegion>(m_file, entry.offset, entry.length);
    v.input = std::make_unique<ElementInput>(*v.source, what);
    // What the file holds of the element: a truncated one (opened for its name) may claim 4 GiB,
    // and every allocation inside it is bounded by the budget.
    const std::uint64_t available =
        std::min(entry.length, m_file.size() - std::min(entry.offset, m_file.size()));
    std::uint64_t budget = available;
    if (entry.compressed) {
        unsigned char tag[8];
        v.input->readExact(tag, sizeof tag, "the tag of the compressed variable");
        budget = loadU32(tag + 4);
        if (loadU32(tag) != miMATRIX)
            throw DataError(what + " is corrupt: its compressed data is not a matrix element");
        if (budget > available * kMaxInflateRatio + 1024)
            throw DataError(what + " is corrupt: " + std::to_string(entry.length) +
                            " compressed bytes cannot hold the " + std::to_string(budget) +
                            " bytes it claims");
    }
    v.cursor = std::make_unique<Cursor>(*v.input, budget);
    v.header = readMatrixHeader(*v.cursor);
    return v;
}

OpenVariable Mat5File::open(const std::string& name)
{
    require(name);
    for (std::size_t i = 0; i < m_variables.size(); ++i) {
        if (m_variables[i].name == name) {
            return openAt(m_entries[i], path() + ": '" + name + "'");
        }
    }
    fail("has no variable '" + name + "'");
}

} // namespace

std::unique_ptr<MatFile> openMat5File(const std::string& path)
{
    return std::make_unique<Mat5File>(path);
}

} // namespace semrel::mat
