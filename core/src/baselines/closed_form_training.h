// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "training/training_rows.h"

#include <semrel/dataset/dataset.h>
#include <semrel/method/training_config.h>
#include <semrel/training/trainer.h>
#include <semrel/training/tuning.h>

#include <memory>
#include <vector>

namespace semrel {

// Training and tuning for ESZSL and SAE (docs/REPRODUCTION.md, "Baselines"); Trainer::run() and
// tune() hand these methods here. A model is one solve on the run's rows (training_rows.h):
// the tuning rows for trainSplit = Train, trainval otherwise. The features and class embeddings
// are taken as the dataset stores them, so config.attributeStats does not apply (a warning says
// so when it is All).

// One solve at config's values. The result's history has one EpochReport (epoch 1): the
// validation accuracy for a tuning run, ZSL, GZSL and AUSUC on the test splits for a final run
// (when config.evaluateEachEpoch). A tuning run's model also carries its calibration. `stop` is
// checked before the solve. Throws DataError when the dataset cannot be trained on.
TrainingResult trainClosedForm(const TrainingConfig& config, const Dataset& data,
                               const StopFlag& stop, const Trainer::EpochCallback& onEpoch);

class ClosedFormSolver;

// The grid points of ESZSL's or SAE's tuning (tune() runs the grid, the same loop for every
// method): XXᵀ and its eigendecomposition are made once on the tuning rows of `base`, then every
// point is one closed-form solve and a validation score. Throws DataError when the dataset
// cannot be trained on, Error for a configuration validateConfig() refuses.
class ClosedFormTuning
{
public:
    ClosedFormTuning(const TrainingConfig& base, const Dataset& data);
    ~ClosedFormTuning(); // out of line: the solver is private to the .cpp

    // The model of `point` (base with a point's values, trainSplit Train) on the tuning rows,
    // with its validation accuracy and calibration, as trainClosedForm() gives it.
    TrainingResult solve(const TrainingConfig& point) const;

private:
    const Dataset& m_data;
    TrainingRows m_rows;
    std::unique_ptr<const ClosedFormSolver> m_solver;
};

} // namespace semrel
