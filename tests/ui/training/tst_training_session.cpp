// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The training session's states and what each run leaves, without a window (GUI-less main).
#include "training/training_session.h"
#include "training_fixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace semrel;
using namespace semrel::ui;
using State = TrainingSession::State;

Q_DECLARE_METATYPE(semrel::ui::TrainingSession::State)

class TestTrainingSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void startsOnlyWhenIdleWithADatasetAndValidSettings();
    void aRunGoesFromTrainingToIdleAndLeavesAModel();
    void stopInTheFirstEpochLeavesNothingToSaveOrResume();
    void aStoppedRunCanBeResumedToTheEpochsAsked();
    void resumeRefusesACheckpointThatHasTheEpochsAlready();
    void aFailedRunKeepsThePreviousModel();
    void anotherDatasetForgetsTheCheckpoint();
    void tuneReportsEveryPointThenTrainsTheChosenOne();
    void stopDuringTheGridLeavesNoModel();
    void tuneRefusesAnInvalidGridOrADatasetWithoutVal();

private:
    // Runs to the end of the first epoch of a long run, then stops it.
    void trainOneEpochAndStop(TrainingSession& session);

    std::shared_ptr<const Dataset> m_data;
};

void TestTrainingSession::initTestCase()
{
    qRegisterMetaType<State>();
    m_data = semrel::test::tinyTrainingDataset();
}

void TestTrainingSession::trainOneEpochAndStop(TrainingSession& session)
{
    QSignalSpy epochs(&session, &TrainingSession::epochFinished);
    QSignalSpy finished(&session, &TrainingSession::finished);
    QVERIFY(session.start(semrel::test::tinyTrainingConfig(1000)));
    QVERIFY(epochs.wait(20000));
    session.stop();
    QCOMPARE(session.state(), State::Stopping);
    QVERIFY(!session.canStop());
    QVERIFY(finished.wait(10000));
}

void TestTrainingSession::startsOnlyWhenIdleWithADatasetAndValidSettings()
{
    TrainingSession session;
    QVERIFY(!session.canStart());
    QString why;
    QVERIFY(!session.start(semrel::test::tinyTrainingConfig(2), &why));
    QVERIFY2(why.contains(QStringLiteral("dataset")), qPrintable(why));

    session.setDataset(m_data);
    QVERIFY(session.canStart());
    QVERIFY(!session.canResume());
    QVERIFY(!session.canSave());
    QSignalSpy states(&session, &TrainingSession::stateChanged);
    TrainingConfig invalid = semrel::test::tinyTrainingConfig(2);
    invalid.batchSize = 0;
    QVERIFY(!session.start(invalid, &why));
    QVERIFY2(why.contains(QStringLiteral("batch")), qPrintable(why));
    QCOMPARE(session.state(), State::Idle);
    QCOMPARE(states.count(), 0);

    QSignalSpy finished(&session, &TrainingSession::finished);
    QVERIFY(session.start(semrel::test::tinyTrainingConfig(2)));
    QVERIFY(!session.start(semrel::test::tinyTrainingConfig(2), &why)); // one run at a time
    QVERIFY(!why.isEmpty());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.count(), 1);
}

void TestTrainingSession::aRunGoesFromTrainingToIdleAndLeavesAModel()
{
    TrainingSession session;
    session.setDataset(m_data);
    QSignalSpy states(&session, &TrainingSession::stateChanged);
    QSignalSpy started(&session, &TrainingSession::runStarted);
    QSignalSpy models(&session, &TrainingSession::modelChanged);
    QSignalSpy finished(&session, &TrainingSession::finished);
    QVERIFY(session.start(semrel::test::tinyTrainingConfig(2)));
    QCOMPARE(session.state(), State::Training);
    QVERIFY(session.canStop());
    QVERIFY(!session.canStart());
    QVERIFY(!session.canSave());
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.first().at(1).toInt(), 1);
    QVERIFY(finished.wait(20000));

    QCOMPARE(states.count(), 2);
    QCOMPARE(states.at(0).at(0).value<State>(), State::Training);
    QCOMPARE(states.at(1).at(0).value<State>(), State::Idle);
    QVERIFY(session.canSave());
    QVERIFY(session.model());
    QCOMPARE(session.model()->history.size(), std::size_t(2));
    // The model is the result's, not a copy of it.
    QCOMPARE(session.model().get(), &session.lastResult()->state);
    QCOMPARE(models.count(), 1);
    QVERIFY(!session.checkpoint()); // a run that finished has nothing to resume
    QVERIFY(!session.canResume());
}

void TestTrainingSession::stopInTheFirstEpochLeavesNothingToSaveOrResume()
{
    TrainingSession session;
    session.setDataset(semrel::test::tinyTrainingDataset(/*samplesPerClass=*/200));
    // An earlier run stopped after an epoch: it leaves a model and a checkpoint file.
    trainOneEpochAndStop(session);
    QVERIFY(session.canSave());
    QVERIFY(session.canResume());

    // Stopped at once, inside its first epoch of many batches.
    TrainingConfig config = semrel::test::tinyTrainingConfig(1000);
    config.batchSize = 4;
    QSignalSpy finished(&session, &TrainingSession::finished);
    QSignalSpy models(&session, &TrainingSession::modelChanged);
    QVERIFY(session.start(config));
    session.stop();
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<TrainingResult>();
    QVERIFY(result.stopped);
    QCOMPARE(result.state.history.size(), std::size_t(0));
    // Untrained weights are no model: nothing to save...
    QVERIFY(!session.model());
    QVERIFY(!session.canSave());
    QCOMPARE(models.count(), 1);
    QVERIFY(!models.first().first().value<std::shared_ptr<const ModelState>>());
    // ...and the earlier run's checkpoint file is not taken for this run's.
    QVERIFY(!session.checkpoint());
    QVERIFY(!session.canResume());
    QVERIFY(session.canStart());
}

void TestTrainingSession::aStoppedRunCanBeResumedToTheEpochsAsked()
{
    TrainingSession session;
    session.setDataset(m_data);
    trainOneEpochAndStop(session);
    QVERIFY(session.checkpoint());
    const int done = session.checkpoint()->completedEpochs;
    QVERIFY(done >= 1);
    QCOMPARE(int(session.model()->history.size()), done);

    QSignalSpy started(&session, &TrainingSession::runStarted);
    QSignalSpy finished(&session, &TrainingSession::finished);
    QVERIFY(session.resume(semrel::test::tinyTrainingConfig(done + 2)));
    QCOMPARE(started.first().at(1).toInt(), done + 1);
    QVERIFY(finished.wait(20000));
    QCOMPARE(int(session.model()->history.size()), done + 2);
    QVERIFY(!session.lastResult()->stopped);
    QVERIFY(!session.canResume());
}

void TestTrainingSession::resumeRefusesACheckpointThatHasTheEpochsAlready()
{
    TrainingSession session;
    session.setDataset(m_data);
    QString why;
    QVERIFY(!session.resume(semrel::test::tinyTrainingConfig(3), &why)); // nothing to resume
    QVERIFY(!why.isEmpty());
    trainOneEpochAndStop(session);
    const int done = session.checkpoint()->completedEpochs;
    QVERIFY(!session.resume(semrel::test::tinyTrainingConfig(done), &why));
    QVERIFY2(why.contains(QString::number(done)), qPrintable(why));
    QCOMPARE(session.state(), State::Idle);
    QVERIFY(session.canResume());
}

void TestTrainingSession::aFailedRunKeepsThePreviousModel()
{
    TrainingSession session;
    session.setDataset(m_data);
    QSignalSpy finished(&session, &TrainingSession::finished);
    QVERIFY(session.start(semrel::test::tinyTrainingConfig(1)));
    QVERIFY(finished.wait(20000));
    const std::shared_ptr<const ModelState> trained = session.model();
    QVERIFY(trained);

    // A dataset without training samples cannot be trained on: the trainer throws.
    auto empty = std::make_shared<Dataset>(*m_data);
    empty->split(Split::Trainval).clear();
    session.setDataset(empty);
    QSignalSpy failed(&session, &TrainingSession::failed);
    QSignalSpy threads(&session, &TrainingSession::threadsInUseChanged);
    QVERIFY(session.start(semrel::test::tinyTrainingConfig(1)));
    QVERIFY(failed.wait(20000));
    QVERIFY(!failed.first().first().toString().isEmpty());
    QCOMPARE(session.state(), State::Idle);
    QCOMPARE(session.model(), trained);
    QVERIFY(session.canSave());
    QCOMPARE(threads.last().first().toInt(), 0);
}

void TestTrainingSession::anotherDatasetForgetsTheCheckpoint()
{
    TrainingSession session;
    session.setDataset(m_data);
    trainOneEpochAndStop(session);
    QVERIFY(session.canResume());
    const ModelState withOptimiser = *session.checkpoint();
    session.setDataset(semrel::test::tinyTrainingDataset(/*samplesPerClass=*/30));
    QVERIFY(!session.checkpoint());
    QVERIFY(!session.canResume());
    QVERIFY(session.canSave()); // the model stays: it can still be saved

    // An opened model with optimiser state is a checkpoint; one without is not.
    ModelState plain = withOptimiser;
    plain.optimizerState.clear();
    session.setOpenedModel(std::make_shared<const ModelState>(plain));
    QVERIFY(!session.canResume());
    QVERIFY(!withOptimiser.optimizerState.empty());
    session.setOpenedModel(std::make_shared<const ModelState>(withOptimiser));
    QVERIFY(session.canResume());
}

void TestTrainingSession::tuneReportsEveryPointThenTrainsTheChosenOne()
{
    TrainingSession session;
    session.setDataset(m_data);
    TuningGrid grid;
    grid.taus = {0.0, 0.4};
    grid.lambda1s = {1.0};
    grid.lambda2s = {0.5, 1.0};
    QSignalSpy states(&session, &TrainingSession::stateChanged);
    QSignalSpy points(&session, &TrainingSession::tuningPointFinished);
    QSignalSpy started(&session, &TrainingSession::runStarted);
    QSignalSpy epochs(&session, &TrainingSession::epochFinished);
    QSignalSpy tuned(&session, &TrainingSession::tuningFinished);
    QSignalSpy finished(&session, &TrainingSession::finished);
    QVERIFY(session.tune(semrel::test::tinyTrainingConfig(2), grid));
    QCOMPARE(session.state(), State::Tuning);
    QVERIFY(!session.canStart() && !session.canTune() && session.canStop());
    QCOMPARE(int(session.tuning().grid.size()), 4);
    QVERIFY(finished.wait(60000));

    QCOMPARE(points.count(), 4); // each as it finished, in grid order
    for (int i = 0; i < 4; ++i) {
        const auto point = points.at(i).first().value<TuningPointResult>();
        QCOMPARE(point.index, i);
        QVERIFY(point.validationAccuracy >= 0.0 && point.validationAccuracy <= 1.0);
    }
    QCOMPARE(tuned.count(), 1);
    const TuningOutcome& outcome = session.tuning();
    QCOMPARE(int(outcome.points.size()), 4);
    QVERIFY(outcome.chosen >= 0 && outcome.retrained && !outcome.stopped);
    for (const TuningPointResult& p : outcome.points)
        QVERIFY(p.validationAccuracy <=
                outcome.points[static_cast<std::size_t>(outcome.chosen)].validationAccuracy);
    // The final training looks like a training: one run, its epochs, a model with its point.
    QCOMPARE(started.count(), 1);
    QCOMPARE(epochs.count(), 2);
    const TuningPoint& best = outcome.points[static_cast<std::size_t>(outcome.chosen)].point;
    QVERIFY(session.model());
    QCOMPARE(session.model()->history.size(), std::size_t(2));
    QCOMPARE(session.model()->config.tau, best.tau);
    QCOMPARE(session.model()->config.lambda2, best.lambda2);
    QCOMPARE(session.model()->config.trainSplit, Split::Trainval);
    QVERIFY(session.canSave());
    QCOMPARE(states.first().first().value<State>(), State::Tuning);
    QCOMPARE(states.last().first().value<State>(), State::Idle);
}

void TestTrainingSession::stopDuringTheGridLeavesNoModel()
{
    TrainingSession session;
    session.setDataset(m_data);
    TuningGrid grid;
    grid.taus = {0.0, 0.2, 0.4};
    QSignalSpy progress(&session, &TrainingSession::tuningProgress);
    QSignalSpy tuned(&session, &TrainingSession::tuningFinished);
    QSignalSpy finished(&session, &TrainingSession::finished);
    QVERIFY(session.tune(semrel::test::tinyTrainingConfig(100000), grid));
    QVERIFY(progress.wait(20000));
    session.stop();
    QCOMPARE(session.state(), State::Stopping);
    QVERIFY(tuned.wait(20000));
    QCOMPARE(session.state(), State::Idle);
    QVERIFY(session.tuning().stopped);
    QVERIFY(!session.tuning().retrained);
    QCOMPARE(finished.count(), 0);
    QVERIFY(!session.model());
    QVERIFY(!session.canSave());
    QVERIFY(session.canTune());
}

void TestTrainingSession::tuneRefusesAnInvalidGridOrADatasetWithoutVal()
{
    TrainingSession session;
    session.setDataset(m_data);
    QString why;
    TuningGrid outOfRange;
    outOfRange.taus = {0.0, 1.5};
    QVERIFY(!session.tune(semrel::test::tinyTrainingConfig(2), outOfRange, &why));
    QVERIFY2(why.contains(QStringLiteral("1.5")) || why.contains(QStringLiteral("τ")),
             qPrintable(why));
    TuningGrid empty;
    empty.lambda1s.clear();
    QVERIFY(!session.tune(semrel::test::tinyTrainingConfig(2), empty, &why));
    QCOMPARE(session.state(), State::Idle);

    auto noVal = std::make_shared<Dataset>(*m_data);
    noVal->split(Split::Val).clear();
    session.setDataset(noVal);
    QSignalSpy failed(&session, &TrainingSession::failed);
    QVERIFY(session.tune(semrel::test::tinyTrainingConfig(2), TuningGrid{}));
    QVERIFY(failed.wait(20000));
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("val")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(session.state(), State::Idle);
    QVERIFY(!session.model());
}

QTEST_GUILESS_MAIN(TestTrainingSession)
#include "tst_training_session.moc"
