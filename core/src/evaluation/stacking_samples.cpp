// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "evaluation/stacking_samples.h"

#include <semrel/errors.h>

namespace semrel {

std::vector<StackingSample> stackingSamples(const std::vector<std::int32_t>& truth,
                                            const ClassScores& amongSeen,
                                            const ClassScores& amongUnseen)
{
    if (amongSeen.predicted.size() != truth.size() || amongUnseen.predicted.size() != truth.size())
        throw Error("calibrated stacking: " + std::to_string(truth.size()) + " samples but " +
                    std::to_string(amongSeen.predicted.size()) + " and " +
                    std::to_string(amongUnseen.predicted.size()) + " predictions");
    std::vector<StackingSample> samples(truth.size());
    for (std::size_t i = 0; i < truth.size(); ++i)
        samples[i] = {truth[i], amongSeen.predicted[i], amongSeen.score[i],
                      amongUnseen.predicted[i], amongUnseen.score[i]};
    return samples;
}

} // namespace semrel
