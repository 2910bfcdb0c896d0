// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "json_output.h"

#include <cstdio>

namespace semrel::cli {

nlohmann::json toJson(const DatasetSummary& s)
{
    nlohmann::json splits = nlohmann::json::object();
    for (Split split : kAllSplits)
        splits[splitName(split)] = s.splitSizes[static_cast<int>(split)];
    return {
        {"name", s.name},
        {"source", s.source},
        {"samples", s.samples},
        {"feature_dim", s.featureDim},
        {"classes", s.classes},
        {"embedding_dim", s.embeddingDim},
        {"seen_classes", s.seenClasses},
        {"unseen_classes", s.unseenClasses},
        {"val_classes", s.valClasses},
        {"splits", splits},
        {"tuning_splits",
         {{"train", s.tuningSplits.train},
          {"train_in_trainval", s.tuningSplits.trainInTrainval},
          {"val", s.tuningSplits.val},
          {"val_in_trainval", s.tuningSplits.valInTrainval}}},
        {"has_image_paths", s.hasImagePaths},
        {"has_image_pixels", s.hasImagePixels},
        {"warnings", s.warnings},
    };
}

void printJson(const nlohmann::json& value)
{
    std::fputs(value.dump(2).c_str(), stdout);
    std::fputc('\n', stdout);
}

} // namespace semrel::cli
