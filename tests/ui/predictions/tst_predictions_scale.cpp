// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "planted_evaluation.h"
#include "predictions/class_accuracy_chart.h"
#include "predictions/confusion_matrix_source.h"
#include "predictions/confusion_panel.h"
#include "predictions/prediction_filter.h"
#include "predictions/prediction_table_model.h"
#include "predictions/predictions_view.h"
#include "zoom/matrix_view.h"

#include <semrel/exploration/matrix_order.h>

#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>
#include <cmath>

using namespace semrel;
using namespace semrel::ui;

namespace {

// Shows a planted evaluation (tests/ui/planted_evaluation.h) at the window's default size and
// waits for its charts and the matrix's first bins.
bool showAndWait(PredictionsView& view, const test::PlantedEvaluation& planted)
{
    view.resize(1270, 700);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        return false;
    QSignalSpy ready(&view, &PredictionsView::evaluationReady);
    view.setEvaluation(planted.result, planted.data);
    if (!ready.wait(30000))
        return false;
    return QTest::qWaitFor([&] { return view.confusion()->matrix()->isUpToDate(); }, 10000);
}

QString nameOf(const test::PlantedEvaluation& planted, std::int32_t c)
{
    return QString::fromStdString(planted.data->classNames[static_cast<std::size_t>(c)]);
}

bool contains(const std::vector<std::int64_t>& positions, std::int64_t p)
{
    return std::find(positions.begin(), positions.end(), p) != positions.end();
}

// The planted confusions come out on top of the list beside the matrix: both samples of the
// first three unseen classes were taken for unseen class 10.
void checkTopPairs(PredictionsView& view, const test::PlantedEvaluation& planted)
{
    const auto& unseen = planted.result->unseenClasses;
    QTreeWidget* pairs = view.confusion()->pairsList();
    QVERIFY(pairs->topLevelItemCount() > 3);
    for (int i = 0; i < 3; ++i) {
        const QTreeWidgetItem* item = pairs->topLevelItem(i);
        QCOMPARE(item->text(ConfusionPanel::TrueColumn), nameOf(planted, unseen[std::size_t(i)]));
        QCOMPARE(item->text(ConfusionPanel::PredictedColumn), nameOf(planted, unseen[10]));
        QCOMPARE(item->text(ConfusionPanel::SamplesColumn), QStringLiteral("2"));
        QCOMPARE(item->text(ConfusionPanel::ShareColumn), QStringLiteral("100%"));
    }
    QCOMPARE(pairs->topLevelItem(3)->text(ConfusionPanel::SamplesColumn), QStringLiteral("1"));
}

// Clicking a pair lists its samples and zooms the matrix in to its cell, with names on the rows
// and columns around it; hovering the cell reports that very pair.
void checkPairZoomsToItsCell(PredictionsView& view, const test::PlantedEvaluation& planted)
{
    const auto& unseen = planted.result->unseenClasses;
    QTreeWidget* pairs = view.confusion()->pairsList();
    const QRect itemRect = pairs->visualItemRect(pairs->topLevelItem(1));
    QTest::mouseClick(pairs->viewport(), Qt::LeftButton, {}, itemRect.center());
    QCOMPARE(view.filter()->trueClass(), unseen[1]);
    QCOMPARE(view.filter()->predictedClass(), unseen[10]);
    QCOMPARE(view.filter()->rowCount(), 2);

    MatrixView* matrix = view.confusion()->matrix();
    QTRY_VERIFY(matrix->isUpToDate());
    QCOMPARE(matrix->bins().rows.stride, 1);
    QCOMPARE(matrix->bins().columns.stride, 1);
    const std::int64_t row = view.confusion()->positionOf(unseen[1]);
    const std::int64_t column = view.confusion()->positionOf(unseen[10]);
    QVERIFY(contains(matrix->labelledRows(), row));
    QVERIFY(contains(matrix->labelledColumns(), column));
    const QString tip = matrix->toolTipAt(matrix->cellCenter(row, column));
    QVERIFY2(tip.startsWith(QStringLiteral("true %1, predicted %2: 2 sample(s)")
                                .arg(nameOf(planted, unseen[1]), nameOf(planted, unseen[10]))),
             qPrintable(tip));
    // An empty cell beside it says so, not "0 sample(s)".
    const auto& source = static_cast<const ConfusionMatrixSource&>(*matrix->source());
    // A named column near the planted one, whose cell lies inside the grid.
    std::vector<std::int64_t> columns;
    for (const std::int64_t c : {column - 1, column + 1, column - 2, column + 2})
        if (contains(matrix->labelledColumns(), c) &&
            view.charts()->zsl.counts->count(unseen[1], source.classAt(c)) == 0)
            columns.push_back(c);
    const auto empty = columns.begin();
    QVERIFY(empty != columns.end());
    const QString emptyTip = matrix->toolTipAt(matrix->cellCenter(row, *empty));
    QCOMPARE(emptyTip,
             QStringLiteral("true %1, predicted %2: no samples")
                 .arg(nameOf(planted, unseen[1]), nameOf(planted, source.classAt(*empty))));
}

} // namespace

class TestPredictionsScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void at717ClassesTheConfusionsAreListedZoomedAndNamed();
    void at717ClassesBarsSortZoomAndName();
    void at717ClassesEveryTableColumnShowsAtTheDefaultSize();
    void at20000ClassesNothingIsClassByClass();
};

// SUN's size (717 classes, 72 unseen): fitted, the matrix draws bins of several cells whose
// hover names the largest real cells in them, never an empty one.
void TestPredictionsScale::at717ClassesTheConfusionsAreListedZoomedAndNamed()
{
    const test::PlantedEvaluation planted = test::plantedEvaluation(717, 72);
    PredictionsView view;
    QVERIFY(showAndWait(view, planted));
    view.setSetting(Setting::Gzsl);
    MatrixView* matrix = view.confusion()->matrix();
    QTRY_VERIFY(matrix->isUpToDate());
    QCOMPARE(matrix->source()->rowCount(), 717);
    QVERIFY(matrix->bins().rows.stride > 1); // 717 rows on fewer pixels: bins, not dust
    QVERIFY(matrix->bins().rows.stride * matrix->rowAxis().pixelsPerPosition() >= 1.0);
    // The classes sit in the similarity order of the core.
    const auto& source = static_cast<const ConfusionMatrixSource&>(*matrix->source());
    QCOMPARE(source.order(), *view.charts()->gzsl.classOrder(ConfusionOrder::BySimilarity));
    // The bin holding a planted confusion names it.
    const auto& unseen = planted.result->unseenClasses;
    const std::int64_t row = view.confusion()->positionOf(unseen[0]);
    const std::int64_t column = view.confusion()->positionOf(unseen[10]);
    const QString binTip = matrix->toolTipAt(matrix->cellCenter(row, column));
    QVERIFY2(binTip.contains(QStringLiteral("• true %1, predicted %2: 2 sample(s)")
                                 .arg(nameOf(planted, unseen[0]), nameOf(planted, unseen[10]))),
             qPrintable(binTip));

    view.setSetting(Setting::Zsl);
    checkTopPairs(view, planted);
    checkPairZoomsToItsCell(view, planted);
}

void TestPredictionsScale::at717ClassesBarsSortZoomAndName()
{
    const test::PlantedEvaluation planted = test::plantedEvaluation(717, 72);
    PredictionsView view;
    QVERIFY(showAndWait(view, planted));
    view.setSetting(Setting::Gzsl);
    ClassAccuracyChart* chart = view.accuracyChart();
    QCOMPARE(chart->barCount(), 717);
    QVERIFY(!chart->drawsSingleBars()); // 717 bars on fewer pixels: bins of a pixel or more
    for (int i = 1; i < chart->barCount(); ++i)
        QVERIFY(chart->barValue(i - 1) >= chart->barValue(i) || std::isnan(chart->barValue(i)));

    view.setBarOrder(BarOrder::Name);
    const auto& unseen = planted.result->unseenClasses;
    std::vector<std::int32_t> all = unseen;
    all.insert(all.end(), planted.result->seenClasses.begin(), planted.result->seenClasses.end());
    const std::vector<std::int32_t> byName = nameOrder(planted.data->classNames, all);
    for (int i = 0; i < chart->barCount(); ++i)
        QCOMPARE(chart->barClass(i), byName[std::size_t(i)]);

    // ZSL, lowest first: the three unseen classes whose samples all went elsewhere lead.
    view.setSetting(Setting::Zsl);
    view.setBarOrder(BarOrder::AccuracyLowFirst);
    QCOMPARE(chart->barCount(), 72);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(chart->barClass(i), unseen[std::size_t(i)]);
        QCOMPARE(chart->barValue(i), 0.0);
    }
    QVERIFY(chart->barValue(3) > 0.0);
    // Zoomed in, every bar on screen carries its name, and hovering names the class and its role.
    chart->showBar(1);
    QVERIFY(chart->drawsSingleBars());
    const auto labelled = chart->labelledBars();
    QVERIFY(!labelled.empty());
    for (int p = int(std::ceil(chart->axis().first())); p + 1 <= chart->axis().last(); ++p)
        QVERIFY2(contains(labelled, p), "a bar without its name");
    const QString tip = chart->toolTipAt(chart->barCenter(1));
    QVERIFY2(tip.startsWith(QStringLiteral("%1 (unseen): 0.0%").arg(nameOf(planted, unseen[1]))),
             qPrintable(tip));
}

// At the window's default size the table shows every column whole, with every header readable
// (the Outcome column was cut off), and the scores share one number of decimals.
void TestPredictionsScale::at717ClassesEveryTableColumnShowsAtTheDefaultSize()
{
    const test::PlantedEvaluation planted = test::plantedEvaluation(717, 72);
    PredictionsView view;
    QVERIFY(showAndWait(view, planted));
    view.setSetting(Setting::Gzsl);
    QTableView* table = view.table();
    QTest::qWait(0);
    const int viewport = table->viewport()->width();
    const QFontMetrics metrics(table->horizontalHeader()->font());
    for (int c = 0; c < table->model()->columnCount(); ++c) {
        const int right = table->columnViewportPosition(c) + table->columnWidth(c);
        QVERIFY2(right <= viewport,
                 qPrintable(
                     QStringLiteral("column %1 ends at %2 of %3").arg(c).arg(right).arg(viewport)));
        const QString header = table->model()->headerData(c, Qt::Horizontal).toString();
        QVERIFY2(table->columnWidth(c) >= metrics.horizontalAdvance(header), qPrintable(header));
    }
    for (int r = 0; r < std::min(50, table->model()->rowCount()); ++r) {
        const QString score =
            table->model()->index(r, PredictionTableModel::ScoreColumn).data().toString();
        QCOMPARE(score.size() - score.indexOf(QLatin1Char('.')) - 1,
                 PredictionTableModel::kScoreDecimals);
    }
}

// 20,000 classes (2,000 unseen): the counts are sparse (an entry per pair that occurs), the
// matrix and the bars are drawn per bin of at least a pixel, and zooming still reaches single,
// named cells and bars.
void TestPredictionsScale::at20000ClassesNothingIsClassByClass()
{
    const test::PlantedEvaluation planted = test::plantedEvaluation(20000, 2000);
    PredictionsView view;
    QVERIFY(showAndWait(view, planted));
    view.setSetting(Setting::Gzsl);
    const ConfusionCounts& counts = *view.charts()->gzsl.counts;
    QVERIFY(counts.entryCount() <= std::int64_t(planted.result->gzslPredictions.size()));
    MatrixView* matrix = view.confusion()->matrix();
    QTRY_VERIFY(matrix->isUpToDate());
    const MatrixBins& bins = matrix->bins();
    QCOMPARE(bins.rows.end, 20000);
    QVERIFY(double(bins.rows.count()) <= matrix->gridRect().height() + 2);
    QVERIFY(double(bins.columns.count()) <= matrix->gridRect().width() + 2);
    QCOMPARE(bins.values.size(), std::size_t(bins.rows.count() * bins.columns.count()));

    ClassAccuracyChart* chart = view.accuracyChart();
    QCOMPARE(chart->barCount(), 20000);
    QVERIFY(!chart->drawsSingleBars());
    chart->showBar(12345);
    QVERIFY(chart->drawsSingleBars());
    QVERIFY(contains(chart->labelledBars(), 12345));

    view.setSetting(Setting::Zsl);
    checkTopPairs(view, planted);
    checkPairZoomsToItsCell(view, planted);
}

QTEST_MAIN(TestPredictionsScale)
#include "tst_predictions_scale.moc"
