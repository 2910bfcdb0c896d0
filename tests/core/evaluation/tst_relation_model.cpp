// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/errors.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/training/trainer.h>

#include <QTest>

#include <algorithm>
#include <functional>

using semrel::ModelState;
using semrel::RelationModel;
using StateMutation = std::function<void(ModelState&)>;

Q_DECLARE_METATYPE(StateMutation)

namespace {

// A model trained for one epoch on a small generated dataset, built once for all tests.
const ModelState& trainedState()
{
    static const ModelState state = [] {
        semrel::SyntheticSpec spec;
        spec.seed = 3;
        semrel::TrainingConfig c;
        c.network.encoderHidden = {24};
        c.network.decoderHidden = {24};
        c.epochs = 1;
        c.threads = 1;
        c.evaluateEachEpoch = false;
        semrel::StopFlag stop;
        return semrel::Trainer(c).run(semrel::makeSyntheticDataset(spec), stop).state;
    }();
    return state;
}

} // namespace

class TestRelationModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mappedClassesAreTheEncodedEmbeddings();
    void normalizesFeaturesWithTrainingStatistics();
    void rejectsInputOfWrongDimension();
    void rejectsUnfittingParameters_data();
    void rejectsUnfittingParameters();
};

void TestRelationModel::mappedClassesAreTheEncodedEmbeddings()
{
    const RelationModel model(trainedState());
    const semrel::FloatMatrix& mapped = model.mappedClasses();
    QCOMPARE(mapped.rows, trainedState().classEmbeddings.rows);
    QCOMPARE(mapped.cols, trainedState().featureDim);
    QVERIFY(model.mapEmbeddings(trainedState().classEmbeddings) == mapped);
    // ELU outputs are > -1; a trained map is not constant.
    QVERIFY(*std::min_element(mapped.values.begin(), mapped.values.end()) > -1.0f);
    QVERIFY(mapped.at(0, 0) != mapped.at(1, 0));
}

void TestRelationModel::normalizesFeaturesWithTrainingStatistics()
{
    const RelationModel model(trainedState());
    semrel::FloatMatrix raw(1, trainedState().featureDim);
    raw.values = trainedState().featureNormalizer.mean;
    const semrel::FloatMatrix z = model.toScoringSpace(raw);
    for (float v : z.values)
        QCOMPARE(v + 1.0f, 1.0f);
}

void TestRelationModel::rejectsInputOfWrongDimension()
{
    const RelationModel model(trainedState());
    QVERIFY_THROWS_EXCEPTION(semrel::DataError, model.mapEmbeddings(semrel::FloatMatrix(2, 3)));
    QVERIFY_THROWS_EXCEPTION(semrel::DataError, model.toScoringSpace(semrel::FloatMatrix(2, 3)));
}

void TestRelationModel::rejectsUnfittingParameters_data()
{
    QTest::addColumn<StateMutation>("mutate");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("missing") << StateMutation([](ModelState& s) { s.parameters.pop_back(); })
                             << "is missing";
    QTest::newRow("wrong shape") << StateMutation([](ModelState& s) {
        s.parameters[0].shape = {1, static_cast<std::int64_t>(s.parameters[0].values.size())};
    }) << "has shape";
    QTest::newRow("unknown") << StateMutation([](ModelState& s) {
        s.parameters.push_back({"encoder.9.weight", {1}, {0.0f}});
    }) << "encoder.9.weight";
    QTest::newRow("other network")
        << StateMutation([](ModelState& s) { s.config.network.encoderHidden = {25}; })
        << "encoder.0.weight";
}

void TestRelationModel::rejectsUnfittingParameters()
{
    QFETCH(StateMutation, mutate);
    QFETCH(QString, mentions);
    ModelState state = trainedState();
    mutate(state);
    try {
        RelationModel model(std::move(state));
        QFAIL("expected semrel::ModelError");
    } catch (const semrel::ModelError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(mentions), e.what());
    }
}

QTEST_GUILESS_MAIN(TestRelationModel)
#include "tst_relation_model.moc"
