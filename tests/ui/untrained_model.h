// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/model_file/model_state.h>

#include <memory>

namespace semrel::test {

// A generated dataset of SUN's make-up at any size: `classes` classes, a tenth unseen, a = 102
// attributes, d = 16, two samples per class (three below 1,000 classes), half of each seen
// class's samples kept for test_seen.
std::shared_ptr<const Dataset> scaleDataset(int classes);

// The model the paper's network makes with its initial weights (hidden {32} / {32}, seeded), for
// `data`: what training starts from, and a valid model, built in milliseconds even at 20,000
// classes where training takes minutes. The normalisers are fitted as training fits them
// (features on trainval, attributes on the seen classes); no epoch is in its history.
ModelState untrainedModelState(const Dataset& data);

} // namespace semrel::test
