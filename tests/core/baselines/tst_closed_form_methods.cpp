// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// ESZSL and SAE against their closed forms written out with plain matrix operations (Gauss-Jordan
// inverses and a Kronecker-product solve of the Sylvester equation, in double), on a generated
// problem small enough to do that: the model files' matrices and their accuracies must match.
#include "test_support.h"

#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/inspector.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/training/trainer.h>
#include <semrel/training/tuning.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <vector>

using semrel::Dataset;
using semrel::Method;
using semrel::SaeDirection;
using semrel::Split;
using semrel::TrainingConfig;

namespace {

// A dense row-major double matrix with just what the closed forms need.
struct Mat
{
    int rows = 0, cols = 0;
    std::vector<double> v;
    Mat(int r, int c) : rows(r), cols(c), v(static_cast<std::size_t>(r * c), 0.0) {}
    double& operator()(int r, int c) { return v[static_cast<std::size_t>(r * cols + c)]; }
    double operator()(int r, int c) const { return v[static_cast<std::size_t>(r * cols + c)]; }
};

Mat mul(const Mat& a, const Mat& b)
{
    Mat c(a.rows, b.cols);
    for (int i = 0; i < a.rows; ++i)
        for (int k = 0; k < a.cols; ++k)
            for (int j = 0; j < b.cols; ++j)
                c(i, j) += a(i, k) * b(k, j);
    return c;
}

Mat transpose(const Mat& a)
{
    Mat t(a.cols, a.rows);
    for (int i = 0; i < a.rows; ++i)
        for (int j = 0; j < a.cols; ++j)
            t(j, i) = a(i, j);
    return t;
}

Mat plusIdentity(Mat a, double s)
{
    for (int i = 0; i < a.rows; ++i)
        a(i, i) += s;
    return a;
}

// Solves a x = b for every column of b by Gauss-Jordan elimination with partial pivoting.
Mat solve(Mat a, Mat b)
{
    const int n = a.rows;
    for (int col = 0; col < n; ++col) {
        int pivot = col;
        for (int r = col + 1; r < n; ++r)
            if (std::abs(a(r, col)) > std::abs(a(pivot, col)))
                pivot = r;
        for (int c = 0; c < n; ++c)
            std::swap(a(col, c), a(pivot, c));
        for (int c = 0; c < b.cols; ++c)
            std::swap(b(col, c), b(pivot, c));
        for (int r = 0; r < n; ++r) {
            if (r == col)
                continue;
            const double f = a(r, col) / a(col, col);
            for (int c = 0; c < n; ++c)
                a(r, c) -= f * a(col, c);
            for (int c = 0; c < b.cols; ++c)
                b(r, c) -= f * b(col, c);
        }
    }
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < b.cols; ++c)
            b(r, c) /= a(r, r);
    return b;
}

Mat inverse(const Mat& a)
{
    return solve(a, plusIdentity(Mat(a.rows, a.rows), 1.0));
}

// 12 classes (9 seen, 2 of them val; 3 unseen), d = 10, a = 5: every matrix is tiny.
Dataset problem()
{
    semrel::SyntheticSpec spec = semrel::test::syntheticSpec(12, 3, 2, 20, 10, 5);
    spec.noise = 0.8;
    spec.seed = 21;
    return semrel::makeSyntheticDataset(spec);
}

// X [d, n] of the rows, as stored, or scaled to unit length.
Mat featuresOf(const Dataset& data, const std::vector<std::int64_t>& rows, bool unit)
{
    Mat x(static_cast<int>(data.featureDim()), static_cast<int>(rows.size()));
    for (int i = 0; i < x.cols; ++i) {
        const float* f = data.features.row(rows[static_cast<std::size_t>(i)]);
        double norm = 0.0;
        for (int k = 0; k < x.rows; ++k)
            norm += double(f[k]) * f[k];
        for (int k = 0; k < x.rows; ++k)
            x(k, i) = unit ? f[k] / std::sqrt(norm) : f[k];
    }
    return x;
}

Mat embeddingsOf(const Dataset& data, const std::vector<std::int32_t>& classes)
{
    Mat s(static_cast<int>(data.embeddingDim()), static_cast<int>(classes.size()));
    for (int c = 0; c < s.cols; ++c)
        for (int k = 0; k < s.rows; ++k)
            s(k, c) = data.classEmbeddings.at(classes[static_cast<std::size_t>(c)], k);
    return s;
}

// V = (XXᵀ + γI)⁻¹ X Y Sᵀ (SSᵀ + λI)⁻¹ on trainval.
Mat eszslByHand(const Dataset& data, double gamma, double lambda)
{
    const std::vector<std::int64_t>& rows = data.split(Split::Trainval);
    const std::vector<std::int32_t> classes = data.seenClasses();
    const Mat x = featuresOf(data, rows, false);
    Mat y(x.cols, static_cast<int>(classes.size()));
    for (int i = 0; i < x.cols; ++i) {
        const auto label = data.labels[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])];
        y(i, static_cast<int>(std::find(classes.begin(), classes.end(), label) - classes.begin())) =
            1.0;
    }
    const Mat s = embeddingsOf(data, classes);
    const Mat left = inverse(plusIdentity(mul(x, transpose(x)), gamma));
    const Mat right = inverse(plusIdentity(mul(s, transpose(s)), lambda));
    return mul(mul(left, mul(mul(x, y), transpose(s))), right);
}

// W [a, d] from SSᵀW + W(λXXᵀ) = (1 + λ)SXᵀ, as one linear system in vec(W):
// (I ⊗ SSᵀ + λXXᵀ ⊗ I) vec(W) = vec((1 + λ)SXᵀ) (XXᵀ is symmetric).
Mat saeByHand(const Dataset& data, double lambda)
{
    const std::vector<std::int64_t>& rows = data.split(Split::Trainval);
    const Mat x = featuresOf(data, rows, true);
    Mat s(static_cast<int>(data.embeddingDim()), x.cols);
    for (int i = 0; i < x.cols; ++i)
        for (int k = 0; k < s.rows; ++k)
            s(k, i) = data.classEmbeddings.at(
                data.labels[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])], k);
    const Mat a = mul(s, transpose(s));
    const Mat b = mul(x, transpose(x));
    const Mat c = mul(s, transpose(x));
    const int na = a.rows, nd = b.rows;
    Mat system(na * nd, na * nd);
    Mat rhs(na * nd, 1);
    // vec column-major: W(i, j) is unknown j * na + i.
    for (int j = 0; j < nd; ++j)
        for (int i = 0; i < na; ++i) {
            const int row = j * na + i;
            rhs(row, 0) = (1.0 + lambda) * c(i, j);
            for (int k = 0; k < na; ++k)
                system(row, j * na + k) += a(i, k);
            for (int k = 0; k < nd; ++k)
                system(row, k * na + i) += lambda * b(k, j);
        }
    const Mat solved = solve(system, rhs);
    Mat w(na, nd);
    for (int j = 0; j < nd; ++j)
        for (int i = 0; i < na; ++i)
            w(i, j) = solved(j * na + i, 0);
    return w;
}

double largestRelativeDifference(const Mat& expected, const semrel::NamedTensor& found)
{
    double scale = 0.0, worst = 0.0;
    for (double e : expected.v)
        scale = std::max(scale, std::abs(e));
    for (std::size_t i = 0; i < expected.v.size(); ++i)
        worst = std::max(worst, std::abs(expected.v[i] - found.values[i]) / scale);
    return worst;
}

// ZSL accuracy with a score function, written out: argmax over the unseen classes, mean per class.
template <typename Score> double zslByHand(const Dataset& data, Score score)
{
    const std::vector<std::int32_t> unseen = data.unseenClasses();
    std::vector<std::int32_t> truth, predicted;
    for (std::int64_t i : data.split(Split::TestUnseen)) {
        std::int32_t best = unseen.front();
        double bestScore = -1e300;
        for (std::int32_t c : unseen) {
            const double v = score(data.features.row(i), c);
            if (v > bestScore) {
                bestScore = v;
                best = c;
            }
        }
        truth.push_back(data.labels[static_cast<std::size_t>(i)]);
        predicted.push_back(best);
    }
    return semrel::meanPerClassAccuracy(truth, predicted, unseen);
}

TrainingConfig closedForm(Method method)
{
    TrainingConfig c;
    c.method = method;
    c.threads = 1;
    c.eszslGamma = 0.1;
    c.eszslLambda = 10.0;
    c.saeLambda = 0.4;
    return c;
}

semrel::TrainingResult train(const TrainingConfig& config, const Dataset& data)
{
    const semrel::StopFlag stop;
    return semrel::Trainer(config).run(data, stop);
}

std::vector<double> unitRow(std::vector<double> v)
{
    double norm = 0.0;
    for (double x : v)
        norm += x * x;
    for (double& x : v)
        x /= std::sqrt(norm);
    return v;
}

double cosine(const std::vector<double>& a, const std::vector<double>& b)
{
    double ab = 0.0, aa = 0.0, bb = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ab += a[i] * b[i];
        aa += a[i] * a[i];
        bb += b[i] * b[i];
    }
    return ab / std::sqrt(aa * bb);
}

} // namespace

class TestClosedFormMethods : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eszslMatrixIsItsClosedForm();
    void eszslAccuracyIsTheBilinearArgmax();
    void saeMatrixSolvesTheSylvesterEquation();
    void saeAccuracyInBothDirections_data();
    void saeAccuracyInBothDirections();
    void eszslQueryScoresAreDotProducts();
    void tuningSearchesTheGridAndChoosesOnValidation();
    void tuningReportsProgressAndStopsBetweenPoints();
    void rejectsResumeAndNonPositiveParameters();
};

void TestClosedFormMethods::eszslMatrixIsItsClosedForm()
{
    const Dataset data = problem();
    const semrel::TrainingResult result = train(closedForm(Method::Eszsl), data);
    QCOMPARE(result.state.parameters.size(), std::size_t{1});
    const semrel::NamedTensor& v = result.state.parameters.front();
    QCOMPARE(v.name, std::string("eszsl.V"));
    QCOMPARE(v.shape, (std::vector<std::int64_t>{10, 5}));
    const double difference = largestRelativeDifference(eszslByHand(data, 0.1, 10.0), v);
    QVERIFY2(difference < 1e-4, qPrintable(QString::number(difference)));
    // Another γ gives another V: the test would notice a solver that ignored it.
    QVERIFY(largestRelativeDifference(eszslByHand(data, 10.0, 10.0), v) > 1e-2);
}

void TestClosedFormMethods::eszslAccuracyIsTheBilinearArgmax()
{
    const Dataset data = problem();
    const semrel::TrainingResult result = train(closedForm(Method::Eszsl), data);
    const Mat v = eszslByHand(data, 0.1, 10.0);
    const double expected = zslByHand(data, [&](const float* x, std::int32_t c) {
        double sum = 0.0;
        for (int i = 0; i < v.rows; ++i)
            for (int k = 0; k < v.cols; ++k)
                sum += x[i] * v(i, k) * data.classEmbeddings.at(c, k);
        return sum;
    });
    const semrel::EpochReport& report = result.state.history.back();
    QVERIFY(std::abs(report.zslAccuracy - expected) < 1e-4);
    const semrel::EvaluationResult e = semrel::evaluate(semrel::RelationModel(result.state), data);
    QVERIFY(std::abs(e.zslAccuracy - expected) < 1e-4);
    QVERIFY(expected > 1.0 / 3.0 + 0.1); // the generated problem is learnable: above chance
    QVERIFY(!std::isnan(report.ausuc));
}

void TestClosedFormMethods::saeMatrixSolvesTheSylvesterEquation()
{
    const Dataset data = problem();
    const semrel::TrainingResult result = train(closedForm(Method::Sae), data);
    const semrel::NamedTensor& w = result.state.parameters.front();
    QCOMPARE(w.name, std::string("sae.W"));
    QCOMPARE(w.shape, (std::vector<std::int64_t>{5, 10}));
    const double difference = largestRelativeDifference(saeByHand(data, 0.4), w);
    QVERIFY2(difference < 1e-4, qPrintable(QString::number(difference)));
    QVERIFY(largestRelativeDifference(saeByHand(data, 4.0), w) > 1e-2);
}

void TestClosedFormMethods::saeAccuracyInBothDirections_data()
{
    QTest::addColumn<bool>("visualToSemantic");
    QTest::newRow("visual to semantic: W x against s_c") << true;
    QTest::newRow("semantic to visual: Wᵀ s_c against x") << false;
}

void TestClosedFormMethods::saeAccuracyInBothDirections()
{
    QFETCH(bool, visualToSemantic);
    const Dataset data = problem();
    TrainingConfig config = closedForm(Method::Sae);
    config.saeDirection =
        visualToSemantic ? SaeDirection::VisualToSemantic : SaeDirection::SemanticToVisual;
    const semrel::TrainingResult result = train(config, data);
    const Mat w = saeByHand(data, 0.4);
    std::vector<std::vector<double>> unitW; // rows of W, unit length
    for (int k = 0; k < w.rows; ++k)
        unitW.push_back(unitRow({w.v.begin() + k * w.cols, w.v.begin() + (k + 1) * w.cols}));
    const auto embedding = [&](std::int32_t c) {
        std::vector<double> s;
        for (int k = 0; k < w.rows; ++k)
            s.push_back(data.classEmbeddings.at(c, k));
        return s;
    };
    const double expected = zslByHand(data, [&](const float* x, std::int32_t c) {
        const std::vector<double> feature(x, x + w.cols);
        if (visualToSemantic) {
            std::vector<double> projected(static_cast<std::size_t>(w.rows), 0.0);
            for (int k = 0; k < w.rows; ++k)
                for (int j = 0; j < w.cols; ++j)
                    projected[static_cast<std::size_t>(k)] += unitW[k][j] * feature[j];
            return cosine(projected, embedding(c));
        }
        const std::vector<double> s = unitRow(embedding(c));
        std::vector<double> prototype(static_cast<std::size_t>(w.cols), 0.0);
        for (int k = 0; k < w.rows; ++k)
            for (int j = 0; j < w.cols; ++j)
                prototype[static_cast<std::size_t>(j)] += s[k] * unitW[k][j];
        return cosine(feature, prototype);
    });
    const semrel::RelationModel model(result.state);
    QCOMPARE(model.scoringSpace().space, visualToSemantic ? semrel::ComparisonSpace::Semantic
                                                          : semrel::ComparisonSpace::Visual);
    QCOMPARE(model.mappedClasses().cols, visualToSemantic ? 5 : 10);
    const semrel::EvaluationResult e = semrel::evaluate(model, data);
    QVERIFY2(std::abs(e.zslAccuracy - expected) < 1e-4,
             qPrintable(QString("%1 vs %2").arg(e.zslAccuracy).arg(expected)));
    QVERIFY(std::abs(result.state.history.back().zslAccuracy - expected) < 1e-4);
}

void TestClosedFormMethods::eszslQueryScoresAreDotProducts()
{
    const Dataset data = problem();
    const semrel::RelationModel model(train(closedForm(Method::Eszsl), data).state);
    QCOMPARE(model.scoringSpace().scoring, semrel::Scoring::Dot);
    const Mat v = eszslByHand(data, 0.1, 10.0);
    const std::int64_t sample = data.split(Split::TestUnseen).front();
    const float* x = data.features.row(sample);
    const auto similarities =
        semrel::inspectFeature(model, std::vector<float>(x, x + data.featureDim()));
    QCOMPARE(similarities.size(), std::size_t{12});
    for (const semrel::ClassSimilarity& s : similarities) {
        double dot = 0.0;
        for (int i = 0; i < v.rows; ++i)
            for (int k = 0; k < v.cols; ++k)
                dot += x[i] * v(i, k) * data.classEmbeddings.at(s.classIndex, k);
        QVERIFY2(std::abs(s.similarity - dot) < 1e-3 * std::max(1.0, std::abs(dot)),
                 qPrintable(QString("%1 vs %2").arg(s.similarity).arg(dot)));
    }
}

void TestClosedFormMethods::tuningSearchesTheGridAndChoosesOnValidation()
{
    const Dataset data = problem();
    const semrel::TuningGrid grid;
    const semrel::StopFlag stop;
    int finished = 0;
    semrel::TuningCallbacks callbacks;
    callbacks.onPointFinished = [&](const semrel::TuningPointResult&) {
        ++finished;
    };
    const semrel::TuningResult tuning =
        semrel::tune(closedForm(Method::Eszsl), grid, data, stop, callbacks);
    QCOMPARE(tuning.points.size(), std::size_t{49}); // 7 γ x 7 λ
    QCOMPARE(finished, 49);
    QVERIFY(tuning.retrained);
    const semrel::TuningPointResult& chosen = tuning.points[std::size_t(tuning.chosen)];
    for (const semrel::TuningPointResult& p : tuning.points)
        QVERIFY(p.validationAccuracy <= chosen.validationAccuracy);
    const TrainingConfig& final = tuning.final.state.config;
    QCOMPARE(final.trainSplit, Split::Trainval);
    QCOMPARE(final.eszslGamma, chosen.point.eszslGamma);
    QCOMPARE(final.eszslLambda, chosen.point.eszslLambda);
    // The γ of calibrated stacking comes from validation (val + the seen holdout), with the model.
    QVERIFY(chosen.calibration.chosen());
    QCOMPARE(tuning.final.state.calibration.gamma, chosen.calibration.gamma);
    // The final model is what a training at the chosen values gives.
    const semrel::TrainingResult alone =
        train(chosen.point.applyTo(closedForm(Method::Eszsl)), data);
    QCOMPARE(alone.state.parameters.front().values, tuning.final.state.parameters.front().values);

    const auto sae = semrel::tuningPoints(closedForm(Method::Sae), grid);
    QCOMPARE(sae.size(), std::size_t{21});
    QCOMPARE(sae.front().saeLambda, 0.005);
    QCOMPARE(sae.back().saeLambda, 0.005 * 1048576.0);
}

// The closed forms' tuning runs the same grid loop as the network methods: progress rises to 1,
// and a stop between points returns the points that finished, without a final model.
void TestClosedFormMethods::tuningReportsProgressAndStopsBetweenPoints()
{
    const Dataset data = problem();
    const semrel::TuningGrid grid;
    semrel::StopFlag stop;
    std::vector<double> fractions;
    semrel::TuningCallbacks callbacks;
    callbacks.onProgress = [&](double fraction, const std::string&) {
        fractions.push_back(fraction);
    };
    const semrel::TuningResult whole =
        semrel::tune(closedForm(Method::Sae), grid, data, stop, callbacks);
    QVERIFY(whole.retrained && !whole.stopped);
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    QCOMPARE(fractions.back(), 1.0);

    callbacks.onPointFinished = [&](const semrel::TuningPointResult& r) {
        if (r.index == 2)
            stop.request();
    };
    const semrel::TuningResult stopped =
        semrel::tune(closedForm(Method::Sae), grid, data, stop, callbacks);
    QVERIFY(stopped.stopped);
    QVERIFY(!stopped.retrained);
    QCOMPARE(stopped.points.size(), std::size_t{3});
    QCOMPARE(stopped.chosen, semrel::bestPoint(stopped.points));
}

void TestClosedFormMethods::rejectsResumeAndNonPositiveParameters()
{
    const Dataset data = problem();
    const semrel::TrainingResult result = train(closedForm(Method::Sae), data);
    const semrel::StopFlag stop;
    QVERIFY_THROWS_EXCEPTION(
        semrel::TrainingError,
        semrel::Trainer(closedForm(Method::Sae)).resume(data, result.state, stop));
    TrainingConfig bad = closedForm(Method::Eszsl);
    bad.eszslGamma = 0.0;
    QVERIFY_THROWS_EXCEPTION(semrel::Error, semrel::Trainer{bad});
    bad = closedForm(Method::Sae);
    bad.saeLambda = -1.0;
    QVERIFY_THROWS_EXCEPTION(semrel::Error, semrel::Trainer{bad});
}

QTEST_GUILESS_MAIN(TestClosedFormMethods)
#include "tst_closed_form_methods.moc"
