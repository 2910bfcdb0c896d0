// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Writes xlsa17 folders of the real layout with generated features (tests/support/real_xlsa17.h):
// the real att_splits.mat and class lists, a res101.mat whose features are a noisy linear map of
// each sample's class attributes. For measuring the protocol's choices and the reproduction's
// machinery where the real res101.mat files cannot be had; what such data can and cannot show is
// in docs/REPRODUCTION.md. Not a test: built with the tests, run by hand.
//   generate_xlsa17_layout REAL_XLSA17_DIR OUT_DIR [FEATURE_DIM [NOISE [SEED [DATASET...]]]]
#include "real_xlsa17.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr,
                     "usage: %s REAL_XLSA17_DIR OUT_DIR [FEATURE_DIM [NOISE [SEED "
                     "[DATASET...]]]]\n",
                     argv[0]);
        return 2;
    }
    const int featureDim = args.size() > 3 ? args[3].toInt() : 64;
    const double noise = args.size() > 4 ? args[4].toDouble() : 1.0;
    const auto seed = static_cast<std::uint32_t>(args.size() > 5 ? args[5].toUInt() : 1);
    QStringList datasets = args.mid(6);
    if (datasets.isEmpty())
        datasets = {"SUN", "AWA2", "CUB", "APY"};
    for (const QString& name : datasets) {
        const QString target = args[2] + "/" + name;
        if (!QDir().mkpath(target) || !semrel::test::writeGeneratedXlsa17Folder(
                                          args[1] + "/" + name, target, featureDim, noise, seed)) {
            std::fprintf(stderr, "could not write %s from %s/%s\n", qPrintable(target),
                         qPrintable(args[1]), qPrintable(name));
            return 1;
        }
        std::printf("wrote %s\n", qPrintable(target));
    }
    return 0;
}
