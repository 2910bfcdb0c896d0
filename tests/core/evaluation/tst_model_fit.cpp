// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// modelMisfit() / requireModelFits(): the one rule of whether a model fits a dataset, each of
// its reasons, and the name of the dataset in the message.
#include "test_support.h"

#include <semrel/evaluation/model_fit.h>

#include <QTest>

#include <functional>

using semrel::FloatMatrix;
using Mutation = std::function<void(semrel::Dataset&)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

// The classes of identityModelState() (ant, bee seen; cow, doe unseen), d = 3, a = 3.
semrel::Dataset fittingDataset()
{
    semrel::Dataset d;
    d.name = "hand";
    d.classNames = {"ant", "bee", "cow", "doe"};
    d.classEmbeddings = FloatMatrix(4, 3);
    d.classEmbeddings.values = {1, 0, 0, 0.8f, 0.6f, 0, 0, 1, 0, 0, 0, 1};
    d.features = FloatMatrix(4, 3);
    d.features.values = {1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1};
    d.labels = {0, 1, 2, 3};
    d.split(semrel::Split::Trainval) = {0, 1};
    d.split(semrel::Split::Train) = {0, 1};
    d.split(semrel::Split::TestUnseen) = {2, 3};
    return d;
}

} // namespace

class TestModelFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fitsTheDatasetItWasTrainedOn();
    void namesTheFieldThatDoesNotFit_data();
    void namesTheFieldThatDoesNotFit();
    void namesTheDatasetByItsNameWithoutAnOrigin();
    void requireThrowsTheSameReason();
};

void TestModelFit::fitsTheDatasetItWasTrainedOn()
{
    const semrel::ModelState model = semrel::test::identityModelState();
    QVERIFY(!semrel::modelMisfit(model, fittingDataset(), "hand.h5").has_value());
    semrel::requireModelFits(model, fittingDataset(), "hand.h5"); // does not throw
    // Seen classes may be tested as seen, and unseen classes need not all be tested.
    semrel::Dataset fewer = fittingDataset();
    fewer.split(semrel::Split::TestUnseen) = {3};
    fewer.split(semrel::Split::TestSeen) = {0};
    QVERIFY(!semrel::modelMisfit(model, fewer).has_value());
}

void TestModelFit::namesTheFieldThatDoesNotFit_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("reason");
    QTest::newRow("feature dimension")
        << Mutation([](semrel::Dataset& d) { d.features = FloatMatrix(4, 5); })
        << "hand.h5: '/features' has 5 columns, the model expects 3";
    QTest::newRow("embedding dimension")
        << Mutation([](semrel::Dataset& d) { d.classEmbeddings = FloatMatrix(4, 2); })
        << "hand.h5: '/classes/embeddings' has 2 columns, the model expects 3";
    QTest::newRow("class count") << Mutation([](semrel::Dataset& d) {
        d.classNames.push_back("elk");
        d.classEmbeddings.rows = 5;
        d.classEmbeddings.values.resize(15, 1.0f);
    }) << "hand.h5: '/classes/names' has 5 classes, the model knows 4";
    QTest::newRow("class name") << Mutation([](semrel::Dataset& d) { d.classNames[2] = "cat"; })
                                << "hand.h5: '/classes/names' has class 'cat' at position 2, "
                                   "the model has 'cow'";
    QTest::newRow("class order") << Mutation([](semrel::Dataset& d) {
        std::swap(d.classNames[0], d.classNames[1]);
    }) << "hand.h5: '/classes/names' has class 'bee' at position 0, the model has 'ant'";
    QTest::newRow("trained class tested as unseen")
        << Mutation([](semrel::Dataset& d) { d.split(semrel::Split::TestUnseen).push_back(1); })
        << "hand.h5: '/splits/test_unseen' has class 'bee', which the model was trained on";
}

void TestModelFit::namesTheFieldThatDoesNotFit()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, reason);
    semrel::Dataset data = fittingDataset();
    mutate(data);
    const std::optional<std::string> misfit =
        semrel::modelMisfit(semrel::test::identityModelState(), data, "hand.h5");
    QVERIFY(misfit.has_value());
    QCOMPARE(QString::fromStdString(*misfit), reason);
}

void TestModelFit::namesTheDatasetByItsNameWithoutAnOrigin()
{
    semrel::Dataset data = fittingDataset();
    data.features = FloatMatrix(4, 2);
    const std::optional<std::string> misfit =
        semrel::modelMisfit(semrel::test::identityModelState(), data);
    QVERIFY(misfit.has_value());
    QCOMPARE(QString::fromStdString(*misfit),
             QStringLiteral("dataset 'hand': '/features' has 2 columns, the model expects 3"));
}

void TestModelFit::requireThrowsTheSameReason()
{
    const semrel::ModelState model = semrel::test::identityModelState();
    semrel::Dataset data = fittingDataset();
    data.classNames[3] = "dog";
    const std::string message =
        semrel::test::dataErrorOf([&] { semrel::requireModelFits(model, data, "x.h5"); });
    QCOMPARE(message, *semrel::modelMisfit(model, data, "x.h5"));
    QVERIFY2(message.find("'dog' at position 3") != std::string::npos, message.c_str());
}

QTEST_GUILESS_MAIN(TestModelFit)
#include "tst_model_fit.moc"
