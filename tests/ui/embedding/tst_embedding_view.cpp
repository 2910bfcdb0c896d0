// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
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
        QCOMPARE(m_view.mapKind(), QStringLiteral("PCA"));
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
        QCOMPARE(m_view.mapKind(), QStringLiteral("t-SNE"));
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
        QCOMPARE(m_view.mapKind(), QStringLiteral("PCA"));
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
        QCOMPARE(m_view.mapKind(), QStringLiteral("PCA"));
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
        QCOMPARE(m_view.mapKind(), QStringLiteral("PCA"));
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
