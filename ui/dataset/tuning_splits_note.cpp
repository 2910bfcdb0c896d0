// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "dataset/tuning_splits_note.h"

#include <QCoreApplication>
#include <QLocale>

namespace semrel::ui {

QString tuningSplitsNote(const TuningSplitCounts& c)
{
    if (c.train == c.trainInTrainval && c.val == c.valInTrainval)
        return {};
    const QLocale locale;
    const auto count = [&](std::int64_t n) {
        return locale.toString(static_cast<qlonglong>(n));
    };
    return QCoreApplication::translate(
               "TuningSplitsNote",
               "Tuning uses trainval samples only: the train and val splits of this dataset also "
               "hold samples that are not in trainval (%1 of train's %2, %3 of val's %4; "
               "xlsa17's train_loc and val_loc predate test_seen). They stay out of model "
               "selection, so that no GZSL test image takes part in it; the training form's "
               "Tuning samples: raw (semrel tune --tuning-splits raw) keeps them.")
        .arg(count(c.train - c.trainInTrainval), count(c.train), count(c.val - c.valInTrainval),
             count(c.val));
}

} // namespace semrel::ui
