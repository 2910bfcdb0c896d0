// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/time_left_estimator.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace semrel::ui {

void TimeLeftEstimator::start(int firstEpoch, int lastEpoch)
{
    m_firstEpoch = firstEpoch;
    m_lastEpoch = std::max(firstEpoch, lastEpoch);
    m_fraction = 0.0;
    m_clock.start();
}

void TimeLeftEstimator::update(int epoch, qint64 batch, qint64 batches)
{
    const double epochs = m_lastEpoch - m_firstEpoch + 1;
    const double inEpoch = batches > 0 ? double(batch) / double(batches) : 0.0;
    m_fraction = std::clamp((epoch - m_firstEpoch + inEpoch) / epochs, 0.0, 1.0);
}

qint64 TimeLeftEstimator::secondsLeft() const
{
    // Below 1 % the extrapolation is mostly start-up cost and would swing wildly.
    if (!m_clock.isValid() || m_fraction < 0.01)
        return -1;
    const double elapsed = m_clock.elapsed() / 1000.0;
    return static_cast<qint64>(std::ceil(elapsed * (1.0 - m_fraction) / m_fraction));
}

QString TimeLeftEstimator::describe(qint64 secondsLeft)
{
    if (secondsLeft < 0)
        return QCoreApplication::translate("TimeLeftEstimator", "estimating…");
    const qint64 hours = secondsLeft / 3600;
    const qint64 minutes = (secondsLeft / 60) % 60;
    const qint64 seconds = secondsLeft % 60;
    const QString clock =
        hours > 0 ? QStringLiteral("%1:%2:%3")
                        .arg(hours)
                        .arg(minutes, 2, 10, QLatin1Char('0'))
                        .arg(seconds, 2, 10, QLatin1Char('0'))
                  : QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("TimeLeftEstimator", "%1 left").arg(clock);
}

} // namespace semrel::ui
