// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "storage/hdf5_handle.h"

#include <semrel/errors.h>
#include <semrel/storage/input_file.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>

namespace semrel::h5 {

void silenceErrors()
{
    // Per thread, not per process: in a thread-safe HDF5 build (Debian's is one) each thread has
    // its own error stack and its own printing switch.
    thread_local const bool silenced = H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr) >= 0;
    (void)silenced;
}

namespace {

herr_t keepInnermost(unsigned n, const H5E_error2_t* error, void* clientData)
{
    // Walking upward, entry 0 is where the fault was found; the rest only say who called whom.
    if (n == 0 && error->desc != nullptr)
        *static_cast<std::string*>(clientData) = error->desc;
    return 0;
}

} // namespace

std::string lastErrorDetail()
{
    std::string detail;
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keepInnermost, &detail);
    clearErrors();
    // HDF5's own texts may span lines (a write failure quotes ctime(), newline included): a
    // message is one line.
    std::replace_if(
        detail.begin(), detail.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    return detail;
}

namespace {

// The number after "<key> = " in HDF5's text, or -1.
long long numberAfter(const std::string& text, const std::string& key)
{
    const std::size_t at = text.find(key + " = ");
    if (at == std::string::npos)
        return -1;
    try {
        return std::stoll(text.substr(at + key.size() + 3));
    } catch (const std::exception&) {
        return -1;
    }
}

} // namespace

std::string explainReadFailure(const std::string& detail)
{
    if (detail.find("truncated file") != std::string::npos) {
        // "truncated file: eof = 800, sblock->base_addr = 0, stored_eof = 2144"
        const long long has = numberAfter(detail, " eof");
        const long long expected = numberAfter(detail, "stored_eof");
        std::string text = "the file is incomplete";
        if (has >= 0 && expected > has)
            text += ": it has " + std::to_string(has) + " of the " + std::to_string(expected) +
                    " bytes it should have";
        return text + " (cut short while copying or downloading?)";
    }
    if (detail.find("checksum") != std::string::npos)
        return "the file is damaged: stored data no longer matches its checksum (changed after "
               "it was written?)";
    return "the file is damaged, or incomplete";
}

void clearErrors()
{
    H5Eclear2(H5E_DEFAULT);
}

bool startsWithSignature(const std::string& path)
{
    static constexpr std::array<char, 8> kSignature = {'\x89', 'H',  'D',    'F',
                                                       '\r',   '\n', '\x1a', '\n'};
    if (!isRegularFile(path))
        return false;
    std::array<char, 8> head{};
    std::ifstream in(path, std::ios::binary);
    if (!in.read(head.data(), head.size()))
        return false;
    return head == kSignature;
}

std::string technicalDetail(const std::string& detail)
{
    return detail.empty() ? std::string() : "HDF5: " + detail;
}

std::string withLastErrorDetail(const std::string& message)
{
    return withTechnicalDetail(message, technicalDetail(lastErrorDetail()));
}

} // namespace semrel::h5
