// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "query/query_view.h"
#include "query/similarity_chart.h"
#include "trained_fixture.h"

#include <semrel/extractor/feature_extractor.h>

#include <QFile>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace semrel;
using namespace semrel::ui;

class TestQueryView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = test::trainedFixture();
        m_view.resize(1200, 800);
        m_view.setModelAndDataset(m_fixture.model, m_fixture.data);
        m_view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_view));
    }

    void init()
    {
        for (int c = 0; c < m_fixture.data->classCount(); ++c)
            m_view.setClassHidden(c, false);
        m_view.setTau(0.0);
        m_view.setTopK(0);
        QVERIFY(m_view.showSample(m_fixture.data->split(Split::TestUnseen)[3]));
    }

    void showsOneBarPerClass()
    {
        const SimilarityChart* chart = m_view.chart();
        QCOMPARE(chart->barCount(), static_cast<int>(m_fixture.data->classCount()));
        for (int i = 1; i < chart->barCount(); ++i)
            QVERIFY(chart->bar(i - 1).similarity >= chart->bar(i).similarity);
    }

    void coloursBarsByTau_data()
    {
        // τ from the bars themselves (on the slider's 0.01 grid), so that each row splits them.
        QTest::addColumn<double>("rank"); // where τ falls, as a fraction of the sorted bars
        QTest::newRow("near the top") << 0.2;
        QTest::newRow("middle") << 0.5;
        QTest::newRow("near the bottom") << 0.8;
    }

    void coloursBarsByTau()
    {
        QFETCH(double, rank);
        SimilarityChart* chart = m_view.chart();
        const int pick = static_cast<int>(rank * chart->barCount());
        const double tau = std::ceil(chart->bar(pick).similarity * 100.0) / 100.0;
        m_view.setTau(tau);
        QCOMPARE(chart->tau(), tau);
        int green = 0;
        for (int i = 0; i < chart->barCount(); ++i) {
            const bool similar = chart->bar(i).similarity >= tau;
            QCOMPARE(chart->barColor(i),
                     similar ? SimilarityChart::kSimilarColor : SimilarityChart::kDissimilarColor);
            green += similar ? 1 : 0;
        }
        QVERIFY(green > 0);
        QVERIFY(green <= pick + 1);
        QVERIFY(green < chart->barCount());
    }

    void marksTheTrueClass()
    {
        const qint64 sample = m_view.sample();
        const int truth = m_fixture.data->labels[static_cast<std::size_t>(sample)];
        const SimilarityChart* chart = m_view.chart();
        QVERIFY(chart->trueClassRow() >= 0);
        QCOMPARE(chart->bar(chart->trueClassRow()).classIndex, truth);
    }

    void tauStartsAtTheModelsTau()
    {
        // As `semrel relate` does: the slider starts at the τ the model was trained with.
        QueryView view;
        for (const double trained : {0.35, -0.2}) {
            ModelState state = m_fixture.model->state();
            state.config.tau = trained;
            view.setModelAndDataset(std::make_shared<RelationModel>(std::move(state)),
                                    m_fixture.data);
            QCOMPARE(view.tau(), trained);
            QVERIFY(view.findChild<QLabel*>(QStringLiteral("tauLabel"))
                        ->text()
                        .contains(QString::number(trained, 'f', 2)));
        }
    }

    void hidingAClassRemovesItsBar()
    {
        const qint64 sample = m_view.sample();
        const int truth = m_fixture.data->labels[static_cast<std::size_t>(sample)];
        m_view.setClassHidden(truth, true);
        const SimilarityChart* chart = m_view.chart();
        QCOMPARE(chart->barCount(), static_cast<int>(m_fixture.data->classCount()) - 1);
        QCOMPARE(chart->trueClassRow(), -1);
        for (int i = 0; i < chart->barCount(); ++i)
            QVERIFY(chart->bar(i).classIndex != truth);
        // The class list says so, and ticking the class there brings the bar back.
        auto* list = m_view.findChild<QListWidget*>(QStringLiteral("queryClasses"));
        QVERIFY(list);
        QCOMPARE(list->count(), static_cast<int>(m_fixture.data->classCount()));
        QCOMPARE(list->item(truth)->checkState(), Qt::Unchecked);
        list->item(truth)->setCheckState(Qt::Checked);
        QCOMPARE(chart->barCount(), static_cast<int>(m_fixture.data->classCount()));
        QCOMPARE(chart->bar(chart->trueClassRow()).classIndex, truth);
    }

    void topKKeepsTheMostSimilar()
    {
        m_view.setTopK(5);
        const SimilarityChart* chart = m_view.chart();
        QCOMPARE(chart->barCount(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(chart->bar(i).classIndex,
                     m_view.similarities()[static_cast<std::size_t>(i)].classIndex);
    }

    void followsTheSampleIndex()
    {
        QSignalSpy changed(&m_view, &QueryView::queryChanged);
        QVERIFY(m_view.showSample(0));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_view.sample(), 0);
        QVERIFY(!m_view.showSample(m_fixture.data->sampleCount()));
        QCOMPARE(m_view.sample(), 0);
    }

    void exportsPngSvgAndCsv()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QCOMPARE(m_view.exportPng(dir.filePath("q.png")), QString());
        QCOMPARE(m_view.exportSvg(dir.filePath("q.svg")), QString());
        QCOMPARE(m_view.exportCsv(dir.filePath("q.csv")), QString());
        const QImage png(dir.filePath("q.png"));
        QCOMPARE(png.size(), m_view.chart()->size() * m_view.chart()->devicePixelRatio());
        QFile svg(dir.filePath("q.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
        QFile csv(dir.filePath("q.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        // Plain CSV: the header, then one row per class; τ is a column, not a comment line.
        QCOMPARE(lines.size(), 1 + static_cast<int>(m_fixture.data->classCount()));
        QVERIFY(lines[0].startsWith("rank,class_index,class,cosine"));
        QVERIFY(lines[0].contains(",tau,"));
        const auto trueRows = std::count_if(lines.begin() + 1, lines.end(),
                                            [](const QByteArray& l) { return l.endsWith(",1"); });
        QCOMPARE(trueRows, 1); // the last column marks the true class, once
    }

    void queriesAnImageFileThroughTheExtractor()
    {
        // A demo CNN with the fixture's feature dimension, trained for a moment on noise: its
        // features mean nothing, but they take the path a user's image file takes.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ImagePixels images;
        images.count = 32;
        images.height = 28;
        images.width = 28;
        images.values.resize(32 * 28 * 28);
        for (std::size_t i = 0; i < images.values.size(); ++i)
            images.values[i] = static_cast<std::uint8_t>((i * 2654435761u) >> 24);
        std::vector<std::int32_t> labels(32);
        for (std::size_t i = 0; i < labels.size(); ++i)
            labels[i] = static_cast<std::int32_t>(i % 2);
        ExtractorTrainingSpec spec;
        spec.epochs = 1;
        spec.batchSize = 16;
        spec.featureDim = static_cast<int>(m_fixture.data->featureDim());
        trainDemoExtractor(images, labels, spec)
            .extractor.save(dir.filePath("extractor.h5").toStdString());
        QImage picture(40, 60, QImage::Format_RGB32);
        picture.fill(Qt::white);
        for (int y = 10; y < 50; ++y)
            for (int x = 10; x < 30; ++x)
                picture.setPixel(x, y, qRgb(40, 40, 40));
        QVERIFY(picture.save(dir.filePath("shirt.png")));

        m_view.setExtractorPath(dir.filePath("extractor.h5"));
        QSignalSpy changed(&m_view, &QueryView::queryChanged);
        QVERIFY(m_view.showImageFile(dir.filePath("shirt.png")));
        QCOMPARE(changed.count(), 0); // decoded and run through the extractor off this thread
        QVERIFY(changed.wait(10000));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m_view.sample(), -1);
        QCOMPARE(m_view.chart()->barCount(), static_cast<int>(m_fixture.data->classCount()));
        QCOMPARE(m_view.chart()->trueClassRow(), -1); // an image file has no known class
    }

private:
    test::TrainedFixture m_fixture;
    QueryView m_view;
};

QTEST_MAIN(TestQueryView)
#include "tst_query_view.moc"
