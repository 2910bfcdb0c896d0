// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/dataset/idx_file.h>
#include <semrel/errors.h>
#include <semrel/storage/input_file.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <zlib.h>

namespace semrel {

namespace {

// gzopen reads plain files too (transparently), so one reader serves .gz and uncompressed IDX.
class GzFile
{
public:
    explicit GzFile(const std::string& path)
        : m_path(path), m_file((requireRegularFile(path), gzopen(path.c_str(), "rb")))
    {
        if (!m_file)
            throw DataError(path + ": cannot open the file");
    }
    ~GzFile() { gzclose(m_file); }
    GzFile(const GzFile&) = delete;
    GzFile& operator=(const GzFile&) = delete;

    // Reads exactly `size` bytes; `field` names what they are for the error message.
    void read(void* buffer, std::size_t size, const std::string& field)
    {
        auto* out = static_cast<unsigned char*>(buffer);
        std::size_t done = 0;
        while (done < size) {
            // gzread takes an unsigned count; read big payloads in slices.
            const unsigned slice =
                static_cast<unsigned>(std::min<std::size_t>(size - done, 1u << 30));
            const int got = gzread(m_file, out + done, slice);
            if (got < 0) {
                int code = 0;
                const char* message = gzerror(m_file, &code);
                throw DataError(m_path + ": " + field + " cannot be read (" + message +
                                "); the file is corrupt");
            }
            if (got == 0)
                throw DataError(m_path + ": truncated in " + field + ": " + std::to_string(size) +
                                " bytes expected, " + std::to_string(done) + " found");
            done += static_cast<std::size_t>(got);
        }
    }

    // True when nothing follows: trailing bytes mean the sizes in the header are wrong.
    bool atEnd()
    {
        unsigned char byte = 0;
        return gzread(m_file, &byte, 1) == 0;
    }

private:
    std::string m_path;
    gzFile m_file;
};

std::uint32_t bigEndian(const unsigned char* b)
{
    return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
           std::uint32_t{b[3]};
}

// Reads the magic number and the sizes, checking the type code and the number of dimensions.
std::vector<std::int64_t> readHeader(GzFile& file, const std::string& path, int dimensions)
{
    std::array<unsigned char, 4> magic{};
    file.read(magic.data(), magic.size(), "the magic number");
    const std::uint32_t expected = 0x0800u + static_cast<std::uint32_t>(dimensions);
    if (magic[0] != 0 || magic[1] != 0 || magic[2] != 0x08 || magic[3] != dimensions) {
        char found[16];
        std::snprintf(found, sizeof found, "0x%08X", bigEndian(magic.data()));
        char wanted[16];
        std::snprintf(wanted, sizeof wanted, "0x%08X", expected);
        throw DataError(path + ": the magic number is " + found + ", expected " + wanted +
                        " (IDX, unsigned bytes, " + std::to_string(dimensions) +
                        " dimensions); not an IDX " + (dimensions == 1 ? "label" : "image") +
                        " file");
    }
    std::vector<std::int64_t> sizes;
    for (int d = 0; d < dimensions; ++d) {
        std::array<unsigned char, 4> size{};
        file.read(size.data(), size.size(), "the size of dimension " + std::to_string(d));
        sizes.push_back(bigEndian(size.data()));
    }
    return sizes;
}

void checkSize(const std::string& path, const char* field, std::int64_t value, std::int64_t max)
{
    if (value < 1 || value > max)
        throw DataError(path + ": the " + std::string(field) + " in the header is " +
                        std::to_string(value) + ", expected 1 to " + std::to_string(max));
}

} // namespace

ImagePixels readIdxImages(const std::string& path)
{
    GzFile file(path);
    const std::vector<std::int64_t> sizes = readHeader(file, path, 3);
    // Bounds that a corrupt header cannot talk us past: no huge allocation before reading.
    checkSize(path, "image count", sizes[0], 10'000'000);
    checkSize(path, "image height", sizes[1], 4096);
    checkSize(path, "image width", sizes[2], 4096);
    ImagePixels images;
    images.count = sizes[0];
    images.height = sizes[1];
    images.width = sizes[2];
    const std::int64_t total = images.count * images.height * images.width;
    if (total > (std::int64_t{1} << 32))
        throw DataError(path + ": the header announces " + std::to_string(total) +
                        " pixels, more than an IDX image file can sensibly hold");
    images.values.resize(static_cast<std::size_t>(total));
    file.read(images.values.data(), images.values.size(), "the pixels");
    if (!file.atEnd())
        throw DataError(path + ": bytes follow the " + std::to_string(images.count) +
                        " images announced in the header");
    return images;
}

std::vector<std::uint8_t> readIdxLabels(const std::string& path)
{
    GzFile file(path);
    const std::vector<std::int64_t> sizes = readHeader(file, path, 1);
    checkSize(path, "label count", sizes[0], 10'000'000);
    std::vector<std::uint8_t> labels(static_cast<std::size_t>(sizes[0]));
    file.read(labels.data(), labels.size(), "the labels");
    if (!file.atEnd())
        throw DataError(path + ": bytes follow the " + std::to_string(labels.size()) +
                        " labels announced in the header");
    return labels;
}

} // namespace semrel
