// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/evaluation/relation_model.h>

#include <memory>

namespace semrel::test {

// A generated dataset and a model trained on it for a couple of epochs with a tiny network
// (hidden {16} / {16}): enough for the exploration views to have something real to show, in
// about a second.
struct TrainedFixture
{
    std::shared_ptr<const Dataset> data;
    std::shared_ptr<const RelationModel> model;
};

TrainedFixture trainedFixture(const SyntheticSpec& spec = {}, int epochs = 2);

} // namespace semrel::test
