// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "jobs/background_job.h"
#include "predictions/class_accuracy_chart.h"
#include "predictions/confusion_matrix_source.h"
#include "predictions/confusion_panel.h"
#include "predictions/prediction_filter.h"
#include "predictions/prediction_table_model.h"
#include "predictions/predictions_view.h"
#include "predictions/thumbnail_cache.h"
#include "trained_fixture.h"
#include "zoom/matrix_view.h"

#include <QImage>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace semrel;
using namespace semrel::ui;

namespace {

int countWhere(const std::vector<Prediction>& predictions,
               const std::function<bool(const Prediction&)>& keep)
{
    return static_cast<int>(std::count_if(predictions.begin(), predictions.end(), keep));
}

} // namespace

class TestPredictionsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = test::trainedFixture();
        m_view.resize(1200, 800);
        m_view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_view));
        QSignalSpy ready(&m_view, &PredictionsView::evaluationReady);
        m_view.setModelAndDataset(m_fixture.model, m_fixture.data);
        QVERIFY(ready.wait(10000));
        m_result = m_view.tableModel()->result();
        QVERIFY(m_result);
    }

    void init()
    {
        m_view.setSetting(Setting::Zsl);
        m_view.setOutcome(PredictionFilter::Outcome::Any);
        m_view.showCell(PredictionFilter::kAnyClass, PredictionFilter::kAnyClass);
    }

    void tableHoldsBothSettings()
    {
        const Dataset& data = *m_fixture.data;
        const auto unseen = static_cast<int>(data.split(Split::TestUnseen).size());
        const auto seen = static_cast<int>(data.split(Split::TestSeen).size());
        QCOMPARE(m_view.tableModel()->rowCount(), unseen + unseen + seen);
        QCOMPARE(m_view.filter()->rowCount(), unseen);
        m_view.setSetting(Setting::Gzsl);
        QCOMPARE(m_view.filter()->rowCount(), unseen + seen);
    }

    void filtersByOutcome()
    {
        const auto right = [](const Prediction& p) {
            return p.trueClass == p.predictedClass;
        };
        m_view.setOutcome(PredictionFilter::Outcome::Right);
        QCOMPARE(m_view.filter()->rowCount(), countWhere(m_result->zslPredictions, right));
        m_view.setOutcome(PredictionFilter::Outcome::Wrong);
        QCOMPARE(
            m_view.filter()->rowCount(),
            countWhere(m_result->zslPredictions, [&](const Prediction& p) { return !right(p); }));
        m_view.setSetting(Setting::Gzsl);
        QCOMPARE(
            m_view.filter()->rowCount(),
            countWhere(m_result->gzslPredictions, [&](const Prediction& p) { return !right(p); }));
    }

    void filtersByTrueClass()
    {
        const std::int32_t c = m_result->unseenClasses.back();
        m_view.showCell(c, PredictionFilter::kAnyClass);
        const int expected = countWhere(m_result->zslPredictions,
                                        [c](const Prediction& p) { return p.trueClass == c; });
        QVERIFY(expected > 0);
        QCOMPARE(m_view.filter()->rowCount(), expected);
        for (int r = 0; r < m_view.filter()->rowCount(); ++r)
            QCOMPARE(m_view.filter()->index(r, 0).data(PredictionTableModel::TrueClassRole).toInt(),
                     c);
    }

    void accuracyChartHasOneBarPerUnseenClassHighestFirst()
    {
        const ClassAccuracyChart* chart = m_view.accuracyChart();
        const auto& unseen = m_result->unseenClasses;
        QCOMPARE(chart->barCount(), static_cast<int>(unseen.size()));
        std::vector<int> classes;
        for (int i = 0; i < chart->barCount(); ++i) {
            const auto k = static_cast<std::size_t>(
                std::find(unseen.begin(), unseen.end(), chart->barClass(i)) - unseen.begin());
            QVERIFY(k < unseen.size());
            classes.push_back(chart->barClass(i));
            QVERIFY(qAbs(chart->barValue(i) - 100.0 * m_result->zslPerClass[k]) < 1e-6);
            if (i > 0)
                QVERIFY(chart->barValue(i - 1) >= chart->barValue(i));
        }
        std::sort(classes.begin(), classes.end());
        QCOMPARE(std::vector<std::int32_t>(classes.begin(), classes.end()), unseen);
        m_view.setSetting(Setting::Gzsl);
        QCOMPARE(chart->barCount(),
                 static_cast<int>(m_result->unseenClasses.size() + m_result->seenClasses.size()));
    }

    void confusionCellClickFiltersToItsSamples()
    {
        MatrixView* matrix = m_view.confusion()->matrix();
        QTRY_VERIFY(matrix->isUpToDate());
        const auto& source = static_cast<const ConfusionMatrixSource&>(*matrix->source());
        const ConfusionCounts& counts = *m_view.charts()->zsl.counts;
        const auto n = static_cast<std::int64_t>(m_result->unseenClasses.size());
        QCOMPARE(source.rowCount(), n);
        // Every cell of a row, the diagonal and the confusions, must list exactly its count.
        for (std::int64_t p = 0; p < n; ++p) {
            QTest::mouseClick(matrix, Qt::LeftButton, {}, matrix->cellCenter(1, p));
            QCOMPARE(m_view.filter()->trueClass(), source.classAt(1));
            QCOMPARE(m_view.filter()->predictedClass(), source.classAt(p));
            QCOMPARE(m_view.filter()->rowCount(),
                     static_cast<int>(counts.count(source.classAt(1), source.classAt(p))));
        }
    }

    void doubleClickAsksToQueryTheSample()
    {
        QSignalSpy activated(&m_view, &PredictionsView::sampleActivated);
        QTableView* table = m_view.table();
        const QModelIndex index = table->model()->index(2, 1);
        const qint64 sample = index.data(PredictionTableModel::SampleRole).toLongLong();
        const QPoint at = table->visualRect(index).center();
        // A real double-click: press and release, then the double-click event.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toLongLong(), sample);
    }

    void dataIsBoundsChecked()
    {
        const PredictionTableModel* model = m_view.tableModel();
        QVERIFY(!model->data(model->index(model->rowCount(), 0)).isValid());
        QVERIFY(!model->data(QModelIndex()).isValid());
        QVERIFY(model->prediction(-1) == nullptr);
    }

    void thumbnailsFromStoredPixels()
    {
        auto data = std::make_shared<Dataset>(*m_fixture.data);
        data->images.count = data->sampleCount();
        data->images.height = 4;
        data->images.width = 4;
        data->images.values.assign(static_cast<std::size_t>(data->sampleCount() * 16), 200);
        ThumbnailCache cache;
        cache.setDataset(data);
        QVERIFY(cache.hasImages());
        const QPixmap thumbnail = cache.thumbnail(data->split(Split::TestUnseen).front());
        QVERIFY(!thumbnail.isNull());
        QCOMPARE(thumbnail.toImage().pixelColor(0, 0).red(), 200);
        QVERIFY(cache.thumbnail(data->sampleCount()).isNull());
    }

    void thumbnailsFromFilesUnderAnImageRoot()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto data = std::make_shared<Dataset>(*m_fixture.data);
        const std::string prefix = "/BS/xian/work/data/Animals_with_Attributes2//JPEGImages/";
        for (std::int64_t i = 0; i < data->sampleCount(); ++i)
            data->imagePaths.push_back(prefix + "c" + std::to_string(data->labels[i]) + "/img_" +
                                       std::to_string(i) + ".png");
        QImage red(64, 32, QImage::Format_RGB32);
        red.fill(Qt::red);
        QDir(dir.path()).mkpath("c0");
        QVERIFY(red.save(dir.filePath(QStringLiteral("c0/img_0.png"))));
        QCOMPARE(data->labels[0], 0);

        ThumbnailCache cache;
        cache.setDataset(data);
        QVERIFY(cache.thumbnail(0).isNull()); // the xlsa17 path does not exist here
        {
            QSignalSpy ready(&cache, &ThumbnailCache::thumbnailsReady);
            QVERIFY(ready.wait(5000));
            bool pending = true;
            QVERIFY(cache.thumbnail(0, ThumbnailCache::kDefaultSize, &pending).isNull());
            QVERIFY(!pending); // tried, and remembered as missing
        }
        QSignalSpy changed(&cache, &ThumbnailCache::imagesChanged);
        cache.setImageRoot(dir.path());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cache.imagePath(0), dir.filePath(QStringLiteral("c0/img_0.png")));
        // Files are decoded off the GUI thread: asked for now, there when thumbnailsReady() says.
        QSignalSpy ready(&cache, &ThumbnailCache::thumbnailsReady);
        bool pending = false;
        QVERIFY(cache.thumbnail(0, ThumbnailCache::kDefaultSize, &pending).isNull());
        QVERIFY(pending);
        QVERIFY(ready.wait(5000));
        const QPixmap thumbnail = cache.thumbnail(0, ThumbnailCache::kDefaultSize, &pending);
        QVERIFY(!pending);
        QCOMPARE(thumbnail.size(), QSize(48, 24)); // fitted, aspect kept
        QCOMPARE(thumbnail.toImage().pixelColor(10, 10), QColor(Qt::red));
    }

    // The regression this guards: an evaluation still running when its model was closed used
    // to land on the emptied view afterwards.
    void evaluationOfAClosedModelNeverArrives()
    {
        PredictionsView view;
        QSignalSpy ready(&view, &PredictionsView::evaluationReady);
        view.setModelAndDataset(m_fixture.model, m_fixture.data);
        QVERIFY(view.isEvaluating());
        auto* evaluation = view.findChild<BackgroundJob*>(QStringLiteral("evaluation"));
        QVERIFY(evaluation);
        QSignalSpy dropped(evaluation, &BackgroundJob::dropped);
        // Closed before the result can arrive (it needs this thread's event loop to land).
        view.setModelAndDataset(nullptr, nullptr);
        QVERIFY(!view.isEvaluating());
        QVERIFY(dropped.wait(10000)); // the result came, and was dropped
        QCOMPARE(ready.count(), 0);
        QCOMPARE(view.tableModel()->rowCount(), 0);
        QVERIFY(!view.tableModel()->result());
        QCOMPARE(view.accuracyChart()->barCount(), 0);
    }

    // ZSL is shown before GZSL is scored: its rows and charts at once, GZSL's pending; when GZSL
    // arrives it joins without undoing what the user chose meanwhile.
    void zslIsShownBeforeGzsl()
    {
        PredictionsView view;
        view.resize(1200, 800);
        view.show();
        QSignalSpy zslShown(&view, &PredictionsView::zslReady);
        QSignalSpy ready(&view, &PredictionsView::evaluationReady);
        // Both signals fire from the event loop: between them nothing else may run, so the ZSL
        // state is looked at in the slot of the first.
        int zslRows = -1;
        int gzslRowsWhilePending = -1;
        bool gzslChartsWhilePending = true;
        const std::int32_t chosen = m_fixture.data->unseenClasses().front();
        connect(&view, &PredictionsView::zslReady, this, [&] {
            zslRows = view.filter()->rowCount();
            view.setSetting(Setting::Gzsl);
            gzslRowsWhilePending = view.filter()->rowCount();
            gzslChartsWhilePending = view.accuracyChart()->barCount() > 0;
            view.setSetting(Setting::Zsl);
            view.showCell(chosen, PredictionFilter::kAnyClass);
        });
        view.setModelAndDataset(m_fixture.model, m_fixture.data);
        QVERIFY(ready.wait(10000));
        QCOMPARE(zslShown.count(), 1);
        const auto unseen = static_cast<int>(m_fixture.data->split(Split::TestUnseen).size());
        const auto seen = static_cast<int>(m_fixture.data->split(Split::TestSeen).size());
        QCOMPARE(zslRows, unseen);
        QCOMPARE(gzslRowsWhilePending, 0);
        QVERIFY(!gzslChartsWhilePending);
        QCOMPARE(view.filter()->trueClass(), chosen);
        QCOMPARE(view.filter()->setting(), Setting::Zsl);
        QCOMPARE(view.tableModel()->rowCount(), unseen + unseen + seen);
        view.setSetting(Setting::Gzsl);
        QCOMPARE(view.filter()->rowCount(), unseen + seen);
        QVERIFY(view.accuracyChart()->barCount() > 0);
    }

    void aNewerModelsEvaluationWins()
    {
        SyntheticSpec spec;
        spec.samplesPerClass = 30;
        spec.seed = 9;
        const test::TrainedFixture other = test::trainedFixture(spec);
        PredictionsView view;
        QSignalSpy ready(&view, &PredictionsView::evaluationReady);
        QSignalSpy dropped(view.findChild<BackgroundJob*>(QStringLiteral("evaluation")),
                           &BackgroundJob::dropped);
        view.setModelAndDataset(m_fixture.model, m_fixture.data);
        view.setModelAndDataset(other.model, other.data);
        QVERIFY(ready.count() == 1 || ready.wait(10000));
        QTRY_COMPARE(dropped.count(), 1); // the older model's result, whenever it came
        QCOMPARE(ready.count(), 1);
        const auto unseen = static_cast<int>(other.data->split(Split::TestUnseen).size());
        const auto seen = static_cast<int>(other.data->split(Split::TestSeen).size());
        QCOMPARE(view.tableModel()->rowCount(), unseen + unseen + seen);
    }

private:
    test::TrainedFixture m_fixture;
    PredictionsView m_view;
    const EvaluationResult* m_result = nullptr;
};

QTEST_MAIN(TestPredictionsView)
#include "tst_predictions_view.moc"
