// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/tuning_splits.h>

#include <QString>

namespace semrel::ui {

// What the default restriction of the tuning splits (the core's tuning_splits.h) leaves out of
// this dataset, worded once for every place the window shows a dataset (the Dataset view under
// its class table, the status bar's tip): how many train and val samples are not trainval
// samples, why tuning leaves them out, and how to keep them. Empty when train and val hold
// trainval samples only.
QString tuningSplitsNote(const TuningSplitCounts& counts);

} // namespace semrel::ui
