// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QString>

namespace semrel::ui {

// Progress bar arithmetic for a training run: how far it is (epochs and batches) and a wall-clock
// estimate of the time left, assuming the remaining batches take as long as the ones so far.
class TimeLeftEstimator
{
public:
    // A run of epochs firstEpoch..lastEpoch (1-based, inclusive; a resumed run starts later).
    void start(int firstEpoch, int lastEpoch);
    // The trainer finished `batch` of `batches` in `epoch`.
    void update(int epoch, qint64 batch, qint64 batches);

    double fractionDone() const { return m_fraction; }
    // Seconds left, or -1 before there is anything to extrapolate from.
    qint64 secondsLeft() const;
    // "1:05 left", "1:02:03 left" or "estimating…".
    static QString describe(qint64 secondsLeft);

private:
    QElapsedTimer m_clock;
    int m_firstEpoch = 1;
    int m_lastEpoch = 1;
    double m_fraction = 0.0;
};

} // namespace semrel::ui
