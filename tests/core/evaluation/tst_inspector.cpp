// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "test_support.h"

#include <semrel/errors.h>
#include <semrel/evaluation/inspector.h>
#include <semrel/evaluation/relation_model.h>

#include <QTest>

#include <cmath>

using semrel::ClassSimilarity;
using semrel::Relation;

namespace {

semrel::RelationModel identityModel()
{
    return semrel::RelationModel(semrel::test::identityModelState());
}

// x = (1, 0.2, 0), |x| = √1.04.
const std::vector<float> kFeature = {1.0f, 0.2f, 0.0f};
const double kNorm = std::sqrt(1.04);

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortsClassesByCosine();
    void labelsByTau();
    void leavesOutHiddenClasses();
    void rejectsFeatureOfWrongLength();
};

void TestInspector::sortsClassesByCosine()
{
    const auto model = identityModel();
    const std::vector<ClassSimilarity> result = semrel::inspectFeature(model, kFeature);
    QCOMPARE(result.size(), std::size_t{4});
    const std::vector<std::string> order{"ant", "bee", "cow", "doe"};
    const std::vector<double> expected{1.0 / kNorm, 0.92 / kNorm, 0.2 / kNorm, 0.0};
    for (std::size_t i = 0; i < result.size(); ++i) {
        QCOMPARE(result[i].className, order[i]);
        QCOMPARE(result[i].classIndex, static_cast<std::int32_t>(i));
        QVERIFY2(std::abs(result[i].similarity - expected[i]) < 1e-6,
                 qPrintable(QString::number(result[i].similarity)));
    }
    QVERIFY(result[0].seen && result[1].seen && !result[2].seen && !result[3].seen);
    // The order comes from the cosine, not the class index.
    const std::vector<ClassSimilarity> other = semrel::inspectFeature(model, {0.0f, 0.1f, 1.0f});
    QCOMPARE(other.front().className, std::string("doe"));
    QCOMPARE(other.back().className, std::string("ant"));
}

void TestInspector::labelsByTau()
{
    const auto model = identityModel();
    semrel::InspectionOptions options;
    options.tau = 0.5;
    auto result = semrel::inspectFeature(model, kFeature, options);
    QCOMPARE(result[0].relation, Relation::Similar);
    QCOMPARE(result[1].relation, Relation::Similar);
    QCOMPARE(result[2].relation, Relation::Dissimilar);
    QCOMPARE(result[3].relation, Relation::Dissimilar);
    // τ = 0: a cosine of exactly 0 is similar (s >= τ), as in the paper's Sec. 3.1.
    options.tau = 0.0;
    result = semrel::inspectFeature(model, kFeature, options);
    QCOMPARE(result[3].className, std::string("doe"));
    QCOMPARE(result[3].relation, Relation::Similar);
}

void TestInspector::leavesOutHiddenClasses()
{
    const auto model = identityModel();
    semrel::InspectionOptions options;
    options.hiddenClasses = {1, 3};
    const auto result = semrel::inspectFeature(model, kFeature, options);
    QCOMPARE(result.size(), std::size_t{2});
    QCOMPARE(result[0].className, std::string("ant"));
    QCOMPARE(result[1].className, std::string("cow"));
    options.hiddenClasses = {4};
    QVERIFY(semrel::test::dataErrorOf([&] {
                semrel::inspectFeature(model, kFeature, options);
            }).find("hidden class 4") != std::string::npos);
}

void TestInspector::rejectsFeatureOfWrongLength()
{
    const auto model = identityModel();
    const std::string message = semrel::test::dataErrorOf([&] {
        semrel::inspectFeature(model, {1.0f, 2.0f});
    });
    QVERIFY2(message.find("the feature has 2 values, the model expects 3") != std::string::npos,
             message.c_str());
}

QTEST_GUILESS_MAIN(TestInspector)
#include "tst_inspector.moc"
