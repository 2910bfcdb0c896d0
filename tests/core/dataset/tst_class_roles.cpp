// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// classRoles(): each class's role in the protocol and its samples per split, in one pass.
#include "test_support.h"

#include <semrel/dataset/class_roles.h>
#include <semrel/dataset/synthetic_dataset.h>

#include <QTest>

#include <algorithm>

using semrel::ClassRole;
using semrel::Split;

class TestClassRoles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rolesOfTheTinyDatasetByHand();
    void aClassInNoSplitIsUnused();
    void countsSamplesPerSplit();
    void outOfRangeIndexIsUnusedAndEmpty();
    void agreesWithTheSplitsClassSetsOnAGeneratedDataset();
    void namesEachRole();
};

void TestClassRoles::rolesOfTheTinyDatasetByHand()
{
    // cat, dog: train; fox: val; owl: test_unseen.
    const semrel::ClassRoles roles = semrel::classRoles(semrel::test::tinyDataset());
    QCOMPARE(roles.roles, (std::vector<ClassRole>{ClassRole::Seen, ClassRole::Seen,
                                                  ClassRole::Validation, ClassRole::Unseen}));
    QVERIFY(roles.isIn(Split::TestSeen, 2));
    QVERIFY(!roles.isIn(Split::Train, 2));
    QVERIFY(roles.isIn(Split::Train, 0));
    QVERIFY(!roles.isIn(Split::TestSeen, 3));
}

void TestClassRoles::aClassInNoSplitIsUnused()
{
    semrel::Dataset data = semrel::test::tinyDataset();
    data.classNames.push_back("elk");
    data.classEmbeddings.rows = 5;
    data.classEmbeddings.values.insert(data.classEmbeddings.values.end(), {0.5f, 0.5f});
    const semrel::ClassRoles roles = semrel::classRoles(data);
    QCOMPARE(roles.roles.size(), std::size_t{5});
    QCOMPARE(roles.role(4), ClassRole::Unused);
    for (Split split : semrel::kAllSplits)
        QCOMPARE(roles.samples(split, 4), std::int64_t{0});
}

void TestClassRoles::countsSamplesPerSplit()
{
    const semrel::Dataset data = semrel::test::tinyDataset();
    const semrel::ClassRoles roles = semrel::classRoles(data);
    // Per class of cat, dog, fox: one test_seen sample, two trainval ones (train or val).
    QCOMPARE(roles.samples(Split::Trainval, 0), std::int64_t{2});
    QCOMPARE(roles.samples(Split::Train, 1), std::int64_t{2});
    QCOMPARE(roles.samples(Split::Val, 2), std::int64_t{2});
    QCOMPARE(roles.samples(Split::Val, 1), std::int64_t{0});
    QCOMPARE(roles.samples(Split::TestSeen, 0), std::int64_t{1});
    QCOMPARE(roles.samples(Split::TestUnseen, 3), std::int64_t{3});
    for (Split split : semrel::kAllSplits)
        QCOMPARE(roles.samplesPerSplit[static_cast<int>(split)], data.samplesPerClass(split));
}

void TestClassRoles::outOfRangeIndexIsUnusedAndEmpty()
{
    const semrel::ClassRoles roles = semrel::classRoles(semrel::test::tinyDataset());
    QCOMPARE(roles.role(-1), ClassRole::Unused);
    QCOMPARE(roles.role(4), ClassRole::Unused);
    QCOMPARE(roles.samples(Split::Trainval, 99), std::int64_t{0});
    QVERIFY(!roles.isIn(Split::TestUnseen, -3));
    QCOMPARE(semrel::classRoles(semrel::Dataset{}).roles.size(), std::size_t{0});
}

void TestClassRoles::agreesWithTheSplitsClassSetsOnAGeneratedDataset()
{
    semrel::SyntheticSpec spec;
    spec.classCount = 30;
    spec.unseenClassCount = 7;
    spec.valClassCount = 5;
    spec.samplesPerClass = 12;
    const semrel::Dataset data = semrel::makeSyntheticDataset(spec);
    const semrel::ClassRoles roles = semrel::classRoles(data);
    const auto has = [](const std::vector<std::int32_t>& sorted, std::int32_t c) {
        return std::binary_search(sorted.begin(), sorted.end(), c);
    };
    const auto unseen = data.unseenClasses();
    const auto validation = data.classesIn(Split::Val);
    const auto seen = data.seenClasses();
    int counts[4] = {0, 0, 0, 0};
    for (std::int32_t c = 0; c < data.classCount(); ++c) {
        const ClassRole expected = has(unseen, c)       ? ClassRole::Unseen
                                   : has(validation, c) ? ClassRole::Validation
                                   : has(seen, c)       ? ClassRole::Seen
                                                        : ClassRole::Unused;
        QCOMPARE(roles.role(c), expected);
        ++counts[static_cast<int>(expected)];
    }
    QCOMPARE(counts[static_cast<int>(ClassRole::Unseen)], 7);
    QCOMPARE(counts[static_cast<int>(ClassRole::Validation)], 5);
    QCOMPARE(counts[static_cast<int>(ClassRole::Seen)], 18);
}

void TestClassRoles::namesEachRole()
{
    QCOMPARE(semrel::classRoleName(ClassRole::Seen), "seen");
    QCOMPARE(semrel::classRoleName(ClassRole::Validation), "validation");
    QCOMPARE(semrel::classRoleName(ClassRole::Unseen), "unseen");
    QCOMPARE(semrel::classRoleName(ClassRole::Unused), "unused");
}

QTEST_GUILESS_MAIN(TestClassRoles)
#include "tst_class_roles.moc"
