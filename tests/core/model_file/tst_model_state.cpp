// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
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

QTEST_GUILESS_MAIN(TestModelState)
#include "tst_model_state.moc"
