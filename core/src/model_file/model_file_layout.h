// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/model_file/model_state.h>

#include <vector>

// Names shared by the model file's writer and reader, so that the two cannot drift apart.
namespace semrel::model_layout {

constexpr const char* kFormat = "semrel-model";
// Raised when a change would make older readers misread a file; they refuse newer versions.
// Version 2 added the root attribute `checksum` (model_checksum.h); version 1 files, which have
// none, are still read.
constexpr std::int64_t kVersion = 2;
constexpr const char* kChecksum = "checksum";
// The one /weights tensor of a closed-form model: ESZSL's V [d, a], SAE's W [a, d].
constexpr const char* kEszslMatrix = "eszsl.V";
constexpr const char* kSaeMatrix = "sae.W";

constexpr const char* kConfig = "/config";
constexpr const char* kWeights = "/weights";
constexpr const char* kHistory = "/history";
constexpr const char* kCalibration = "/calibration";
constexpr const char* kCheckpoint = "/checkpoint";
constexpr const char* kOptimizer = "/checkpoint/optimizer";

// One float64 column of /history per EpochReport field (epoch itself is an int32 column).
struct HistoryColumn
{
    const char* name;
    double EpochReport::*member;
    bool accuracy;         // NaN allowed (not measured), else within [0, 1]
    bool optional = false; // absent in files written before it existed: read as NaN
};

inline const std::vector<HistoryColumn>& historyColumns()
{
    // Written in this order; a column added later is optional, so older files stay readable.
    static const std::vector<HistoryColumn> columns = {
        {"loss", &EpochReport::loss, false},
        {"o1", &EpochReport::o1, false},
        {"o2", &EpochReport::o2, false},
        {"o3", &EpochReport::o3, false},
        {"validation_accuracy", &EpochReport::validationAccuracy, true},
        {"zsl_accuracy", &EpochReport::zslAccuracy, true},
        {"gzsl_unseen", &EpochReport::gzslUnseen, true},
        {"gzsl_seen", &EpochReport::gzslSeen, true},
        {"gzsl_h", &EpochReport::gzslH, true},
        {"ausuc", &EpochReport::ausuc, true, /*optional=*/true},
        {"seconds", &EpochReport::seconds, false},
        {"eval_seconds", &EpochReport::evalSeconds, false},
    };
    return columns;
}

// Plain models have no /checkpoint group: it is there only to resume training. (The epochs done
// are a root attribute of every model, since a finished model has them too.)
inline bool hasCheckpoint(const ModelState& s)
{
    return !s.optimizerState.empty();
}

} // namespace semrel::model_layout
