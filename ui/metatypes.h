// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/method/training_config.h>
#include <semrel/model_file/model_state.h>
#include <semrel/runs/run_record.h>
#include <semrel/training/trainer.h>
#include <semrel/training/tuning.h>

#include <QMetaType>

#include <memory>

// The value types that cross threads in queued signals (worker -> GUI, loader -> GUI).
// Datasets travel as shared pointers: AWA2's features alone are 300 MB.
Q_DECLARE_METATYPE(semrel::EpochReport)
Q_DECLARE_METATYPE(semrel::BatchReport)
Q_DECLARE_METATYPE(semrel::TrainingResult)
Q_DECLARE_METATYPE(semrel::TrainingConfig)
Q_DECLARE_METATYPE(std::shared_ptr<const semrel::Dataset>)
Q_DECLARE_METATYPE(std::shared_ptr<const semrel::ModelState>)
Q_DECLARE_METATYPE(semrel::RunRecord)
Q_DECLARE_METATYPE(std::vector<semrel::RunRecord>)
Q_DECLARE_METATYPE(std::shared_ptr<const semrel::TrainingResult>)
Q_DECLARE_METATYPE(semrel::TuningPointResult)

namespace semrel::ui {

// Registers the types above with Qt's meta-type system. Idempotent; call before the first
// queued connection (main does, and so do the widgets that own a worker).
void registerMetaTypes();

} // namespace semrel::ui
