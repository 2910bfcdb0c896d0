// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The tuning rows: train and val restricted to trainval samples unless asked for the raw splits,
// and the seen holdout drawn per train class.
#include "test_support.h"

#include <semrel/dataset/tuning_splits.h>

#include <QTest>

#include <algorithm>
#include <set>

using semrel::Split;
using semrel::TuningSplits;

namespace {

// tinyDataset() with xlsa17's quirk: its test_seen samples 0 (cat) and 6 (fox) also in train and
// val, as train_loc and val_loc of AWA1, AWA2, SUN and FLO have them.
semrel::Dataset withTestSeenInTuningSplits()
{
    semrel::Dataset data = semrel::test::tinyDataset();
    data.split(Split::Train).push_back(0);
    std::sort(data.split(Split::Train).begin(), data.split(Split::Train).end());
    data.split(Split::Val).push_back(6);
    std::sort(data.split(Split::Val).begin(), data.split(Split::Val).end());
    return data;
}

} // namespace

class TestTuningSplits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void restrictsToTrainvalByDefault();
    void rawKeepsTheFilesSplits();
    void holdsOutASharePerClassButNeverAll();
    void sameSeedSameDraw();
    void countsWhatTheRestrictionRemoves();
    void namesRoundTripAndBadValuesAreRefused();
};

void TestTuningSplits::restrictsToTrainvalByDefault()
{
    const semrel::TuningRows rows =
        semrel::tuningRows(withTestSeenInTuningSplits(), TuningSplits::Trainval, 0.0, 1);
    QCOMPARE(rows.fit, (std::vector<std::int64_t>{1, 2, 4, 5}));
    QCOMPARE(rows.validation, (std::vector<std::int64_t>{7, 8}));
    QVERIFY(rows.seenHoldout.empty());
}

void TestTuningSplits::rawKeepsTheFilesSplits()
{
    const semrel::TuningRows rows =
        semrel::tuningRows(withTestSeenInTuningSplits(), TuningSplits::Raw, 0.0, 1);
    QCOMPARE(rows.fit, (std::vector<std::int64_t>{0, 1, 2, 4, 5}));
    QCOMPARE(rows.validation, (std::vector<std::int64_t>{6, 7, 8}));
}

void TestTuningSplits::holdsOutASharePerClassButNeverAll()
{
    const semrel::Dataset data = withTestSeenInTuningSplits();
    // cat and dog have 2 train samples each: half is one of each.
    const semrel::TuningRows half = semrel::tuningRows(data, TuningSplits::Trainval, 0.5, 3);
    QCOMPARE(half.fit.size(), std::size_t{2});
    QCOMPARE(half.seenHoldout.size(), std::size_t{2});
    std::set<std::int32_t> heldClasses;
    for (std::int64_t i : half.seenHoldout)
        heldClasses.insert(data.labels[static_cast<std::size_t>(i)]);
    QCOMPARE(heldClasses, (std::set<std::int32_t>{0, 1}));
    QVERIFY(std::is_sorted(half.fit.begin(), half.fit.end()));
    // 0.9 of 2 rounds to 2, but a class keeps one sample to train on.
    const semrel::TuningRows most = semrel::tuningRows(data, TuningSplits::Trainval, 0.9, 3);
    QCOMPARE(most.fit.size(), std::size_t{2});
    // 0.2 of 2 rounds to none.
    QVERIFY(semrel::tuningRows(data, TuningSplits::Trainval, 0.2, 3).seenHoldout.empty());
    QVERIFY(half.validation == most.validation);
}

void TestTuningSplits::sameSeedSameDraw()
{
    semrel::Dataset data = semrel::test::tinyDataset();
    // Ten train samples of cat so that draws can differ.
    for (int i = 0; i < 10; ++i) {
        data.features.values.insert(data.features.values.end(), {0.1f, 0.2f, 0.3f});
        data.labels.push_back(0);
        const std::int64_t row = data.features.rows++;
        data.split(Split::Train).push_back(row);
        data.split(Split::Trainval).push_back(row);
    }
    const auto draw = [&](std::uint64_t seed) {
        return semrel::tuningRows(data, TuningSplits::Trainval, 0.3, seed).seenHoldout;
    };
    QCOMPARE(draw(7), draw(7));
    bool differs = false;
    for (std::uint64_t seed = 8; seed < 20 && !differs; ++seed)
        differs = draw(seed) != draw(7);
    QVERIFY(differs);
}

void TestTuningSplits::countsWhatTheRestrictionRemoves()
{
    const semrel::TuningSplitCounts counts =
        semrel::tuningSplitCounts(withTestSeenInTuningSplits());
    QCOMPARE(counts.train, 5);
    QCOMPARE(counts.trainInTrainval, 4);
    QCOMPARE(counts.val, 3);
    QCOMPARE(counts.valInTrainval, 2);
}

void TestTuningSplits::namesRoundTripAndBadValuesAreRefused()
{
    for (TuningSplits s : {TuningSplits::Trainval, TuningSplits::Raw})
        QCOMPARE(semrel::tuningSplitsFromName(semrel::tuningSplitsName(s)), s);
    QVERIFY_THROWS_EXCEPTION(semrel::Error, semrel::tuningSplitsFromName("test"));
    QVERIFY_THROWS_EXCEPTION(
        semrel::Error, semrel::tuningRows(semrel::test::tinyDataset(), TuningSplits::Raw, 0.95, 1));
}

QTEST_GUILESS_MAIN(TestTuningSplits)
#include "tst_tuning_splits.moc"
