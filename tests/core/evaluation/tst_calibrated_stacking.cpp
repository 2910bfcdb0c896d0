// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Calibrated stacking (Chao et al. 2016): the seen-unseen curve, AUSUC and the γ of the best H,
// on samples whose every number is worked out by hand below; then on a model, where γ = 0 must
// give exactly the plain GZSL numbers.
#include "test_support.h"

#include <semrel/evaluation/calibrated_stacking.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/relation_model.h>

#include <QTest>

#include <cmath>

using semrel::StackingInput;
using semrel::StackingSample;

namespace {

// Seen classes 0, 1; unseen 2, 3. Differences (seen score - unseen score):
//   u1 (class 2, best unseen right)  +0.1      u2 (class 2, best unseen wrong)  -0.3
//   u3 (class 3, best unseen right)  +0.7
//   s1 (class 0, best seen right)    +0.3      s2 (class 1, best seen wrong)    +0.5
//   s3 (class 1, best seen right)    -0.05
// Per-class weights: u1 1/4, u3 1/2 (class 2 has two samples); s1 1/2, s3 1/4.
StackingInput handMade()
{
    StackingInput in;
    in.seenClasses = {0, 1};
    in.unseenClasses = {2, 3};
    in.unseenSamples = {{2, 0, 0.5f, 2, 0.4f}, {2, 1, 0.3f, 3, 0.6f}, {3, 0, 0.9f, 3, 0.2f}};
    in.seenSamples = {{0, 0, 0.8f, 2, 0.5f}, {1, 0, 0.6f, 3, 0.1f}, {1, 1, 0.4f, 2, 0.45f}};
    return in;
}

// Accuracies are sums of exact shares; γ comes from float scores, so it is only float-exact.
bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

bool nearGamma(double a, double b)
{
    return std::abs(a - b) < 1e-6;
}

} // namespace

class TestCalibratedStacking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curveStepsWhereAPredictionChanges();
    void ausucIsTheAreaUnderTheSteps();
    void bestHarmonicIsTheMiddleOfItsInterval();
    void tiesGoToTheLowerClassLikeThePlainArgmax();
    void keepsAtMostTheAskedPointsWithEndsAndBest();
    void emptySideGivesNoCurve();
    void gammaZeroIsPlainGzslOnAModel();
};

void TestCalibratedStacking::curveStepsWhereAPredictionChanges()
{
    const semrel::SeenUnseenCurve curve = semrel::seenUnseenCurve(handMade());
    // Changes at -0.05 (s3 lost), 0.1 (u1 won), 0.3 (s1 lost), 0.7 (u3 won): five intervals.
    QCOMPARE(curve.points.size(), std::size_t{5});
    const double ts[] = {0.0, 0.0, 0.25, 0.25, 0.75};
    const double tr[] = {0.75, 0.5, 0.5, 0.0, 0.0};
    for (std::size_t k = 0; k < 5; ++k) {
        QVERIFY2(near(curve.points[k].unseenAccuracy, ts[k]), qPrintable(QString::number(k)));
        QVERIFY2(near(curve.points[k].seenAccuracy, tr[k]), qPrintable(QString::number(k)));
        // Each point is what stackingAt() gives at its γ.
        const semrel::StackingPoint at = semrel::stackingAt(handMade(), curve.points[k].gamma);
        QVERIFY(near(at.unseenAccuracy, ts[k]) && near(at.seenAccuracy, tr[k]));
    }
    QVERIFY(nearGamma(curve.points[2].gamma, 0.2)); // between 0.1 and 0.3
    QVERIFY(curve.points[0].gamma < -0.05 && curve.points[4].gamma > 0.7);
    // γ = 0 is plain GZSL: u1 and u3 go to seen classes, s3 to an unseen one.
    const semrel::StackingPoint plain = semrel::stackingAt(handMade(), 0.0);
    QVERIFY(near(plain.unseenAccuracy, 0.0) && near(plain.seenAccuracy, 0.5));
}

void TestCalibratedStacking::ausucIsTheAreaUnderTheSteps()
{
    // Only between 0.1 and 0.3 are both non-zero: ts 0 -> 0.25 at tr 0.5.
    QVERIFY(near(semrel::seenUnseenCurve(handMade()).ausuc, 0.125));
    // A perfect model: every best class right and every sample on its side at γ 0: area 1.
    StackingInput perfect;
    perfect.seenClasses = {0};
    perfect.unseenClasses = {1};
    perfect.unseenSamples = {{1, 0, 0.1f, 1, 0.9f}};
    perfect.seenSamples = {{0, 0, 0.9f, 1, 0.1f}};
    QVERIFY(near(semrel::seenUnseenCurve(perfect).ausuc, 1.0));
}

void TestCalibratedStacking::bestHarmonicIsTheMiddleOfItsInterval()
{
    const semrel::SeenUnseenCurve curve = semrel::seenUnseenCurve(handMade());
    QVERIFY(nearGamma(curve.bestHarmonic.gamma, 0.2));
    QVERIFY(near(curve.bestHarmonic.harmonic, 2.0 * 0.25 * 0.5 / 0.75));
    // It beats plain GZSL here (H 0 at γ = 0).
    QVERIFY(curve.bestHarmonic.harmonic > semrel::stackingAt(handMade(), 0.0).harmonic);
}

void TestCalibratedStacking::tiesGoToTheLowerClassLikeThePlainArgmax()
{
    const StackingSample seenFirst{0, 1, 0.5f, 4, 0.5f};
    QVERIFY(semrel::predictsSeen(seenFirst, 0.0));
    QVERIFY(!semrel::predictsSeen(seenFirst, 1e-9));
    const StackingSample unseenFirst{0, 4, 0.5f, 1, 0.5f};
    QVERIFY(!semrel::predictsSeen(unseenFirst, 0.0));
    QVERIFY(semrel::predictsSeen(unseenFirst, -1e-9));
}

void TestCalibratedStacking::keepsAtMostTheAskedPointsWithEndsAndBest()
{
    StackingInput in;
    in.seenClasses = {0};
    in.unseenClasses = {1};
    for (int i = 0; i < 500; ++i) {
        in.unseenSamples.push_back({1, 0, 0.001f * i, 1, 0.0f});
        in.seenSamples.push_back({0, 0, 0.0f, 1, -0.001f * i - 0.0005f});
    }
    const semrel::SeenUnseenCurve full = semrel::seenUnseenCurve(in, 100000);
    const semrel::SeenUnseenCurve kept = semrel::seenUnseenCurve(in, 20);
    QCOMPARE(full.points.size(), std::size_t{1001});
    QVERIFY(kept.points.size() <= 21); // 20 evenly, and the best H when it is not among them
    QCOMPARE(kept.points.front().gamma, full.points.front().gamma);
    QCOMPARE(kept.points.back().gamma, full.points.back().gamma);
    QCOMPARE(kept.ausuc, full.ausuc); // the area is over every change, not the kept points
    bool hasBest = false;
    for (const semrel::StackingPoint& p : kept.points)
        hasBest = hasBest || p.gamma == full.bestHarmonic.gamma;
    QVERIFY(hasBest);
}

void TestCalibratedStacking::emptySideGivesNoCurve()
{
    StackingInput in = handMade();
    in.seenSamples.clear();
    const semrel::SeenUnseenCurve curve = semrel::seenUnseenCurve(in);
    QVERIFY(curve.empty());
    QVERIFY(std::isnan(curve.ausuc));
}

void TestCalibratedStacking::gammaZeroIsPlainGzslOnAModel()
{
    semrel::ModelState state = semrel::test::identityModelState();
    state.calibration.gamma = 0.0;
    semrel::Dataset data;
    data.name = "hand";
    data.classNames = state.classNames;
    data.classEmbeddings = state.classEmbeddings;
    data.features = semrel::FloatMatrix(6, 3);
    data.features.values = {1,    0.1f, 0, 0.7f, 0.7f, 0, 0,    1,    0.2f,
                            0.1f, 0.1f, 1, 0.9f, 0.9f, 0, 0.2f, 0.5f, 0.6f};
    data.labels = {0, 1, 2, 3, 2, 3};
    data.split(semrel::Split::Trainval) = {0, 1};
    data.split(semrel::Split::TestSeen) = {0, 1};
    data.split(semrel::Split::TestUnseen) = {2, 3, 4, 5};
    const semrel::EvaluationResult e = semrel::evaluate(semrel::RelationModel(state), data);
    QVERIFY(!e.seenUnseen.empty());
    QCOMPARE(e.calibrated.unseenAccuracy, e.gzslUnseen);
    QCOMPARE(e.calibrated.seenAccuracy, e.gzslSeen);
    QCOMPARE(e.calibrated.harmonic, e.gzslH);
    QVERIFY(e.seenUnseen.ausuc >= 0.0 && e.seenUnseen.ausuc <= 1.0);
}

QTEST_GUILESS_MAIN(TestCalibratedStacking)
#include "tst_calibrated_stacking.moc"
