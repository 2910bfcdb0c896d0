// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "embedding/class_legend.h"
#include "embedding/embedding_view.h"
#include "jobs/background_job.h"
#include "trained_fixture.h"

#include <QChart>
#include <QChartView>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace semrel;
using namespace semrel::ui;

class TestEmbeddingView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = test::trainedFixture();
        m_view.resize(1100, 700);
        m_view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_view));
    }

    void showsPcaFirst()
    {
        QSignalSpy shown(&m_view, &EmbeddingView::mapShown);
        m_view.setModelAndDataset(m_fixture.model, m_fixture.data);
        QCOMPARE(shown.count(), 0); // computed off the GUI thread, then shown once
        QVERIFY(shown.wait(10000));
        QCOMPARE(shown.count(), 1);
        QCOMPARE(m_view.mapKind(), EmbeddingView::MapKind::Pca);
        QCOMPARE(m_view.samplePointCount(),
                 static_cast<int>(m_fixture.data->split(Split::TestUnseen).size()));
        QCOMPARE(m_view.classMarkerCount(),
                 static_cast<int>(m_fixture.data->unseenClasses().size()));
    }

    void tsneRunsWhileTheEventLoopKeepsGoing()
    {
        TsneOptions options;
        options.iterations = 150;
        m_view.setTsneOptions(options);
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
        timer.start(5);
        QSignalSpy shown(&m_view, &EmbeddingView::mapShown);
        QSignalSpy progress(&m_view, &EmbeddingView::tsneProgress);
        m_view.startTsne();
        QVERIFY(m_view.isTsneRunning());
        QVERIFY(shown.wait(20000));
        QCOMPARE(m_view.mapKind(), EmbeddingView::MapKind::Tsne);
        QVERIFY(!m_view.isTsneRunning());
        QCOMPARE(progress.count(), 16); // at the start, then every 10 of 150 iterations
        QVERIFY2(ticks > 0, "the GUI thread's timer never fired during t-SNE");
        QCOMPARE(m_view.samplePointCount(),
                 static_cast<int>(m_fixture.data->split(Split::TestUnseen).size()));
    }

    void cancelStopsTsneAndKeepsTheMap()
    {
        showPcaAndWait();
        TsneOptions options;
        options.iterations = 1000000;
        m_view.setTsneOptions(options);
        QSignalSpy progress(&m_view, &EmbeddingView::tsneProgress);
        QSignalSpy shown(&m_view, &EmbeddingView::mapShown);
        m_view.startTsne();
        QVERIFY(progress.wait(10000));
        m_view.cancelTsne();
        QTRY_VERIFY_WITH_TIMEOUT(!m_view.isTsneRunning(), 5000);
        QCOMPARE(shown.count(), 0);
        QCOMPARE(m_view.mapKind(), EmbeddingView::MapKind::Pca);
    }

    void clickingAPointSelectsItAndListsNeighbours()
    {
        showPcaAndWait();
        const qint64 sample = m_fixture.data->split(Split::TestUnseen)[5];
        const QPoint at = positionOf(sample);
        QVERIFY(!at.isNull());
        QSignalSpy activated(&m_view, &EmbeddingView::sampleActivated);
        QTest::mouseClick(m_view.chartView()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(activated.count(), 1);
        // Points may overlap: the one clicked is the topmost at that spot, drawn where we clicked.
        const qint64 clicked = activated.first().first().toLongLong();
        QVERIFY((positionOf(clicked) - at).manhattanLength() <= 8);
        QCOMPARE(m_view.selectedSample(), clicked);
        QCOMPARE(m_view.neighbourList()->count(), EmbeddingView::kNeighbourCount);
    }

    void neighbourDoubleClickAsksToQueryIt()
    {
        QVERIFY(m_view.selectSample(m_fixture.data->split(Split::TestUnseen)[0]));
        QSignalSpy activated(&m_view, &EmbeddingView::sampleActivated);
        QListWidget* list = m_view.neighbourList();
        QListWidgetItem* item = list->item(0);
        const QPoint at = list->visualItemRect(item).center();
        // A real double-click: press and release, then the double-click event.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toLongLong(), item->data(Qt::UserRole).toLongLong());
    }

    void aSampleLeftOutOfTheSubsampleIsAddedAndRinged()
    {
        // As `--sample 9000` on AWA2-size data: the subsample left the sample out, selecting it
        // must draw it (and ring it), not silently nothing.
        EmbeddingView view;
        view.resize(1100, 700);
        view.setMaxMapSamples(10);
        QSignalSpy shown(&view, &EmbeddingView::mapShown);
        view.setModelAndDataset(m_fixture.model, m_fixture.data);
        QVERIFY(shown.wait(10000));
        const int before = view.samplePointCount();
        QVERIFY(before < static_cast<int>(m_fixture.data->split(Split::TestUnseen).size()));
        qint64 missing = -1;
        for (const std::int64_t s : m_fixture.data->split(Split::TestUnseen))
            if (!view.mapPoint(s)) {
                missing = s;
                break;
            }
        QVERIFY(missing >= 0);
        QVERIFY(view.selectSample(missing));
        QCOMPARE(view.selectedSample(), missing);
        QVERIFY(shown.wait(10000));
        QCOMPARE(view.samplePointCount(), before + 1);
        QVERIFY(view.mapPoint(missing));
        QCOMPARE(view.selectionRing(), view.mapPoint(missing));
        QCOMPARE(view.neighbourList()->count(), EmbeddingView::kNeighbourCount);
    }

    void aSampleOfASeenClassIsNotSelected()
    {
        showPcaAndWait();
        const qint64 seen = m_fixture.data->split(Split::Train).front();
        QVERIFY(!m_view.selectSample(seen));
        QVERIFY(m_view.selectedSample() != seen);
    }

    void classMarkersAreNamedAndTheFilterNarrowsTheClasses()
    {
        showPcaAndWait();
        const auto unseen = m_fixture.data->unseenClasses();
        ClassLegend* legend = m_view.classLegend();
        QCOMPARE(legend->shownCount(), static_cast<int>(unseen.size()));
        QCOMPARE(m_view.markerNames().size(), static_cast<qsizetype>(unseen.size()));
        const QString name = QString::fromStdString(
            m_fixture.data->classNames[static_cast<std::size_t>(unseen.front())]);
        legend->setFilter(name);
        QCOMPARE(legend->shownCount(), 1);
        QVERIFY(legend->passes(unseen.front()));
        QVERIFY(!legend->passes(unseen.back()));
        QCOMPARE(m_view.markerNames(), QStringList{name});
        legend->highlightClass(unseen.front());
        QCOMPARE(legend->highlightedClass(), unseen.front());
        legend->setFilter({});
        QCOMPARE(legend->shownCount(), static_cast<int>(unseen.size()));
        legend->highlightClass(-1);
    }

    void atSunScaleClassesShareSeriesAndTheFilterBringsThemToTheFront()
    {
        // 717 classes as SUN, with more unseen classes than series of their own.
        SyntheticSpec spec;
        spec.classCount = 717;
        spec.unseenClassCount = EmbeddingView::kMaxClassSeries + 30;
        spec.valClassCount = 60;
        spec.samplesPerClass = 3;
        spec.testSeenFraction = 0.34;
        spec.featureDim = 32;
        const test::TrainedFixture big = test::trainedFixture(spec, 1);
        EmbeddingView view;
        view.resize(1100, 700);
        QSignalSpy shown(&view, &EmbeddingView::mapShown);
        view.setModelAndDataset(big.model, big.data);
        QVERIFY(shown.wait(20000));
        QCOMPARE(view.samplePointCount(),
                 static_cast<int>(big.data->split(Split::TestUnseen).size()));
        QCOMPARE(view.classMarkerCount(), spec.unseenClassCount);
        ClassLegend* legend = view.classLegend();
        QCOMPARE(legend->shownCount(), spec.unseenClassCount);
        QVERIFY(view.markerNames().isEmpty()); // too many to name
        QCOMPARE(view.frontPointCount(), 0);

        const int c = big.data->unseenClasses()[7];
        const QString name =
            QString::fromStdString(big.data->classNames[static_cast<std::size_t>(c)]);
        legend->setFilter(name);
        QCOMPARE(legend->shownCount(), 1);
        QCOMPARE(view.frontPointCount(),
                 static_cast<int>(std::count(big.data->labels.begin(), big.data->labels.end(), c)));
        QCOMPARE(view.markerNames(), QStringList{name});
        legend->setFilter({});
        QCOMPARE(view.frontPointCount(), 0);
        legend->highlightClass(c);
        QVERIFY(view.frontPointCount() > 0);
        QCOMPARE(view.markerNames(), QStringList{name}); // the highlighted class is named
    }

    void aNewPairDropsTheMapsOfTheOldOne()
    {
        // t-SNE of the old pair is running when a new pair arrives: neither its map nor the old
        // PCA may land on the new pair's view.
        TsneOptions options;
        options.iterations = 1000000;
        m_view.setTsneOptions(options);
        QSignalSpy progress(&m_view, &EmbeddingView::tsneProgress);
        m_view.startTsne();
        QVERIFY(progress.wait(10000));
        auto* tsne = m_view.findChild<BackgroundJob*>(QStringLiteral("tsne"));
        QVERIFY(tsne);
        QSignalSpy dropped(tsne, &BackgroundJob::dropped);
        QSignalSpy shown(&m_view, &EmbeddingView::mapShown);
        const test::TrainedFixture other = test::trainedFixture(otherSpec());
        m_view.setModelAndDataset(other.model, other.data);
        QVERIFY(!m_view.isTsneRunning());
        QVERIFY(dropped.wait(10000)); // the old t-SNE stopped, and what it gave was dropped
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(m_view.mapKind(), EmbeddingView::MapKind::Pca);
        QCOMPARE(m_view.samplePointCount(),
                 static_cast<int>(other.data->split(Split::TestUnseen).size()));
        m_view.setModelAndDataset(m_fixture.model, m_fixture.data);
        QVERIFY(shown.wait(10000));
    }

private:
    static SyntheticSpec otherSpec()
    {
        SyntheticSpec spec;
        spec.samplesPerClass = 30;
        spec.unseenClassCount = 4;
        spec.seed = 9;
        return spec;
    }

    void showPcaAndWait()
    {
        QSignalSpy shown(&m_view, &EmbeddingView::mapShown);
        m_view.showPca();
        QVERIFY(shown.wait(10000));
        QCOMPARE(m_view.mapKind(), EmbeddingView::MapKind::Pca);
    }

    // Where the chart draws a sample, in chartView() coordinates; null when it is not mapped.
    QPoint positionOf(qint64 sample) const
    {
        const std::optional<QPointF> point = m_view.mapPoint(sample);
        QChart* chart = m_view.chartView()->chart();
        if (!point || chart->series().isEmpty())
            return {};
        return m_view.chartView()->mapFromScene(
            chart->mapToScene(chart->mapToPosition(*point, chart->series().first())));
    }

    test::TrainedFixture m_fixture;
    EmbeddingView m_view;
};

QTEST_MAIN(TestEmbeddingView)
#include "tst_embedding_view.moc"
