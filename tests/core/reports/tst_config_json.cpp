// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The training settings as JSON: one writer for run records, the reproduction journal and
// `semrel`'s JSON, byte for byte what earlier versions wrote, and their files still read.
#include <semrel/reports/config_json.h>
#include <semrel/runs/run_store.h>

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <string>

using semrel::ConfigJsonScope;
using semrel::TrainingConfig;

namespace {

// A run record as `semrel train --runs-dir` wrote it before the config JSON had one writer
// (per-class lists, history and curve shortened).
const char* const kEarlierRecord =
    R"({"calibration":{"gamma":null,"test_h":null,"test_tr":null,"test_ts":null,)"
    R"("validation_ausuc":null,"validation_h":null,"validation_tr":null,)"
    R"("validation_ts":null},)"
    R"("config":{"attribute_stats":"all","batch_size":16,"candidates":7,)"
    R"("decoder_hidden":[24,12],"encoder_hidden":[32],"epochs":2,"eszsl_gamma":0.01,)"
    R"("eszsl_lambda":3.0,"evaluate_each_epoch":true,"lambda1":0.7,"lambda2":0.25,)"
    R"("learning_rate":0.001,"method":"b1","sae_direction":"visual-to-semantic",)"
    R"("sae_lambda":0.5,"seed":42,"seen_holdout":0.15,"tau":0.3,"threads":1,)"
    R"("train_split":"trainval","tuning_splits":"trainval","weight_decay":5e-05},)"
    R"("created":"2026-12-03T17:15:24.391Z",)"
    R"("dataset":"synthetic",)"
    R"("epochs":2,)"
    R"("format":"semrel-run",)"
    R"("gzsl_per_class":[{"accuracy":0.0,"class":"class 0","samples":4}],)"
    R"("history":[{"ausuc":0.027,"epoch":1,"eval_seconds":0.000470161,)"
    R"("gzsl_h":0.06666666666666667,"gzsl_tr":0.2,"gzsl_ts":0.04,"loss":4.743074619581596,)"
    R"("o1":1.028065629979278,"o2":0.0,"o3":14.860035958409272,"seconds":0.001041582,)"
    R"("validation":null,"zsl":0.19}],)"
    R"("id":"20261203T171524391Z-75c71632",)"
    R"("kind":"training",)"
    R"("measures":{"ausuc":0.04866666666666667,"gzsl_h":0.08571428571428572,"gzsl_tr":0.3,)"
    R"("gzsl_ts":0.05,"validation":null,"zsl":0.2},)"
    R"("model":"m.semrel",)"
    R"("seconds":0.002358235,)"
    R"("seen_unseen_curve":[[-0.07898815462738276,0.0,0.41666666666666663],)"
    R"([-0.06694772094488144,0.0,0.39999999999999997]],)"
    R"("source":"semrel train",)"
    R"("splits_hash":"533109ac8bdc6cd4",)"
    R"("version":1,)"
    R"("zsl_per_class":[{"accuracy":0.7,"class":"class 15","samples":20}]})";

// The settings of that record, as a config.
TrainingConfig earlierSettings()
{
    TrainingConfig c;
    c.method = semrel::Method::B1;
    c.tau = 0.3;
    c.lambda1 = 0.7;
    c.lambda2 = 0.25;
    c.candidates = 7;
    c.batchSize = 16;
    c.epochs = 2;
    c.seed = 42;
    c.threads = 1;
    c.network.encoderHidden = {32};
    c.network.decoderHidden = {24, 12};
    c.attributeStats = semrel::AttributeStats::All;
    c.seenHoldout = 0.15;
    c.eszslGamma = 0.01;
    c.eszslLambda = 3.0;
    c.saeLambda = 0.5;
    c.saeDirection = semrel::SaeDirection::VisualToSemantic;
    return c;
}

// The record's "config" object as it stands in kEarlierRecord.
std::string earlierConfigText()
{
    const std::string record = kEarlierRecord;
    const std::size_t begin = record.find("\"config\":") + 9;
    return record.substr(begin, record.find('}', begin) + 1 - begin);
}

std::string without(std::string text, const std::string& part)
{
    const std::size_t at = text.find(part);
    if (at == std::string::npos)
        throw std::logic_error("no " + part + " in " + text);
    return text.erase(at, part.size());
}

} // namespace

class TestConfigJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheBytesEarlierVersionsWrote()
    {
        // Run records held every field; the journal had no threads, train split or per-epoch
        // evaluation (its runs always train on trainval), `semrel`'s JSON no threads and no
        // per-epoch evaluation.
        const TrainingConfig c = earlierSettings();
        const std::string run = earlierConfigText();
        const std::string command =
            without(without(run, R"("evaluate_each_epoch":true,)"), R"("threads":1,)");
        const std::string journal = without(command, R"("train_split":"trainval",)");
        QCOMPARE(semrel::configJsonText(c, ConfigJsonScope::Run), run);
        QCOMPARE(semrel::configJsonText(c, ConfigJsonScope::SettingsAndSplit), command);
        QCOMPARE(semrel::configJsonText(c, ConfigJsonScope::Settings), journal);
    }

    void writesWhatChanged()
    {
        TrainingConfig c = earlierSettings();
        c.trainSplit = semrel::Split::Train;
        c.tuningSplits = semrel::TuningSplits::Raw;
        c.evaluateEachEpoch = false;
        const std::string text = semrel::configJsonText(c, ConfigJsonScope::Run);
        QVERIFY(text.find(R"("train_split":"train",)") != std::string::npos);
        QVERIFY(text.find(R"("tuning_splits":"raw",)") != std::string::npos);
        QVERIFY(text.find(R"("evaluate_each_epoch":false,)") != std::string::npos);
    }

    // bf16_mining is written only when on: records of exact runs keep their earlier bytes.
    void writesBf16MiningWhenOn()
    {
        TrainingConfig c = earlierSettings();
        QCOMPARE(semrel::configJsonText(c, ConfigJsonScope::Settings).find("bf16_mining"),
                 std::string::npos);
        c.bf16Mining = true;
        QVERIFY(
            semrel::configJsonText(c, ConfigJsonScope::Settings).find(R"("bf16_mining":true)") !=
            std::string::npos);
    }

    void readsAnEarlierRecordAndRewritesItUnchanged()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("20261203T171524391Z-75c71632.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kEarlierRecord);
        file.close();

        const semrel::RunStore store(dir.path().toStdString());
        std::vector<std::string> warnings;
        const std::vector<semrel::RunRecord> records = store.load(&warnings);
        QVERIFY(warnings.empty());
        QCOMPARE(records.size(), std::size_t(1));
        const TrainingConfig& read = records[0].config;
        const TrainingConfig expected = earlierSettings();
        QCOMPARE(semrel::configJsonText(read, ConfigJsonScope::Run),
                 semrel::configJsonText(expected, ConfigJsonScope::Run));
        QCOMPARE(read.network.decoderHidden, (std::vector<int>{24, 12}));
        QCOMPARE(read.saeDirection, semrel::SaeDirection::VisualToSemantic);

        store.update(records[0]);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()),
                 QJsonDocument::fromJson(QByteArray(kEarlierRecord)));
    }

    void refusesAnUnknownTrainSplit()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::string record = kEarlierRecord;
        record.replace(record.find(R"("train_split":"trainval")"), 24, R"("train_split":"tes")");
        QFile file(dir.filePath("bad.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(record.c_str());
        file.close();
        std::vector<std::string> warnings;
        QVERIFY(semrel::RunStore(dir.path().toStdString()).load(&warnings).empty());
        QCOMPARE(warnings.size(), std::size_t(1));
        QVERIFY2(warnings[0].find("train_split") != std::string::npos, warnings[0].c_str());
    }
};

QTEST_GUILESS_MAIN(TestConfigJson)
#include "tst_config_json.moc"
