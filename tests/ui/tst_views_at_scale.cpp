// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The Training, Predictions, Query and Embedding views at SUN's 717 classes and at 20,000, with
// a real model: the network's initial weights (untrained_model.h), so that no test trains for
// minutes. The Dataset view and the Predictions view's charts have their own scale tests
// (tst_dataset_view, tst_predictions_scale); here each view is driven as a user would.
#include "embedding/class_legend.h"
#include "embedding/embedding_view.h"
#include "predictions/class_accuracy_chart.h"
#include "predictions/prediction_table_model.h"
#include "predictions/predictions_view.h"
#include "query/query_view.h"
#include "query/similarity_chart.h"
#include "training/training_charts.h"
#include "training/training_form.h"
#include "training/training_panel.h"
#include "untrained_model.h"

#include <QAction>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <map>

using namespace semrel;
using namespace semrel::ui;

namespace {

struct Scale
{
    std::shared_ptr<const Dataset> data;
    std::shared_ptr<const ModelState> state;
    std::shared_ptr<const RelationModel> model;
};

// The window's default size.
constexpr QSize kViewSize(1270, 700);

bool showAtDefaultSize(QWidget& view)
{
    view.resize(kViewSize);
    view.show();
    return QTest::qWaitForWindowExposed(&view);
}

QString nameOf(const Dataset& data, std::int32_t c)
{
    return QString::fromStdString(data.classNames[static_cast<std::size_t>(c)]);
}

} // namespace

class TestViewsAtScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const int classes : {717, 20000}) {
            Scale& s = m_scales[classes];
            s.data = test::scaleDataset(classes);
            s.state = std::make_shared<const ModelState>(test::untrainedModelState(*s.data));
            s.model = std::make_shared<const RelationModel>(*s.state);
        }
    }

    void trainingShowsTheModelOnTheDataset_data() { classCounts(); }
    void trainingShowsTheModelOnTheDataset()
    {
        QFETCH(int, classes);
        const Scale& s = m_scales.at(classes);
        TrainingPanel panel;
        QVERIFY(showAtDefaultSize(panel));
        panel.setDataset(s.data);
        // The opened model's history shows as an earlier run, its best epoch marked.
        ModelState opened = *s.state;
        for (const auto& [epoch, zsl] : {std::pair{1, 0.02}, {2, 0.05}, {3, 0.04}}) {
            EpochReport report;
            report.epoch = epoch;
            report.loss = 1.0 / epoch;
            report.zslAccuracy = zsl;
            opened.history.push_back(report);
        }
        opened.completedEpochs = 3;
        panel.setModel(std::make_shared<const ModelState>(opened), QStringLiteral("opened"));
        QCOMPARE(panel.form()->config().network.encoderHidden,
                 s.state->config.network.encoderHidden);
        QVERIFY(panel.startAction()->isEnabled());
        QVERIFY(!panel.saveModelAction()->isEnabled()); // nothing trained here yet
        const std::vector<TrainingRun> runs = panel.charts()->runs();
        QCOMPARE(int(runs.size()), 1);
        QVERIFY2(runs.front().label.contains(QStringLiteral("opened")),
                 qPrintable(runs.front().label));
        QCOMPARE(int(runs.front().history.size()), 3);
    }

    void predictionsShowZslThenGzsl_data() { classCounts(); }
    void predictionsShowZslThenGzsl()
    {
        QFETCH(int, classes);
        const Scale& s = m_scales.at(classes);
        PredictionsView view;
        QVERIFY(showAtDefaultSize(view));
        QSignalSpy zslShown(&view, &PredictionsView::zslReady);
        QSignalSpy ready(&view, &PredictionsView::evaluationReady);
        int barsAtZsl = -1;
        connect(&view, &PredictionsView::zslReady, this,
                [&] { barsAtZsl = view.accuracyChart()->barCount(); });
        view.setModelAndDataset(s.model, s.data);
        QVERIFY(ready.wait(120000));
        QCOMPARE(zslShown.count(), 1);
        const int unseenClasses = static_cast<int>(s.data->unseenClasses().size());
        QCOMPARE(barsAtZsl, unseenClasses);
        const EvaluationResult zsl = evaluateZsl(*s.model, *s.data);
        const EvaluationResult* shown = view.tableModel()->result();
        QVERIFY(shown);
        QCOMPARE(shown->zslAccuracy, zsl.zslAccuracy);
        QVERIFY(shown->gzslH >= 0.0 && shown->gzslH <= 1.0);
        const auto unseen = static_cast<int>(s.data->split(Split::TestUnseen).size());
        const auto seen = static_cast<int>(s.data->split(Split::TestSeen).size());
        QCOMPARE(view.tableModel()->rowCount(), unseen + unseen + seen);
        view.setSetting(Setting::Gzsl);
        QCOMPARE(view.filter()->rowCount(), unseen + seen);
        QCOMPARE(view.accuracyChart()->barCount(), classes);
        // A class's rows, chosen among thousands.
        const std::int32_t c = s.data->unseenClasses().back();
        view.showCell(c, PredictionFilter::kAnyClass);
        QCOMPARE(view.filter()->rowCount(),
                 static_cast<int>(std::count(s.data->labels.begin(), s.data->labels.end(), c)));
    }

    void queryRanksEveryClass_data() { classCounts(); }
    void queryRanksEveryClass()
    {
        QFETCH(int, classes);
        const Scale& s = m_scales.at(classes);
        QueryView view;
        QVERIFY(showAtDefaultSize(view));
        view.setModelAndDataset(s.model, s.data);
        view.setTopK(0);
        const qint64 sample = s.data->split(Split::TestUnseen)[5];
        QVERIFY(view.showSample(sample));
        const SimilarityChart* chart = view.chart();
        QCOMPARE(chart->barCount(), classes);
        for (int i = 1; i < chart->barCount(); ++i)
            QVERIFY(chart->bar(i - 1).similarity >= chart->bar(i).similarity);
        const std::int32_t truth = s.data->labels[static_cast<std::size_t>(sample)];
        QCOMPARE(chart->bar(chart->trueClassRow()).classIndex, truth);
        auto* list = view.findChild<QListWidget*>(QStringLiteral("queryClasses"));
        QVERIFY(list);
        QCOMPARE(list->count(), classes);

        // The top 30, then without the most similar class.
        view.setTopK(30);
        QCOMPARE(chart->barCount(), 30);
        const int top = chart->bar(0).classIndex;
        QCOMPARE(top, view.similarities().front().classIndex);
        view.setClassHidden(top, true);
        QCOMPARE(int(view.similarities().size()), classes - 1);
        QVERIFY(chart->bar(0).classIndex != top);
        QCOMPARE(list->item(top)->checkState(), Qt::Unchecked);
    }

    void embeddingFindsAnyClassAndSample_data() { classCounts(); }
    void embeddingFindsAnyClassAndSample()
    {
        QFETCH(int, classes);
        const Scale& s = m_scales.at(classes);
        EmbeddingView view;
        view.resize(kViewSize);
        QSignalSpy shown(&view, &EmbeddingView::mapShown);
        view.setModelAndDataset(s.model, s.data);
        QVERIFY(shown.wait(60000));
        const std::vector<std::int32_t> unseen = s.data->unseenClasses();
        QCOMPARE(view.classMarkerCount(), int(unseen.size()));
        ClassLegend* legend = view.classLegend();
        QCOMPARE(legend->shownCount(), int(unseen.size()));
        // The last class's name has the most digits: no other name contains it.
        const std::int32_t c = *std::max_element(unseen.begin(), unseen.end());
        QVERIFY(QString::number(c).size() == QString::number(classes - 1).size());
        legend->setFilter(nameOf(*s.data, c));
        QCOMPARE(legend->shownCount(), 1);
        QVERIFY(legend->passes(c) && !legend->passes(unseen.front()));
        // Classes that share series (more unseen classes than series): the class's samples on
        // the map come to the front. Otherwise the class has a series of its own.
        const std::vector<std::int64_t>& rows = s.data->split(Split::TestUnseen);
        const auto onMap = std::count_if(rows.begin(), rows.end(), [&](std::int64_t r) {
            return s.data->labels[static_cast<std::size_t>(r)] == c && view.mapPoint(r);
        });
        QCOMPARE(view.frontPointCount(),
                 int(unseen.size()) > EmbeddingView::kMaxClassSeries ? int(onMap) : 0);
        legend->setFilter({});
        // A sample the subsample left out is added to the map when selected.
        const auto missing = std::find_if(rows.begin(), rows.end(),
                                          [&](std::int64_t r) { return !view.mapPoint(r); });
        if (classes < 1000) {
            QVERIFY(missing == rows.end()); // every sample fits on the map
            QVERIFY(view.selectSample(rows.front()));
        } else {
            QVERIFY(missing != rows.end());
            QVERIFY(view.selectSample(*missing));
            QVERIFY(shown.wait(60000));
            QVERIFY(view.mapPoint(*missing));
        }
        QVERIFY(view.selectionRing());
    }

private:
    static void classCounts()
    {
        QTest::addColumn<int>("classes");
        QTest::newRow("717 classes") << 717;
        QTest::newRow("20000 classes") << 20000;
    }

    std::map<int, Scale> m_scales;
};

QTEST_MAIN(TestViewsAtScale)
#include "tst_views_at_scale.moc"
