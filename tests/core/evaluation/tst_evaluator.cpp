// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "test_support.h"

#include <semrel/errors.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/kernels/threads.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <vector>

using semrel::FloatMatrix;
using Labels = std::vector<std::int32_t>;
using Mutation = std::function<void(semrel::Dataset&)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

// Samples whose predictions follow from the cosines with the rows above (see evaluatesByHand).
semrel::Dataset handDataset()
{
    semrel::Dataset d;
    d.name = "hand";
    d.classNames = {"ant", "bee", "cow", "doe"};
    d.classEmbeddings = FloatMatrix(4, 3);
    d.classEmbeddings.values = {1, 0, 0, 0.8f, 0.6f, 0, 0, 1, 0, 0, 0, 1};
    d.features = FloatMatrix(9, 3);
    d.features.values = {1, 0, 0, 0.8f, 0.6f, 0,    1,    0, 0, 0.8f, 0.6f, 0,    1,   0.05f,
                         0, 0, 1, 0,    0.9f, 0.1f, 0.2f, 0, 0, 1,    0.5f, 0.5f, 0.6f};
    d.labels = {0, 1, 0, 1, 1, 2, 2, 3, 3};
    d.split(semrel::Split::Trainval) = {0, 1};
    d.split(semrel::Split::Train) = {0, 1};
    d.split(semrel::Split::TestSeen) = {2, 3, 4};
    d.split(semrel::Split::TestUnseen) = {5, 6, 7, 8};
    return d;
}

} // namespace

class TestEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void perClassMeanDiffersFromOverallAccuracyWhenUnbalanced();
    void perClassMeanLeavesOutClassesWithoutSamples();
    void perClassMeanIgnoresSamplesOfUnlistedClasses();
    void perClassMeanIsNanWithoutSamples();
    void harmonicMeanOfKnownPairs_data();
    void harmonicMeanOfKnownPairs();
    void confusionMatrixCountsByHand();
    void predictsCandidateWithHighestCosine();
    void neverPredictsANonCandidate();
    void scoreIsTheCosineWhateverTheFeatureLength();
    void agreesWithBruteForceOnRandomData();
    void sameScoresOnAnyThreadCount();
    void rejectsMismatchedDimensionsAndBadCandidates();
    void predictsFirstCandidateOnATie();
    void evaluateAgreesWithPredictAmongOnNormalisedRows();
    void evaluatesByHand();
    void rejectsDatasetThatDoesNotFitTheModel_data();
    void rejectsDatasetThatDoesNotFitTheModel();
};

void TestEvaluator::perClassMeanDiffersFromOverallAccuracyWhenUnbalanced()
{
    // Class 5: 8 samples, all right. Class 7: 2 samples, none right.
    // Overall 8/10 = 0.8, per-class mean (1 + 0) / 2 = 0.5.
    const Labels truth{5, 5, 5, 5, 5, 5, 5, 5, 7, 7};
    const Labels predicted{5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
    QCOMPARE(semrel::meanPerClassAccuracy(truth, predicted, {5, 7}), 0.5);
    // Three classes, 3/4, 1/2, 0/1 right: (0.75 + 0.5 + 0) / 3.
    const Labels t3{0, 0, 0, 0, 1, 1, 2};
    const Labels p3{0, 0, 0, 1, 1, 0, 0};
    QCOMPARE(semrel::meanPerClassAccuracy(t3, p3, {0, 1, 2}), 1.25 / 3.0);
}

void TestEvaluator::perClassMeanLeavesOutClassesWithoutSamples()
{
    const Labels truth{0, 0, 1};
    const Labels predicted{0, 1, 1};
    // Class 9 has no samples: the mean is over classes 0 (0.5) and 1 (1.0) only.
    QCOMPARE(semrel::meanPerClassAccuracy(truth, predicted, {0, 1, 9}), 0.75);
}

void TestEvaluator::perClassMeanIgnoresSamplesOfUnlistedClasses()
{
    const Labels truth{0, 0, 3, 3, 3};
    const Labels predicted{0, 0, 1, 1, 1};
    QCOMPARE(semrel::meanPerClassAccuracy(truth, predicted, {0}), 1.0);
}

void TestEvaluator::perClassMeanIsNanWithoutSamples()
{
    QVERIFY(std::isnan(semrel::meanPerClassAccuracy({}, {}, {0, 1})));
    QVERIFY(std::isnan(semrel::meanPerClassAccuracy({2, 2}, {2, 2}, {0, 1})));
    QVERIFY_THROWS_EXCEPTION(semrel::Error, semrel::meanPerClassAccuracy({0, 1}, {0}, {0, 1}));
}

void TestEvaluator::harmonicMeanOfKnownPairs_data()
{
    QTest::addColumn<double>("unseen");
    QTest::addColumn<double>("seen");
    QTest::addColumn<double>("expected");
    QTest::newRow("equal") << 0.5 << 0.5 << 0.5;
    QTest::newRow("unequal") << 0.2 << 0.8 << 0.32;
    QTest::newRow("paper AWA2 proposed") << 0.207 << 0.738 << 2 * 0.207 * 0.738 / 0.945;
    QTest::newRow("one zero") << 0.0 << 0.9 << 0.0;
    QTest::newRow("both zero") << 0.0 << 0.0 << 0.0;
}

void TestEvaluator::harmonicMeanOfKnownPairs()
{
    QFETCH(double, unseen);
    QFETCH(double, seen);
    QFETCH(double, expected);
    QVERIFY(std::abs(semrel::harmonicMean(unseen, seen) - expected) < 1e-12);
    QVERIFY(std::abs(semrel::harmonicMean(seen, unseen) - expected) < 1e-12);
}

void TestEvaluator::confusionMatrixCountsByHand()
{
    // Classes listed as {4, 2, 6}: rows and columns follow that order, not the class numbers.
    const Labels truth{4, 4, 4, 2, 2, 6, 6, 6, 6, 8};
    const Labels predicted{4, 2, 4, 2, 6, 6, 4, 1, 6, 4};
    const semrel::ConfusionMatrix m = semrel::confusionMatrix(truth, predicted, {4, 2, 6});
    QCOMPARE(m.classes, (Labels{4, 2, 6}));
    // Class 6 predicted as 1 (not listed) and the sample of class 8 are not counted.
    const std::vector<std::int64_t> expected{
        2, 1, 0, // true 4
        0, 1, 1, // true 2
        1, 0, 2, // true 6
    };
    QCOMPARE(m.counts, expected);
    QCOMPARE(m.at(2, 0), 1);
}

void TestEvaluator::predictsCandidateWithHighestCosine()
{
    FloatMatrix mapped(3, 2);
    mapped.values = {1, 0, 0, 1, 1, 1};
    FloatMatrix features(3, 2);
    features.values = {0.9f, 0.1f, 0.1f, 5.0f, 2.0f, 2.1f};
    const semrel::ClassScores s = semrel::predictAmong(features, mapped, {0, 1, 2});
    QCOMPARE(s.predicted, (Labels{0, 1, 2}));
    // A large mapped row (class 2 has length √2) wins only by direction, not by length.
    FloatMatrix longRow(2, 2);
    longRow.values = {10, 10, 0, 1};
    FloatMatrix nearAxis(1, 2);
    nearAxis.values = {0.1f, 1.0f};
    QCOMPARE(semrel::predictAmong(nearAxis, longRow, {0, 1}).predicted, (Labels{1}));
}

void TestEvaluator::neverPredictsANonCandidate()
{
    FloatMatrix mapped(4, 2);
    mapped.values = {1, 0, 0, 1, -1, 0, 0, -1};
    FloatMatrix features(4, 2);
    features.values = {1, 0, 0, 1, -1, 0, 0, -1}; // each exactly on one class
    const semrel::ClassScores s = semrel::predictAmong(features, mapped, {1, 2});
    for (std::int32_t c : s.predicted)
        QVERIFY(c == 1 || c == 2);
    QCOMPARE(s.predicted[1], 1);
    QCOMPARE(s.predicted[2], 2);
}

void TestEvaluator::scoreIsTheCosineWhateverTheFeatureLength()
{
    FloatMatrix mapped(2, 2);
    mapped.values = {3, 4, 0, 2};
    FloatMatrix features(2, 2);
    features.values = {0.6f, 0.8f, 60.0f, 80.0f};
    const semrel::ClassScores s = semrel::predictAmong(features, mapped, {0, 1});
    QCOMPARE(s.predicted, (Labels{0, 0}));
    QVERIFY(std::abs(s.score[0] - 1.0f) < 1e-6f);
    QVERIFY(std::abs(s.score[1] - 1.0f) < 1e-6f);
    const semrel::ClassScores only1 = semrel::predictAmong(features, mapped, {1});
    QVERIFY(std::abs(only1.score[0] - 0.8f) < 1e-6f);
}

void TestEvaluator::agreesWithBruteForceOnRandomData()
{
    std::mt19937 rng(3);
    std::normal_distribution<float> normal;
    const std::int64_t n = 200, c = 30, d = 16;
    FloatMatrix features(n, d), mapped(c, d);
    for (float& v : features.values)
        v = normal(rng);
    for (float& v : mapped.values)
        v = normal(rng);
    const Labels candidates{2, 3, 5, 7, 11, 13, 17, 19, 23, 29};
    const semrel::ClassScores s = semrel::predictAmong(features, mapped, candidates);
    for (std::int64_t i = 0; i < n; ++i) {
        double best = -2.0;
        std::int32_t bestClass = -1;
        for (std::int32_t k : candidates) {
            double dot = 0, nx = 0, nc = 0;
            for (std::int64_t j = 0; j < d; ++j) {
                dot += double(features.at(i, j)) * mapped.at(k, j);
                nx += double(features.at(i, j)) * features.at(i, j);
                nc += double(mapped.at(k, j)) * mapped.at(k, j);
            }
            const double cosine = dot / std::sqrt(nx * nc);
            if (cosine > best) {
                best = cosine;
                bestClass = k;
            }
        }
        QCOMPARE(s.predicted[static_cast<std::size_t>(i)], bestClass);
        QVERIFY(std::abs(s.score[static_cast<std::size_t>(i)] - best) < 1e-5);
    }
}

// Two blocks of rows and three chunks of class columns, in the BLAS kernels' own sizes: the
// members share them in whatever order, and every score keeps its bits.
void TestEvaluator::sameScoresOnAnyThreadCount()
{
    std::mt19937 rng(4);
    std::normal_distribution<float> normal;
    const std::int64_t n = 700, c = 900, d = 96;
    FloatMatrix features(n, d), mapped(c, d);
    for (float& v : features.values)
        v = normal(rng);
    for (float& v : mapped.values)
        v = normal(rng);
    Labels all(static_cast<std::size_t>(c));
    for (std::int32_t k = 0; k < c; ++k)
        all[static_cast<std::size_t>(k)] = k;
    semrel::configureThreads(1);
    const semrel::ClassScores one = semrel::predictAmong(features, mapped, all);
    for (const int threads : {2, 3}) {
        semrel::configureThreads(threads);
        const semrel::ClassScores many = semrel::predictAmong(features, mapped, all);
        QCOMPARE(many.predicted, one.predicted);
        QCOMPARE(many.score, one.score);
    }
    semrel::configureThreads(0);
}

void TestEvaluator::rejectsMismatchedDimensionsAndBadCandidates()
{
    FloatMatrix mapped(3, 4), features(2, 5);
    QVERIFY_THROWS_EXCEPTION(semrel::Error, semrel::predictAmong(features, mapped, {0}));
    FloatMatrix fitting(2, 4);
    QVERIFY_THROWS_EXCEPTION(semrel::Error, semrel::predictAmong(fitting, mapped, {3}));
    QVERIFY_THROWS_EXCEPTION(semrel::Error, semrel::predictAmong(fitting, mapped, {-1}));
    QVERIFY_THROWS_EXCEPTION(semrel::Error, semrel::predictAmong(fitting, mapped, {}));
}

void TestEvaluator::predictsFirstCandidateOnATie()
{
    // Classes 0 and 2 point the same way: the one listed first wins, as torch's max did.
    FloatMatrix mapped(3, 2);
    mapped.values = {1, 0, 0, 1, 2, 0};
    FloatMatrix features(1, 2);
    features.values = {3, 1};
    QCOMPARE(semrel::predictAmong(features, mapped, {0, 1, 2}).predicted, (Labels{0}));
    QCOMPARE(semrel::predictAmong(features, mapped, {2, 1, 0}).predicted, (Labels{2}));
}

// evaluate() scores the test rows in blocks, normalising on the fly, and takes ZSL and GZSL from
// one product per block: the outcome must be that of predictAmong() on normalised copies, with
// enough rows for several blocks and the seen rows in shuffled order.
void TestEvaluator::evaluateAgreesWithPredictAmongOnNormalisedRows()
{
    const std::int64_t d = 8, classes = 12, unseenCount = 700, seenCount = 1300;
    std::mt19937 rng(7);
    std::normal_distribution<float> normal;
    semrel::ModelState s = semrel::test::identityModelState();
    s.featureDim = d;
    s.embeddingDim = d;
    s.featureNormalizer = {std::vector<float>(d), std::vector<float>(d)};
    for (std::int64_t c = 0; c < d; ++c) {
        s.featureNormalizer.mean[c] = normal(rng);
        s.featureNormalizer.stddev[c] = 0.5f + std::abs(normal(rng));
    }
    s.embeddingNormalizer = {std::vector<float>(d, 0.0f), std::vector<float>(d, 1.0f)};
    std::vector<float> weight(static_cast<std::size_t>(d * d));
    for (float& w : weight)
        w = normal(rng);
    s.parameters = {{"encoder.0.weight", {d, d}, weight},
                    {"encoder.0.bias", {d}, std::vector<float>(d, 0.1f)}};
    s.classNames.clear();
    for (std::int64_t c = 0; c < classes; ++c)
        s.classNames.push_back("class " + std::to_string(c));
    s.classEmbeddings = FloatMatrix(classes, d);
    for (float& v : s.classEmbeddings.values)
        v = normal(rng);
    s.seenClasses = {0, 1, 2, 3, 4, 5, 6, 7};
    s.unseenClasses = {8, 9, 10, 11};
    const semrel::RelationModel model(s);

    semrel::Dataset data;
    data.name = "random";
    data.classNames = s.classNames;
    data.classEmbeddings = s.classEmbeddings;
    data.features = FloatMatrix(unseenCount + seenCount, d);
    for (float& v : data.features.values)
        v = 3.0f * normal(rng);
    for (std::int64_t i = 0; i < unseenCount + seenCount; ++i) {
        const bool unseen = i < unseenCount;
        data.labels.push_back(unseen ? 8 + static_cast<std::int32_t>(i % 4)
                                     : static_cast<std::int32_t>(i % 8));
        data.split(unseen ? semrel::Split::TestUnseen : semrel::Split::TestSeen).push_back(i);
    }
    auto& seenRows = data.split(semrel::Split::TestSeen);
    std::shuffle(seenRows.begin(), seenRows.end(), rng);
    const semrel::EvaluationResult r = semrel::evaluate(model, data);

    auto normalisedRows = [&](const std::vector<std::int64_t>& rows) {
        FloatMatrix m(static_cast<std::int64_t>(rows.size()), d);
        for (std::size_t k = 0; k < rows.size(); ++k)
            std::copy_n(data.features.row(rows[k]), d, m.row(static_cast<std::int64_t>(k)));
        return model.toScoringSpace(m);
    };
    const FloatMatrix unseen = normalisedRows(data.split(semrel::Split::TestUnseen));
    const FloatMatrix seen = normalisedRows(seenRows);
    const Labels all{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    const FloatMatrix& mapped = model.mappedClasses();
    const semrel::ClassScores zsl = semrel::predictAmong(unseen, mapped, r.unseenClasses);
    const semrel::ClassScores ts = semrel::predictAmong(unseen, mapped, all);
    const semrel::ClassScores tr = semrel::predictAmong(seen, mapped, all);
    // Predictions exactly; scores to a last bit, which some BLAS kernels round by tile position.
    auto agrees = [](const semrel::Prediction& p, const semrel::ClassScores& s, std::size_t i) {
        return p.predictedClass == s.predicted[i] && std::abs(p.score - s.score[i]) < 1e-6f;
    };
    QCOMPARE(r.zslPredictions.size(), std::size_t(unseenCount));
    QCOMPARE(r.gzslPredictions.size(), std::size_t(unseenCount + seenCount));
    for (std::size_t i = 0; i < std::size_t(unseenCount); ++i) {
        QVERIFY(agrees(r.zslPredictions[i], zsl, i));
        QVERIFY(agrees(r.gzslPredictions[i], ts, i));
    }
    for (std::size_t i = 0; i < std::size_t(seenCount); ++i) {
        QCOMPARE(r.gzslPredictions[unseenCount + i].sample, seenRows[i]);
        QVERIFY(agrees(r.gzslPredictions[unseenCount + i], tr, i));
    }
    Labels unseenTruth;
    for (std::int64_t i : data.split(semrel::Split::TestUnseen))
        unseenTruth.push_back(data.labels[static_cast<std::size_t>(i)]);
    QCOMPARE(r.zslAccuracy,
             semrel::meanPerClassAccuracy(unseenTruth, zsl.predicted, r.unseenClasses));
    QCOMPARE(r.gzslUnseen,
             semrel::meanPerClassAccuracy(unseenTruth, ts.predicted, r.unseenClasses));
}

void TestEvaluator::evaluatesByHand()
{
    const semrel::RelationModel model(semrel::test::identityModelState());
    const semrel::EvaluationResult r = semrel::evaluate(model, handDataset());
    // ZSL among {cow, doe}: sample 6 (0.9, 0.1, 0.2) goes to doe, the rest are right.
    // cow 1/2, doe 2/2: per-class mean 0.75 (and by chance overall 3/4 as well).
    QCOMPARE(r.unseenClasses, (Labels{2, 3}));
    QCOMPARE(r.seenClasses, (Labels{0, 1}));
    QCOMPARE(r.zslAccuracy, 0.75);
    QCOMPARE(r.zslPerClass, (std::vector<double>{0.5, 1.0}));
    QCOMPARE(r.zslConfusion.counts, (std::vector<std::int64_t>{1, 1, 0, 2}));
    // GZSL among all: 6 goes to ant and 8 (0.5, 0.5, 0.6) to bee: ts = (1/2 + 1/2) / 2.
    // Seen: 4 (1, 0.05, 0) goes to ant: tr = (1 + 1/2) / 2. H = 2 * 0.5 * 0.75 / 1.25.
    QCOMPARE(r.gzslUnseen, 0.5);
    QCOMPARE(r.gzslSeen, 0.75);
    QVERIFY(std::abs(r.gzslH - 0.6) < 1e-12);
    QCOMPARE(r.zslPredictions.size(), std::size_t{4});
    QCOMPARE(r.zslPredictions[1].sample, 6);
    QCOMPARE(r.zslPredictions[1].trueClass, 2);
    QCOMPARE(r.zslPredictions[1].predictedClass, 3);
    QCOMPARE(r.gzslPredictions.size(), std::size_t{7});
    QCOMPARE(r.gzslPredictions[3].predictedClass, 1); // sample 8
    QCOMPARE(r.gzslPredictions[6].sample, 4);
    QCOMPARE(r.gzslPredictions[6].predictedClass, 0);
    QVERIFY(std::abs(r.gzslPredictions[6].score - 1.0f / std::sqrt(1.0025f)) < 1e-6f);
}

void TestEvaluator::rejectsDatasetThatDoesNotFitTheModel_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("feature dimension")
        << Mutation([](semrel::Dataset& d) { d.features = FloatMatrix(9, 4); })
        << "'/features' has 4 columns, the model expects 3";
    QTest::newRow("class count") << Mutation([](semrel::Dataset& d) {
        d.classNames.push_back("elk");
        d.classEmbeddings.rows = 5;
        d.classEmbeddings.values.resize(15, 1.0f);
    }) << "'/classes/names' has 5 classes, the model knows 4";
    QTest::newRow("class name") << Mutation([](semrel::Dataset& d) { d.classNames[2] = "cat"; })
                                << "has class 'cat' at position 2, the model has 'cow'";
    QTest::newRow("trained class tested as unseen")
        << Mutation([](semrel::Dataset& d) { d.split(semrel::Split::TestUnseen).push_back(2); })
        << "has class 'ant', which the model was trained on";
}

void TestEvaluator::rejectsDatasetThatDoesNotFitTheModel()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, mentions);
    const semrel::RelationModel model(semrel::test::identityModelState());
    semrel::Dataset data = handDataset();
    mutate(data);
    const std::string message = semrel::test::dataErrorOf([&] { semrel::evaluate(model, data); });
    QVERIFY2(QString::fromStdString(message).contains(mentions), message.c_str());
}

QTEST_GUILESS_MAIN(TestEvaluator)
#include "tst_evaluator.moc"
