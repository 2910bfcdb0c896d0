// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "metatypes.h"

namespace semrel::ui {

void registerMetaTypes()
{
    // Function-local static: registration happens once, thread-safely.
    static const bool registered = [] {
        qRegisterMetaType<semrel::EpochReport>();
        qRegisterMetaType<semrel::BatchReport>();
        qRegisterMetaType<semrel::TrainingResult>();
        qRegisterMetaType<semrel::TrainingConfig>();
        qRegisterMetaType<std::shared_ptr<const semrel::Dataset>>();
        qRegisterMetaType<std::shared_ptr<const semrel::ModelState>>();
        qRegisterMetaType<semrel::RunRecord>();
        qRegisterMetaType<std::vector<semrel::RunRecord>>();
        qRegisterMetaType<std::shared_ptr<const semrel::TrainingResult>>();
        qRegisterMetaType<semrel::TuningPointResult>();
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace semrel::ui
