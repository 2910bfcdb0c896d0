// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/relation_network.h"
#include "test_support.h"

#include <semrel/model_file/model_state.h>

#include <QTest>

#include <functional>

using semrel::Dataset;
using Mutation = std::function<void(Dataset&)>;

Q_DECLARE_METATYPE(Mutation)

class TestModelState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashIsStableHex();
    void hashIgnoresFeatureValues();
    void hashChangesWithSplitsLabelsAndNames_data();
    void hashChangesWithSplitsLabelsAndNames();
    void expectedShapesAreTheNetworksOwn_data();
    void expectedShapesAreTheNetworksOwn();
};

void TestModelState::hashIsStableHex()
{
    const std::string h = semrel::hashOfSplits(semrel::test::tinyDataset());
    QCOMPARE(h.size(), std::size_t(16));
    QCOMPARE(semrel::hashOfSplits(semrel::test::tinyDataset()), h);
    QVERIFY(h.find_first_not_of("0123456789abcdef") == std::string::npos);
}

void TestModelState::hashIgnoresFeatureValues()
{
    Dataset d = semrel::test::tinyDataset();
    const std::string before = semrel::hashOfSplits(d);
    d.features.at(0, 0) += 1.0f;
    QCOMPARE(semrel::hashOfSplits(d), before);
}

void TestModelState::hashChangesWithSplitsLabelsAndNames_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::newRow("split index") << Mutation(
        [](Dataset& d) { d.split(semrel::Split::Val)[0] += 1; });
    QTest::newRow("split moved") << Mutation([](Dataset& d) {
        auto& val = d.split(semrel::Split::Val);
        d.split(semrel::Split::Train).push_back(val.back());
        val.pop_back();
    });
    QTest::newRow("label") << Mutation([](Dataset& d) { d.labels[0] = 1; });
    QTest::newRow("class name") << Mutation([](Dataset& d) { d.classNames[0] += "s"; });
    QTest::newRow("names re-split") << Mutation([](Dataset& d) {
        d.classNames[0] += d.classNames[1].substr(0, 1);
        d.classNames[1].erase(0, 1);
    });
}

void TestModelState::hashChangesWithSplitsLabelsAndNames()
{
    QFETCH(Mutation, mutate);
    Dataset d = semrel::test::tinyDataset();
    const std::string before = semrel::hashOfSplits(d);
    mutate(d);
    QVERIFY(semrel::hashOfSplits(d) != before);
}

void TestModelState::expectedShapesAreTheNetworksOwn_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<std::vector<int>>("encoder");
    QTest::addColumn<std::vector<int>>("decoder");
    QTest::newRow("proposed, AWA2's shape")
        << int(semrel::Method::Proposed) << std::vector<int>{512, 1024}
        << std::vector<int>{1024, 512};
    QTest::newRow("b1, one hidden layer")
        << int(semrel::Method::B1) << std::vector<int>{16} << std::vector<int>{};
    QTest::newRow("b3, no decoder")
        << int(semrel::Method::B3) << std::vector<int>{} << std::vector<int>{7};
}

// The plain-data list that model files are checked against, and the network the trainer builds.
void TestModelState::expectedShapesAreTheNetworksOwn()
{
    QFETCH(int, method);
    QFETCH(std::vector<int>, encoder);
    QFETCH(std::vector<int>, decoder);
    semrel::TrainingConfig config;
    config.method = static_cast<semrel::Method>(method);
    config.network = {encoder, decoder};
    const std::int64_t a = 5;
    const std::int64_t d = 9;
    semrel::RelationNetwork network(a, d, config.network, config.method != semrel::Method::B3, 1);
    const std::vector<semrel::NamedTensor> actual = network->exportParameters();
    const std::vector<semrel::ParameterShape> expected =
        semrel::expectedParameterShapes(config, d, a);
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        QCOMPARE(actual[i].name, expected[i].name);
        QCOMPARE(actual[i].shape, expected[i].shape);
    }
    semrel::ModelState state = semrel::test::identityModelState();
    state.config = config;
    state.featureDim = d;
    state.embeddingDim = a;
    state.parameters = actual;
    semrel::validateModelState(state, "m.h5"); // must not throw
}

QTEST_GUILESS_MAIN(TestModelState)
#include "tst_model_state.moc"
