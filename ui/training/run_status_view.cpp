// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/run_status_view.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

#include <cmath>

namespace semrel::ui {

namespace {

constexpr int kSteps = 1000;

QString percent(double fraction)
{
    return std::isnan(fraction) ? QStringLiteral("–") : QString::number(100 * fraction, 'f', 1);
}

} // namespace

RunStatusView::RunStatusView(TrainingSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_progress(new QProgressBar(this)),
      m_result(new QLabel(this))
{
    m_progress->setObjectName(QStringLiteral("trainingProgress"));
    m_progress->setRange(0, kSteps);
    m_progress->setValue(0);
    m_progress->setFormat(tr("idle"));
    m_progress->setTextVisible(true);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);

    connect(session, &TrainingSession::runStarted, this, [this] { restart(tr("starting…")); });
    connect(session, &TrainingSession::tuningStarted, this, [this] { restart(tr("tuning…")); });
    connect(session, &TrainingSession::stateChanged, this, [this](TrainingSession::State state) {
        if (state == TrainingSession::State::Stopping)
            m_progress->setFormat(tr("stopping…"));
    });
    connect(session, &TrainingSession::progressChanged, this,
            [this](int epoch, double fraction, qint64 secondsLeft) {
                showProgress(fraction, tr("Epoch %1 / %2 — %3")
                                           .arg(epoch)
                                           .arg(m_session->runEpochs())
                                           .arg(TimeLeftEstimator::describe(secondsLeft)));
            });
    connect(session, &TrainingSession::tuningProgress, this,
            [this](double fraction, const QString& stage, qint64 secondsLeft) {
                showProgress(
                    fraction,
                    tr("Tuning %1 — %2").arg(stage, TimeLeftEstimator::describe(secondsLeft)));
            });
    connect(session, &TrainingSession::finished, this, &RunStatusView::onFinished);
    connect(session, &TrainingSession::failed, this,
            [this] { m_progress->setFormat(tr("failed")); });
    connect(session, &TrainingSession::tuningFinished, this, &RunStatusView::onTuningFinished);
}

QString RunStatusView::progressText() const
{
    return m_progress->format();
}

void RunStatusView::restart(const QString& text)
{
    m_progress->setValue(0);
    m_progress->setFormat(text);
    m_result->clear();
}

void RunStatusView::showProgress(double fraction, const QString& text)
{
    m_progress->setValue(static_cast<int>(std::lround(fraction * kSteps)));
    if (m_session->state() != TrainingSession::State::Stopping)
        m_progress->setFormat(text);
}

void RunStatusView::onFinished(const TrainingResult& result)
{
    const int epochs = static_cast<int>(result.state.history.size());
    if (epochs == 0)
        m_progress->setFormat(tr("stopped before the first epoch ended: no model"));
    else
        m_progress->setFormat(result.stopped ? tr("stopped after %1 epochs").arg(epochs)
                                             : tr("done: %1 epochs").arg(epochs));
    if (!result.stopped)
        m_progress->setValue(kSteps);
    QStringList lines;
    if (epochs > 0) {
        const EpochReport& last = result.state.history.back();
        if (!std::isnan(last.validationAccuracy))
            lines << tr("Last epoch: validation %1 %").arg(percent(last.validationAccuracy));
        if (!std::isnan(last.zslAccuracy))
            lines << tr("Last epoch: ZSL %1 %").arg(percent(last.zslAccuracy))
                  << tr("GZSL: ts %1 · tr %2 · H %3 %")
                         .arg(percent(last.gzslUnseen), percent(last.gzslSeen),
                              percent(last.gzslH));
    }
    for (const std::string& warning : result.warnings)
        lines << QString::fromStdString(warning);
    m_result->setText(lines.join(QLatin1Char('\n')));
}

void RunStatusView::onTuningFinished()
{
    const TuningOutcome& outcome = m_session->tuning();
    if (outcome.retrained)
        return; // the final training ends as a training does: onFinished()
    m_progress->setFormat(tr("tuning stopped after %1 of %2 points: no model")
                              .arg(outcome.points.size())
                              .arg(outcome.grid.size()));
}

} // namespace semrel::ui
