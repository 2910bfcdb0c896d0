// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace semrel {

// What the paper published (Annadani & Biswas, CVPR 2018): Table 2 (conventional ZSL, mean
// per-class top-1) and Table 3 (generalized ZSL, ts / tr / H), in percent, for the datasets SUN,
// AWA2, CUB and aPY. The one place these numbers live; the reproduction's tables print them
// beside ours. NaN where the paper has no number (ALE has no GZSL row; SAE is not in the paper).
struct PaperResult
{
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

    std::string method;  // "proposed", "b1", "b2", "b3", "eszsl", "ale"
    std::string dataset; // "SUN", "AWA2", "CUB", "APY" (xlsa17's folder names)
    double zsl = kNone;
    double ts = kNone;
    double tr = kNone;
    double h = kNone;
};

const std::vector<PaperResult>& paperResults();

// The paper's numbers for a method on a dataset (case-insensitive), if it has them.
std::optional<PaperResult> paperResult(const std::string& method, const std::string& dataset);

// The paper's name of a dataset folder ("APY" -> "aPY"); the name itself otherwise.
std::string paperDatasetName(const std::string& folder);

} // namespace semrel
