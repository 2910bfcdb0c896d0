// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/evaluation/evaluator.h>

#include <memory>

namespace semrel::test {

// A generated dataset of any size (a = 102, two samples per class, one of a seen class held out
// for test_seen) with an evaluation result made up for it, no model needed: the views can be
// driven at 20,000 classes in a second. Every test sample is predicted right except planted
// confusions, so that a test knows which pairs must come out on top:
//   ZSL and GZSL: both samples of the first three unseen classes are taken for unseen class 10
//   (2 samples, 100 % of each class), and the second sample of every 7th unseen class from 14 on
//   for the next unseen class (1 sample each);
//   GZSL only: the second sample of every 5th unseen class (from 1) is taken for a seen class,
//   and the test sample of every 11th seen class for the seen class after it.
// Scores vary over three orders of magnitude (for the table's decimals).
struct PlantedEvaluation
{
    std::shared_ptr<const Dataset> data;
    std::shared_ptr<const EvaluationResult> result;
};

// unseenClasses >= 14; classes > unseenClasses + 12.
PlantedEvaluation plantedEvaluation(int classes, int unseenClasses);

} // namespace semrel::test
