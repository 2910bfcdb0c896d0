// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The method verbs of `semrel`, end to end on a small generated dataset. The verbs run in this
// process (starting the program costs seconds of library loading per run); one test runs the
// built program to check what main adds: the exit status and the message on stderr.
#include "cli_runner.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/errors.h>
#include <semrel/model_file/model_file.h>
#include <semrel/training/tuning.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <string>
#include <unistd.h>
#include <vector>

class TestCliMethod : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainsAModelFile();
    void evalPrintsAccuraciesAsJson();
    void relateListsEveryClassSorted();
    void infoDescribesAModel();
    void relateAndInfoWriteTheirTablesAsCsv();
    void resumedTrainingEqualsAnUninterruptedRun();
    void tuneReportsTheGridAndItsChoice();
    void tuneGivesWhatTheTuningServiceGives();
    void failsWithMessageNamingTheFile();
    void synthNamesClassesFromAFile();

private:
    using Run = semrel::test::CliRun;
    Run verb(const QStringList& arguments);
    Run program(const QStringList& arguments);
    QJsonObject jsonOf(const QStringList& arguments);

    QTemporaryDir m_dir;
    QString m_data;
    QString m_model;
};

namespace {

// Small enough that a training epoch takes well under a second.
const QStringList kSmallNetwork = {"--encoder-hidden", "16", "--decoder-hidden", "16",
                                   "--batch",          "16", "--candidates",     "5",
                                   "--threads",        "1"};

bool isFraction(const QJsonValue& v)
{
    return v.isDouble() && v.toDouble() >= 0.0 && v.toDouble() <= 1.0;
}

} // namespace

// Runs a verb as main does, with stdout and stderr captured through temporary files.
TestCliMethod::Run TestCliMethod::verb(const QStringList& arguments)
{
    return semrel::test::runVerb(arguments);
}

TestCliMethod::Run TestCliMethod::program(const QStringList& arguments)
{
    QProcess process;
    process.start(SEMREL_CLI_PATH, arguments);
    Run run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        return run;
    }
    run.status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QJsonObject TestCliMethod::jsonOf(const QStringList& arguments)
{
    return semrel::test::jsonOfVerb(arguments);
}

void TestCliMethod::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_data = m_dir.filePath("synth.h5");
    m_model = m_dir.filePath("model.h5");
    const Run synth = verb({"synth", "--classes", "8", "--unseen", "2", "--val", "2", "--samples",
                            "12", "--features", "16", "--attributes", "6", "-o", m_data});
    QVERIFY2(synth.status == 0, synth.err.constData());
}

void TestCliMethod::trainsAModelFile()
{
    const Run run =
        verb(QStringList{"train", m_data, "--epochs", "2", "--seed", "3", "-o", m_model} +
             kSmallNetwork);
    QVERIFY2(run.status == 0, run.err.constData());
    // A line per epoch on stderr with the loss and the accuracies measured after it.
    QVERIFY2(run.err.contains("epoch 1/2  loss"), run.err.constData());
    QVERIFY2(run.err.contains("epoch 2/2  loss"), run.err.constData());
    QVERIFY2(run.err.contains(" zsl "), run.err.constData());
    QVERIFY(QFile::exists(m_model));
    QVERIFY(run.out.isEmpty()); // results go to stdout only when asked for
}

void TestCliMethod::evalPrintsAccuraciesAsJson()
{
    const QJsonObject r = jsonOf({"eval", m_model, m_data, "--json"});
    QVERIFY(!r.isEmpty());
    QVERIFY(isFraction(r["zsl"]["accuracy"]));
    QVERIFY(isFraction(r["gzsl"]["unseen"]));
    QVERIFY(isFraction(r["gzsl"]["seen"]));
    const double ts = r["gzsl"]["unseen"].toDouble();
    const double tr = r["gzsl"]["seen"].toDouble();
    const double h = ts + tr > 0 ? 2 * ts * tr / (ts + tr) : 0.0;
    QVERIFY(std::abs(r["gzsl"]["h"].toDouble() - h) < 1e-9);
    const QJsonArray perClass = r["zsl"]["per_class"].toArray();
    QCOMPARE(perClass.size(), 2);
    double mean = 0.0;
    for (const QJsonValue& c : perClass) {
        QVERIFY(isFraction(c["accuracy"]));
        QVERIFY(c["samples"].toInt() > 0);
        mean += c["accuracy"].toDouble() / perClass.size();
    }
    QVERIFY(std::abs(r["zsl"]["accuracy"].toDouble() - mean) < 1e-9);
    QCOMPARE(r["zsl_confusion"]["counts"].toArray().size(), 2);
    QCOMPARE(r["same_splits"].toBool(), true);
    QCOMPARE(r["unseen_classes"].toArray().size(), 2);
}

void TestCliMethod::relateListsEveryClassSorted()
{
    const QJsonObject r = jsonOf({"relate", m_model, m_data, "--sample", "5", "--json"});
    const QJsonArray classes = r["classes"].toArray();
    QCOMPARE(classes.size(), 8);
    int marked = 0;
    double previous = 2.0;
    for (const QJsonValue& c : classes) {
        const double s = c["similarity"].toDouble();
        QVERIFY(s <= previous + 1e-12 && s >= -1.0 - 1e-6 && s <= 1.0 + 1e-6);
        previous = s;
        QCOMPARE(c["relation"].toString(), s >= r["tau"].toDouble() ? "similar" : "dissimilar");
        if (c["true_class"].toBool()) {
            ++marked;
            QCOMPARE(c["class"].toString(), r["true_class"].toString());
        }
    }
    QCOMPARE(marked, 1);
    QCOMPARE(r["sample"].toInt(), 5);
}

void TestCliMethod::infoDescribesAModel()
{
    const QJsonObject r = jsonOf({"info", m_model, "--json"});
    QCOMPARE(r["format"].toString(), "semrel-model");
    QCOMPARE(r["history"].toArray().size(), 2);
    QCOMPARE(r["config"]["seed"].toInt(), 3);
    QCOMPARE(r["config"]["encoder_hidden"].toArray(), QJsonArray{16});
    QCOMPARE(r["feature_dim"].toInt(), 16);
}

void TestCliMethod::relateAndInfoWriteTheirTablesAsCsv()
{
    const QString similarities = m_dir.filePath("relate.csv");
    const QJsonObject related =
        jsonOf({"relate", m_model, m_data, "--sample", "5", "--json", "--csv", similarities});
    QFile relateFile(similarities);
    QVERIFY(relateFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = relateFile.readAll().trimmed().split('\n');
    const QJsonArray classes = related["classes"].toArray();
    QCOMPARE(rows.size(), 1 + classes.size());
    QCOMPARE(rows[0], QByteArray("rank,class_index,class,cosine,relation,tau,seen,true_class"));
    for (qsizetype i = 0; i < classes.size(); ++i) {
        const QList<QByteArray> cells = rows[i + 1].split(',');
        QCOMPARE(cells[1].toInt(), classes[i]["index"].toInt());
        QVERIFY(std::abs(cells[3].toDouble() - classes[i]["similarity"].toDouble()) < 1e-6);
        QCOMPARE(cells[5].toDouble(), related["tau"].toDouble());
        QCOMPARE(cells[7] == "1", classes[i]["true_class"].toBool());
    }

    const QString history = m_dir.filePath("history.csv");
    const QJsonObject info = jsonOf({"info", m_model, "--json", "--history-csv", history});
    QFile historyFile(history);
    QVERIFY(historyFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = historyFile.readAll().trimmed().split('\n');
    const QJsonArray epochs = info["history"].toArray();
    QCOMPARE(lines.size(), 1 + epochs.size());
    QVERIFY(lines[0].startsWith("run,label,epoch,loss"));
    for (qsizetype e = 0; e < epochs.size(); ++e) {
        const QList<QByteArray> cells = lines[e + 1].split(',');
        QCOMPARE(cells[0], QByteArray("1"));
        QCOMPARE(cells[2].toInt(), epochs[e]["epoch"].toInt());
        QVERIFY(std::abs(cells[8].toDouble() - epochs[e]["zsl_accuracy"].toDouble()) < 1e-6);
    }
    // A dataset has no history to write.
    const Run dataset = verb({"info", m_data, "--history-csv", m_dir.filePath("none.csv")});
    QCOMPARE(dataset.status, 1);
    QVERIFY2(dataset.err.contains("--history-csv"), dataset.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath("none.csv")));
}

void TestCliMethod::resumedTrainingEqualsAnUninterruptedRun()
{
    // One epoch with a checkpoint, then resumed to two: the same model as trainsAModelFile's.
    const QString checkpoint = m_dir.filePath("ck.h5");
    const QString resumed = m_dir.filePath("resumed.h5");
    const Run first = verb(QStringList{"train", m_data, "--epochs", "1", "--seed", "3",
                                       "--checkpoint", checkpoint, "-o", m_dir.filePath("one.h5")} +
                           kSmallNetwork);
    QVERIFY2(first.status == 0, first.err.constData());
    const Run second =
        verb({"train", m_data, "--resume", checkpoint, "--epochs", "2", "-o", resumed});
    QVERIFY2(second.status == 0, second.err.constData());
    QVERIFY2(second.err.contains("resuming"), second.err.constData());
    QVERIFY2(!second.err.contains("epoch 1/2"), second.err.constData());
    const QJsonArray whole = jsonOf({"info", m_model, "--json"})["history"].toArray();
    const QJsonArray parts = jsonOf({"info", resumed, "--json"})["history"].toArray();
    QCOMPARE(parts.size(), 2);
    QCOMPARE(parts[1]["loss"].toDouble(), whole[1]["loss"].toDouble());
    QCOMPARE(parts[1]["zsl_accuracy"], whole[1]["zsl_accuracy"]);
    // What defines the run cannot change when resuming.
    const Run changed =
        verb({"train", m_data, "--resume", checkpoint, "--tau", "0.5", "-o", resumed});
    QVERIFY(changed.status != 0);
}

void TestCliMethod::tuneReportsTheGridAndItsChoice()
{
    const QString tuned = m_dir.filePath("tuned.h5");
    const QJsonObject r =
        jsonOf(QStringList{"tune", m_data, "--taus", "0,0.5", "--lambda1s", "1", "--lambda2s", "1",
                           "--epochs", "1", "--json", "-o", tuned} +
               kSmallNetwork);
    const QJsonArray grid = r["grid"].toArray();
    QCOMPARE(grid.size(), 2);
    double best = -1.0;
    for (const QJsonValue& p : grid) {
        QVERIFY(isFraction(p["validation_accuracy"]));
        best = std::max(best, p["validation_accuracy"].toDouble());
    }
    QCOMPARE(r["chosen"]["validation_accuracy"].toDouble(), best);
    QCOMPARE(r["final"]["config"]["train_split"].toString(), "trainval");
    QCOMPARE(r["final"]["config"]["tau"].toDouble(), r["chosen"]["tau"].toDouble());
    QVERIFY(QFile::exists(tuned));
}

void TestCliMethod::tuneGivesWhatTheTuningServiceGives()
{
    const QString tuned = m_dir.filePath("tuned-service.h5");
    const QJsonObject r =
        jsonOf(QStringList{"tune", m_data, "--taus", "0,0.5", "--lambda1s", "0.5,1", "--lambda2s",
                           "1", "--epochs", "1", "--json", "-o", tuned} +
               kSmallNetwork);
    // The same run through the core: kSmallNetwork's values on TrainingConfig's defaults.
    semrel::TrainingConfig base;
    base.network.encoderHidden = {16};
    base.network.decoderHidden = {16};
    base.batchSize = 16;
    base.candidates = 5;
    base.threads = 1;
    base.epochs = 1;
    semrel::TuningGrid grid;
    grid.taus = {0.0, 0.5};
    grid.lambda1s = {0.5, 1.0};
    grid.lambda2s = {1.0};
    const semrel::StopFlag stop;
    const semrel::TuningResult service =
        semrel::tune(base, grid, semrel::readDatasetFile(m_data.toStdString()), stop);

    const QJsonArray cliGrid = r["grid"].toArray();
    QCOMPARE(cliGrid.size(), static_cast<qsizetype>(service.points.size()));
    for (qsizetype i = 0; i < cliGrid.size(); ++i) {
        const semrel::TuningPointResult& p = service.points[static_cast<std::size_t>(i)];
        QCOMPARE(cliGrid[i]["tau"].toDouble(), p.point.tau);
        QCOMPARE(cliGrid[i]["lambda1"].toDouble(), p.point.lambda1);
        QCOMPARE(cliGrid[i]["lambda2"].toDouble(), p.point.lambda2);
        QCOMPARE(cliGrid[i]["validation_accuracy"].toDouble(), p.validationAccuracy);
    }
    const semrel::TuningPointResult& chosen =
        service.points[static_cast<std::size_t>(service.chosen)];
    QCOMPARE(r["chosen"]["tau"].toDouble(), chosen.point.tau);
    QCOMPARE(r["chosen"]["lambda1"].toDouble(), chosen.point.lambda1);
    const semrel::ModelState written = semrel::readModelFile(tuned.toStdString());
    QCOMPARE(written.parameters.size(), service.final.state.parameters.size());
    for (std::size_t i = 0; i < written.parameters.size(); ++i)
        QVERIFY(written.parameters[i].values == service.final.state.parameters[i].values);
}

void TestCliMethod::failsWithMessageNamingTheFile()
{
    const QString missing = m_dir.filePath("missing.h5");
    const Run run = program({"eval", missing, m_data});
    QCOMPARE(run.status, 1);
    QVERIFY2(run.err.startsWith("semrel: " + missing.toUtf8()), run.err.constData());
    // A dataset is not a model.
    const Run wrong = program({"eval", m_data, m_data});
    QCOMPARE(wrong.status, 1);
    QVERIFY2(wrong.err.contains("is not a SemRel model file"), wrong.err.constData());
}

void TestCliMethod::synthNamesClassesFromAFile()
{
    const QString names = m_dir.filePath("names.txt");
    QFile file(names);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("abbey\nbar\ncanyon\ndune\nestuary\n");
    file.close();
    const QString data = m_dir.filePath("named.h5");
    // --classes follows the file; the last --unseen classes are the unseen ones.
    const Run run = verb({"synth", "--class-names", names, "--unseen", "2", "--val", "1",
                          "--samples", "4", "--test-seen", "0.5", "-o", data});
    QVERIFY2(run.status == 0, run.err.constData());
    const semrel::Dataset written = semrel::readDatasetFile(data.toStdString());
    QCOMPARE(written.classNames,
             (std::vector<std::string>{"abbey", "bar", "canyon", "dune", "estuary"}));
    QCOMPARE(written.unseenClasses(), (std::vector<std::int32_t>{3, 4}));
    QCOMPARE(written.split(semrel::Split::TestSeen).size(), std::size_t(3 * 2));
    // A count that disagrees with the file is an error, not a silent choice.
    const Run wrong = verb({"synth", "--class-names", names, "--classes", "6", "-o", data});
    QCOMPARE(wrong.status, 1);
    QVERIFY2(wrong.err.contains("5 class names for 6 classes"), wrong.err.constData());
}

QTEST_GUILESS_MAIN(TestCliMethod)
#include "tst_cli_method.moc"
