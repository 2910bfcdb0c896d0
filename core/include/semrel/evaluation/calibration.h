// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/model_file/model_state.h>

namespace semrel {

class RelationModel;

// Chooses calibrated stacking's γ on validation for a model of a tuning run (trained with
// trainSplit = Train): its unseen side is the val split (val classes, which the run never saw),
// its seen side the samples of the train classes the run held out (TrainingConfig::seenHoldout);
// the candidates are the train and val classes. γ maximises H there (seenUnseenCurve()). Returns
// an empty Calibration (γ NaN) for a model trained on trainval, or when either side has no
// samples. The rows are the run's own (training_rows), so the choice never sees a test sample.
// Throws DataError when the model does not fit the dataset.
Calibration calibrateOnValidation(const RelationModel& model, const Dataset& data);

} // namespace semrel
