// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "reports/csv_text.h"
#include "runs/run_json.h"

#include <semrel/errors.h>
#include <semrel/runs/run_store.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace semrel {

namespace fs = std::filesystem;

namespace {

// The time now, UTC, with milliseconds: runs added in one second still sort in order.
std::string utcNow(const char* format, const char* millisecondsFormat)
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, format, &utc);
    char withMs[48];
    std::snprintf(withMs, sizeof withMs, millisecondsFormat, text, static_cast<int>(ms));
    return withMs;
}

// Time first, so that file names sort by creation; then random bits, so that two programs adding
// a run in the same second never pick the same name.
std::string newId()
{
    std::random_device device;
    char suffix[9];
    std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(device()));
    return utcNow("%Y%m%dT%H%M%S", "%s%03dZ") + "-" + suffix;
}

// An id names a file in the folder, never a path elsewhere.
void requireSafeId(const std::string& id)
{
    const bool safe =
        !id.empty() && id.size() < 128 && std::all_of(id.begin(), id.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
        });
    if (!safe)
        throw Error("run id '" + id + "' is not a plain name");
}

std::string readText(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.good() && !in.eof())
        throw Error("could not be read");
    return text.str();
}

} // namespace

RunStore::RunStore(std::string folder) : m_folder(std::move(folder)) {}

std::string RunStore::pathOf(const std::string& id) const
{
    requireSafeId(id);
    return (fs::path(m_folder) / (id + ".json")).string();
}

RunRecord RunStore::add(RunRecord record) const
{
    std::error_code ec;
    fs::create_directories(m_folder, ec);
    if (ec)
        throw Error(m_folder + ": the runs folder could not be created (" + ec.message() + ")");
    if (record.kind == RunKind::LoadedModel && record.id.empty())
        for (const RunRecord& earlier : load())
            if (sameModelFile(earlier, record)) {
                record.id = earlier.id;
                record.createdAt = earlier.createdAt;
                update(record);
                return record;
            }
    if (record.id.empty())
        record.id = newId();
    if (record.createdAt.empty())
        record.createdAt = utcNow("%Y-%m-%dT%H:%M:%S", "%s.%03dZ");
    const std::string path = pathOf(record.id);
    if (fs::exists(path, ec))
        throw Error(path + ": a run with this id exists already");
    // The CSV writer's atomic text write (reports/csv_text.h) serves any text file.
    csv::writeFile(path, runToJson(record));
    return record;
}

void RunStore::update(const RunRecord& record) const
{
    const std::string path = pathOf(record.id);
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error(path + ": there is no such run to update");
    csv::writeFile(path, runToJson(record));
}

void RunStore::remove(const std::string& id) const
{
    std::error_code ec;
    fs::remove(pathOf(id), ec);
}

std::vector<RunRecord> RunStore::load(std::vector<std::string>* warnings) const
{
    std::vector<RunRecord> records;
    std::error_code ec;
    if (!fs::is_directory(m_folder, ec))
        return records;
    for (const fs::directory_entry& entry : fs::directory_iterator(m_folder, ec)) {
        const fs::path& path = entry.path();
        // Temporary files of a write in progress end in ".tmp-<random>", not ".json"; a link
        // would lead outside the folder.
        if (path.extension() != ".json" || entry.is_symlink(ec) || !entry.is_regular_file(ec))
            continue;
        try {
            RunRecord record = runFromJson(readText(path));
            if (record.id != path.stem().string())
                throw Error("its id '" + record.id + "' is not its file name");
            records.push_back(std::move(record));
        } catch (const Error& e) {
            if (warnings)
                warnings->push_back(path.string() + ": " + e.what());
        }
    }
    std::sort(records.begin(), records.end(), [](const RunRecord& a, const RunRecord& b) {
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
    });
    return records;
}

bool sameModelFile(const RunRecord& a, const RunRecord& b)
{
    const auto normal = [](const std::string& path) {
        std::error_code ec;
        const fs::path absolute = fs::absolute(path, ec);
        return (ec ? fs::path(path) : absolute).lexically_normal();
    };
    return a.kind == RunKind::LoadedModel && b.kind == RunKind::LoadedModel &&
           !a.modelChecksum.empty() && a.modelChecksum == b.modelChecksum && !a.modelPath.empty() &&
           normal(a.modelPath) == normal(b.modelPath);
}

std::string runsFolderFromEnvironment()
{
    const char* folder = std::getenv("SEMREL_RUNS_DIR");
    return folder ? std::string(folder) : std::string();
}

} // namespace semrel
