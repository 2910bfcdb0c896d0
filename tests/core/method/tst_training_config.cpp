// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/method/training_config.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>

using semrel::Method;
using semrel::TrainingConfig;
using ConfigMutation = std::function<void(TrainingConfig&)>;
using Widths = std::vector<int>;

Q_DECLARE_METATYPE(ConfigMutation)
Q_DECLARE_METATYPE(Widths)

class TestTrainingConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void methodNamesRoundTrip();
    void rejectsUnknownMethodName();
    void presetsFollowTable1_data();
    void presetsFollowTable1();
    void unknownPresetIsEmpty();
    void baselinesOverrideTheirHyperParameters();
    void acceptsDefaults();
    void rejectsOutOfRangeValues_data();
    void rejectsOutOfRangeValues();
    void tauRuleIsTheConfigsRule();
};

void TestTrainingConfig::methodNamesRoundTrip()
{
    for (Method m : {Method::Proposed, Method::B1, Method::B2, Method::B3})
        QCOMPARE(semrel::methodFromName(semrel::methodName(m)), m);
    QCOMPARE(semrel::methodFromName("B2"), Method::B2);
}

void TestTrainingConfig::rejectsUnknownMethodName()
{
    QVERIFY_THROWS_EXCEPTION(semrel::Error, semrel::methodFromName("b4"));
}

void TestTrainingConfig::presetsFollowTable1_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Widths>("encoder");
    QTest::addColumn<Widths>("decoder");
    QTest::newRow("sun") << "sun" << Widths{1024} << Widths{1024};
    QTest::newRow("cub") << "CUB" << Widths{1024} << Widths{1024};
    QTest::newRow("awa2") << "awa2" << Widths{512, 1024} << Widths{1024, 512};
    QTest::newRow("awa1") << "AwA1" << Widths{512, 1024} << Widths{1024, 512};
    QTest::newRow("apy") << "apy" << Widths{512, 1024} << Widths{1024, 512};
}

void TestTrainingConfig::presetsFollowTable1()
{
    QFETCH(QString, name);
    QFETCH(Widths, encoder);
    QFETCH(Widths, decoder);
    const auto preset = semrel::networkPreset(name.toStdString());
    QVERIFY(preset.has_value());
    QCOMPARE(preset->encoderHidden, encoder);
    QCOMPARE(preset->decoderHidden, decoder);
    const auto names = semrel::networkPresetNames();
    QVERIFY(std::find(names.begin(), names.end(), name.toLower().toStdString()) != names.end());
}

void TestTrainingConfig::unknownPresetIsEmpty()
{
    QVERIFY(!semrel::networkPreset("imagenet").has_value());
}

void TestTrainingConfig::baselinesOverrideTheirHyperParameters()
{
    TrainingConfig c;
    c.tau = 0.25;
    c.lambda1 = 0.5;
    c.lambda2 = 2.0;
    QCOMPARE(semrel::effectiveTau(c), 0.25);
    QCOMPARE(semrel::effectiveLambda1(c), 0.5);
    QCOMPARE(semrel::effectiveLambda2(c), 2.0);
    c.method = Method::B2;
    QCOMPARE(semrel::effectiveTau(c), 1.0);
    QCOMPARE(semrel::effectiveLambda1(c), 0.0);
    QCOMPARE(semrel::effectiveLambda2(c), 2.0);
    c.method = Method::B3;
    QCOMPARE(semrel::effectiveTau(c), 0.25);
    QCOMPARE(semrel::effectiveLambda1(c), 0.5);
    QCOMPARE(semrel::effectiveLambda2(c), 0.0);
    c.method = Method::B1; // its MSE replaces O1 and O2, so λ1 weighs nothing
    QCOMPARE(semrel::effectiveLambda1(c), 0.0);
    QCOMPARE(semrel::effectiveLambda2(c), 2.0);
}

void TestTrainingConfig::acceptsDefaults()
{
    semrel::validateConfig(TrainingConfig{}); // must not throw
}

void TestTrainingConfig::rejectsOutOfRangeValues_data()
{
    QTest::addColumn<ConfigMutation>("mutate");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("tau -1") << ConfigMutation([](TrainingConfig& c) { c.tau = -1.0; }) << "tau";
    QTest::newRow("tau > 1") << ConfigMutation([](TrainingConfig& c) { c.tau = 1.5; }) << "tau";
    QTest::newRow("lambda1 < 0") << ConfigMutation([](TrainingConfig& c) { c.lambda1 = -0.1; })
                                 << "lambda1";
    QTest::newRow("lambda2 NaN") << ConfigMutation([](TrainingConfig& c) {
        c.lambda2 = std::nan("");
    }) << "lambda2";
    QTest::newRow("p = 0") << ConfigMutation([](TrainingConfig& c) { c.candidates = 0; })
                           << "candidates";
    QTest::newRow("batch 0") << ConfigMutation([](TrainingConfig& c) { c.batchSize = 0; })
                             << "batch size";
    QTest::newRow("epochs 0") << ConfigMutation([](TrainingConfig& c) { c.epochs = 0; })
                              << "epochs";
    QTest::newRow("lr 0") << ConfigMutation([](TrainingConfig& c) { c.learningRate = 0; })
                          << "learning rate";
    QTest::newRow("decay < 0") << ConfigMutation([](TrainingConfig& c) { c.weightDecay = -1; })
                               << "weight decay";
    QTest::newRow("hidden 0") << ConfigMutation([](TrainingConfig& c) {
        c.network.encoderHidden = {0};
    }) << "encoder";
    QTest::newRow("test split") << ConfigMutation([](TrainingConfig& c) {
        c.trainSplit = semrel::Split::TestSeen;
    }) << "train split";
    // The upper bounds: a typo must not ask for memory no machine has.
    QTest::newRow("p = 10^9") << ConfigMutation([](TrainingConfig& c) {
        c.candidates = 1000000000;
    }) << "candidates (p) must be in [1, 10000], found 1000000000";
    QTest::newRow("batch 2^17") << ConfigMutation([](TrainingConfig& c) { c.batchSize = 1 << 17; })
                                << "batch size must be in [1, 65536]";
    QTest::newRow("epochs 10^6") << ConfigMutation([](TrainingConfig& c) { c.epochs = 1000000; })
                                 << "epochs must be in [1, 100000]";
    QTest::newRow("width 10^5") << ConfigMutation([](TrainingConfig& c) {
        c.network.decoderHidden = {100000};
    }) << "a decoder hidden layer width must be in [1, 65536]";
    QTest::newRow("17 hidden layers")
        << ConfigMutation([](TrainingConfig& c) { c.network.encoderHidden.assign(17, 8); })
        << "the encoder's hidden layer count must be at most 16";
    QTest::newRow("negative threads")
        << ConfigMutation([](TrainingConfig& c) { c.threads = -1; }) << "threads must be >= 0";
    QTest::newRow("tau NaN") << ConfigMutation([](TrainingConfig& c) { c.tau = std::nan(""); })
                             << "tau must be in (-1, 1], found nan";
}

void TestTrainingConfig::rejectsOutOfRangeValues()
{
    QFETCH(ConfigMutation, mutate);
    QFETCH(QString, mentions);
    TrainingConfig c;
    mutate(c);
    try {
        semrel::validateConfig(c);
        QFAIL("expected semrel::Error");
    } catch (const semrel::Error& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(mentions), e.what());
    }
}

// relate --tau and the window use validateTau(); the configuration uses the same rule.
void TestTrainingConfig::tauRuleIsTheConfigsRule()
{
    for (double tau : {-1.0, -0.999, 0.0, 1.0, 1.0000001, 5.0, std::nan(""), HUGE_VAL}) {
        TrainingConfig c;
        c.tau = tau;
        bool configOk = true;
        bool tauOk = true;
        try {
            semrel::validateConfig(c);
        } catch (const semrel::Error&) {
            configOk = false;
        }
        try {
            semrel::validateTau(tau);
        } catch (const semrel::Error&) {
            tauOk = false;
        }
        QCOMPARE(tauOk, configOk);
        QCOMPARE(tauOk, tau > -1.0 && tau <= 1.0);
    }
}

QTEST_GUILESS_MAIN(TestTrainingConfig)
#include "tst_training_config.moc"
