// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "dataset/class_neighbours_view.h"
#include "dataset/class_table_model.h"
#include "dataset/dataset_matrix_sources.h"
#include "dataset/dataset_view.h"
#include "zoom/matrix_view.h"

#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/exploration/matrix_order.h>
#include <semrel/method/dataset_relations.h>

#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QSplitter>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>
#include <cmath>

using namespace semrel;
using namespace semrel::ui;

namespace {

std::shared_ptr<const Dataset> dataset(int classes, int unseen, int attributes)
{
    SyntheticSpec spec;
    spec.classCount = classes;
    spec.unseenClassCount = unseen;
    spec.valClassCount = std::max(2, classes / 10);
    spec.samplesPerClass = classes > 1000 ? 2 : 10;
    spec.testSeenFraction = 0.5;
    spec.featureDim = 8;
    spec.embeddingDim = attributes;
    spec.seed = 3;
    auto data = std::make_shared<Dataset>(makeSyntheticDataset(spec));
    // Names as long as SUN's ("archaeological_excavation"): the table must still fit.
    for (std::size_t c = 0; c < data->classNames.size(); ++c)
        data->classNames[c] = "archaeological excavation " + std::to_string(c);
    return data;
}

// Shows `data` in `view` and waits for its matrices and their first bins.
bool showAndWait(DatasetView& view, std::shared_ptr<const Dataset> data)
{
    QSignalSpy ready(&view, &DatasetView::matricesReady);
    view.setDataset(std::move(data));
    if (!ready.wait(20000))
        return false;
    return QTest::qWaitFor(
        [&] { return view.heatMap()->isUpToDate() && view.relationMatrix()->isUpToDate(); }, 10000);
}

const RelationMatrixSource& relationSource(const DatasetView& view)
{
    return static_cast<const RelationMatrixSource&>(*view.relationMatrix()->source());
}

} // namespace

class TestDatasetView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void fillsTheClassTableWithRolesAndCountsPerSplit();
    void saysWhatTuningLeavesOutOfTrainAndVal();
    void classTableShowsEveryColumnAtTheDefaultSize();
    void heatMapCellsAreTheShadesOfTheirClassAndAttribute();
    void relationCellsFollowTheTauSlider();
    void selectingAClassShowsItsNeighboursWithTheirDelta();
    void clickingAHeatMapCellSelectsItsClass();
    void clearsWhenTheDatasetGoesAway();
    void remembersSplitterPositions();
    void at717ClassesSimilarClassesSitTogetherAndZoomToNamedCells();
    void at20000ClassesTheMatricesHoldOnlyTheirBins();

private:
    std::shared_ptr<const Dataset> m_data;
};

void TestDatasetView::init()
{
    m_data = dataset(10, 3, 6);
}

void TestDatasetView::fillsTheClassTableWithRolesAndCountsPerSplit()
{
    DatasetView view;
    view.setDataset(m_data);
    const ClassTableModel* model = view.classModel();
    QCOMPARE(model->rowCount(), 10);
    QCOMPARE(model->columnCount(), 2 + 5);

    const auto unseen = m_data->unseenClasses();
    const auto validation = m_data->classesIn(Split::Val);
    QCOMPARE(int(unseen.size()), 3);
    QCOMPARE(int(validation.size()), 2);
    for (std::int32_t c : unseen)
        QCOMPARE(model->index(c, ClassTableModel::RoleColumn).data().toString(),
                 QStringLiteral("unseen"));
    for (std::int32_t c : validation)
        QCOMPARE(model->index(c, ClassTableModel::RoleColumn).data().toString(),
                 QStringLiteral("validation"));
    int seen = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->index(row, ClassTableModel::NameColumn).data().toString(),
                 QString::fromStdString(m_data->classNames[row]));
        seen += model->index(row, ClassTableModel::RoleColumn).data().toString() ==
                QLatin1String("seen");
        for (int s = 0; s < 5; ++s) {
            const auto expected = m_data->samplesPerClass(kAllSplits[s])[row];
            QCOMPARE(model->index(row, ClassTableModel::FirstSplitColumn + s).data().toLongLong(),
                     static_cast<qlonglong>(expected));
        }
    }
    QCOMPARE(seen, 10 - 3 - 2);
    // Out-of-range requests are answered with nothing rather than a crash.
    QVERIFY(!model->data(model->index(10, 0)).isValid());
    QVERIFY(!model->data(model->index(0, 99)).isValid());
}

// xlsa17's train_loc of AWA2 or SUN also holds test_seen samples: the view says that tuning leaves
// them out, beside the per-split counts; for a dataset without any it says nothing.
void TestDatasetView::saysWhatTuningLeavesOutOfTrainAndVal()
{
    DatasetView view;
    view.setDataset(m_data);
    QLabel* note = view.tuningSplitsNoteLabel();
    QVERIFY(note->isHidden());

    auto raw = std::make_shared<Dataset>(*m_data);
    const std::vector<std::int32_t> trainClasses = raw->classesIn(Split::Train);
    int added = 0;
    for (std::int64_t i : raw->split(Split::TestSeen))
        if (added < 3 && std::binary_search(trainClasses.begin(), trainClasses.end(),
                                            raw->labels[static_cast<std::size_t>(i)])) {
            raw->split(Split::Train).push_back(i);
            ++added;
        }
    QCOMPARE(added, 3);
    const auto train = static_cast<qlonglong>(raw->split(Split::Train).size());
    view.setDataset(raw);
    QVERIFY(!note->isHidden());
    QVERIFY2(note->text().contains(QStringLiteral("3 of train's %1, 0 of val's").arg(train)),
             qPrintable(note->text()));
    QVERIFY(note->text().contains(QStringLiteral("trainval samples only")));

    view.setDataset(nullptr);
    QVERIFY(note->isHidden());
}

// At the window's default size (1280 x 800, the view about 1270 x 700) every column of the class
// table is in view and wide enough for its header, however long the class names.
void TestDatasetView::classTableShowsEveryColumnAtTheDefaultSize()
{
    DatasetView view;
    view.resize(1270, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDataset(dataset(717, 72, 102));
    auto* table = view.findChild<QTableView*>(QStringLiteral("classTable"));
    QVERIFY(table);
    QTest::qWait(0);
    const int viewport = table->viewport()->width();
    const QFontMetrics metrics(table->horizontalHeader()->font());
    for (int c = 0; c < view.classModel()->columnCount(); ++c) {
        const int right = table->columnViewportPosition(c) + table->columnWidth(c);
        QVERIFY2(right <= viewport,
                 qPrintable(
                     QStringLiteral("column %1 ends at %2 of %3").arg(c).arg(right).arg(viewport)));
        if (c == ClassTableModel::NameColumn)
            continue; // elided when long
        const QString header = view.classModel()->headerData(c, Qt::Horizontal).toString();
        for (const QString& line : header.split(QLatin1Char('\n')))
            QVERIFY2(table->columnWidth(c) >= metrics.horizontalAdvance(line), qPrintable(line));
    }
    QString widths;
    for (int c = 0; c < view.classModel()->columnCount(); ++c)
        widths += QString::number(table->columnWidth(c)) + QLatin1Char(' ');
    QVERIFY2(table->columnWidth(ClassTableModel::NameColumn) >= 100, qPrintable(widths));
}

void TestDatasetView::heatMapCellsAreTheShadesOfTheirClassAndAttribute()
{
    DatasetView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(showAndWait(view, m_data));
    const MatrixBins& bins = view.heatMap()->bins();
    QCOMPARE(bins.rows.count(), 10);
    QCOMPARE(bins.columns.count(), 6);
    const auto& source = static_cast<const AttributeMatrixSource&>(*view.heatMap()->source());
    // Per attribute, the class with the highest value has the highest shade (1), the lowest 0.
    for (std::int64_t j = 0; j < 6; ++j) {
        const std::int32_t a = source.attributeOrder()[std::size_t(j)];
        for (std::int64_t i = 0; i < 10; ++i) {
            const std::int32_t c = source.classOrder()[std::size_t(i)];
            float low = m_data->classEmbeddings.at(0, a);
            float high = low;
            for (int k = 1; k < 10; ++k) {
                low = std::min(low, m_data->classEmbeddings.at(k, a));
                high = std::max(high, m_data->classEmbeddings.at(k, a));
            }
            const float expected = (m_data->classEmbeddings.at(c, a) - low) / (high - low);
            QVERIFY(std::abs(bins.at(i, j) - expected) < 1e-5f);
        }
    }
    // Hovering a cell names its class and attribute.
    const std::int32_t c = source.classOrder()[4];
    const std::int32_t a = source.attributeOrder()[2];
    QVERIFY(view.heatMap()
                ->toolTipAt(view.heatMap()->cellCenter(4, 2))
                .startsWith(QStringLiteral("%1, attribute %2:")
                                .arg(QString::fromStdString(m_data->classNames[c]))
                                .arg(a + 1)));
}

void TestDatasetView::relationCellsFollowTheTauSlider()
{
    DatasetView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(showAndWait(view, m_data));
    auto* slider = view.findChild<QSlider*>(QStringLiteral("tauSlider"));
    QVERIFY(slider);
    for (double tau : {-0.5, 0.3, 0.9}) {
        slider->setValue(static_cast<int>(std::lround(tau * 100)));
        QTRY_VERIFY(qFuzzyCompare(relationSource(view).tau(), tau) &&
                    view.relationMatrix()->isUpToDate());
        const SemanticRelations expected = datasetRelations(*m_data, tau);
        const Order& order = relationSource(view).order();
        const MatrixBins& bins = view.relationMatrix()->bins();
        QCOMPARE(bins.rows.count(), 10);
        for (std::int64_t i = 0; i < 10; ++i) {
            for (std::int64_t j = 0; j < 10; ++j) {
                const Relation r = expected.relation(order[std::size_t(j)], order[std::size_t(i)]);
                const QRgb shown = relationSource(view).color(bins.at(i, j));
                QCOMPARE(QColor(shown), RelationMatrixSource::relationColor(r));
            }
        }
    }
}

void TestDatasetView::selectingAClassShowsItsNeighboursWithTheirDelta()
{
    DatasetView view;
    view.resize(1270, 700);
    view.show();
    QVERIFY(showAndWait(view, m_data));
    view.selectClass(4);
    QCOMPARE(view.selectedClass(), 4);
    const SemanticRelations relations = datasetRelations(*m_data, view.tau());
    const std::vector<std::int32_t> order = classesBySimilarity(relations, 4);

    const QTreeWidget* similar = view.neighbours()->similarList();
    const QTreeWidget* dissimilar = view.neighbours()->dissimilarList();
    // 9 other classes: the 5 most similar and the 4 least, no class in both lists.
    QCOMPARE(similar->topLevelItemCount(), 5);
    QCOMPARE(dissimilar->topLevelItemCount(), 4);
    const auto classOf = [](const QTreeWidget* list, int row) {
        return list->topLevelItem(row)
            ->data(ClassNeighboursView::ClassColumn, Qt::UserRole)
            .toInt();
    };
    QCOMPARE(classOf(similar, 0), order.front());
    QCOMPARE(classOf(similar, 4), order[4]);
    QCOMPARE(classOf(dissimilar, 0), order.back());
    QCOMPARE(classOf(dissimilar, 3), order[5]);
    // δ is a column of its own, as wide as its numbers: never cut off by a long name.
    for (const QTreeWidget* list : {similar, dissimilar})
        for (int row = 0; row < list->topLevelItemCount(); ++row) {
            const QString delta = list->topLevelItem(row)->text(ClassNeighboursView::DeltaColumn);
            QCOMPARE(delta.toDouble(),
                     std::round(1000.0 * relations.delta(classOf(list, row), 4)) / 1000.0);
            QVERIFY(list->columnWidth(ClassNeighboursView::DeltaColumn) >=
                    list->fontMetrics().horizontalAdvance(delta));
            const int right =
                list->header()->sectionViewportPosition(ClassNeighboursView::DeltaColumn) +
                list->columnWidth(ClassNeighboursView::DeltaColumn);
            QVERIFY(right <= list->viewport()->width());
        }
    // Where the class sits in the matrices' order, its diagonal cell is the class itself.
    const std::int64_t position =
        std::find(relationSource(view).order().begin(), relationSource(view).order().end(), 4) -
        relationSource(view).order().begin();
    const QString name = QString::fromStdString(m_data->classNames[4]);
    QCOMPARE(
        view.relationMatrix()->toolTipAt(view.relationMatrix()->cellCenter(position, position)),
        QStringLiteral("%1 to %1: δ = 1.000, identical").arg(name));
    auto* table = view.findChild<QTableView*>(QStringLiteral("classTable"));
    QCOMPARE(table->currentIndex().data(ClassTableModel::kClassIndexRole).toInt(), 4);
}

void TestDatasetView::clickingAHeatMapCellSelectsItsClass()
{
    DatasetView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(showAndWait(view, m_data));
    MatrixView* heatMap = view.heatMap();
    QSignalSpy clicked(heatMap, &MatrixView::cellClicked);
    QTest::mouseClick(heatMap, Qt::LeftButton, {}, heatMap->cellCenter(7, 3));
    QCOMPARE(clicked.count(), 1);
    const auto& source = static_cast<const AttributeMatrixSource&>(*heatMap->source());
    QCOMPARE(view.selectedClass(), source.classOrder()[7]);
}

void TestDatasetView::clearsWhenTheDatasetGoesAway()
{
    DatasetView view;
    QVERIFY(showAndWait(view, m_data));
    view.setDataset(nullptr);
    QCOMPARE(view.classModel()->rowCount(), 0);
    QVERIFY(!view.relationMatrix()->source());
    QVERIFY(!view.matrices());
    QCOMPARE(view.neighbours()->similarList()->topLevelItemCount(), 0);
}

void TestDatasetView::remembersSplitterPositions()
{
    QByteArray layout;
    int classesWidth = 0;
    {
        DatasetView view;
        view.resize(1000, 700);
        view.show();
        auto* splitter = view.findChild<QSplitter*>(QStringLiteral("datasetSplitter"));
        QVERIFY(splitter);
        splitter->setSizes({200, 800});
        classesWidth = splitter->sizes().first(); // what the splitter made of it
        QVERIFY(classesWidth < 300);
        layout = view.saveLayout();
    }
    DatasetView view;
    view.resize(1000, 700);
    view.show();
    view.restoreLayout(layout);
    QCOMPARE(view.findChild<QSplitter*>(QStringLiteral("datasetSplitter"))->sizes().first(),
             classesWidth);
    view.restoreLayout(QByteArray("garbage")); // ignored, no crash
}

// SUN's size: the matrices order classes by similarity (the core's order), and zooming in
// reaches cells with a name on every row; hovering one reports that very pair.
void TestDatasetView::at717ClassesSimilarClassesSitTogetherAndZoomToNamedCells()
{
    const auto data = dataset(717, 72, 102);
    DatasetView view;
    view.resize(1270, 700);
    view.show();
    QVERIFY(showAndWait(view, data));
    QCOMPARE(view.classOrder(), ClassOrder::BySimilarity);
    QCOMPARE(relationSource(view).order(), similarityOrder(view.matrices()->deltas->unitRows()));
    const auto& heat = static_cast<const AttributeMatrixSource&>(*view.heatMap()->source());
    QCOMPARE(heat.classOrder(), relationSource(view).order());
    // Fitted, bins aggregate several classes: no cell thinner than a pixel is drawn.
    MatrixView* matrix = view.relationMatrix();
    QVERIFY(matrix->bins().rows.stride > 1);
    QVERIFY(matrix->bins().rows.stride * matrix->rowAxis().pixelsPerPosition() >= 1.0);

    matrix->showCell(300, 310);
    QTRY_VERIFY(matrix->isUpToDate());
    QCOMPARE(matrix->bins().rows.stride, 1);
    const auto rows = matrix->labelledRows();
    QVERIFY(!rows.empty());
    for (std::int64_t p = std::int64_t(std::ceil(matrix->rowAxis().first()));
         p + 1 <= matrix->rowAxis().last(); ++p)
        QVERIFY2(std::find(rows.begin(), rows.end(), p) != rows.end(), "a row without its name");
    const Order& order = relationSource(view).order();
    const std::int32_t r = order[300];
    const std::int32_t m = order[310];
    const QString tip = matrix->toolTipAt(matrix->cellCenter(300, 310));
    QVERIFY2(tip.startsWith(QStringLiteral("%1 to %2: δ = %3")
                                .arg(QString::fromStdString(data->classNames[m]),
                                     QString::fromStdString(data->classNames[r]))
                                .arg(double(view.matrices()->deltas->delta(m, r)), 0, 'f', 3)),
             qPrintable(tip));

    view.setClassOrder(ClassOrder::ByName);
    QCOMPARE(relationSource(view).order(), nameOrder(data->classNames, *view.matrices()->asGiven));
}

// 20,000 classes: the view prepares in the background, draws bins of at least a pixel whose
// aggregates read a bounded number of cells (never C x C), and still reaches single cells.
void TestDatasetView::at20000ClassesTheMatricesHoldOnlyTheirBins()
{
    const auto data = dataset(20000, 2000, 102);
    DatasetView view;
    view.resize(1270, 700);
    view.show();
    QVERIFY(showAndWait(view, data));
    for (MatrixView* matrix : {view.heatMap(), view.relationMatrix()}) {
        const MatrixBins& bins = matrix->bins();
        const QRectF grid = matrix->gridRect();
        QCOMPARE(bins.rows.end, 20000);
        QVERIFY(double(bins.rows.count()) <= grid.height() + 2);
        QVERIFY(double(bins.columns.count()) <= grid.width() + 2);
        QVERIFY(bins.cellsRead <= kDefaultCellBudget);
    }
    QVERIFY(view.relationMatrix()->bins().sampled);
    // The neighbours are the true top ones among all 20,000.
    view.selectClass(12345);
    const std::vector<float> deltas = view.matrices()->deltas->deltasTo(12345);
    float best = -2.0f;
    for (std::size_t m = 0; m < deltas.size(); ++m)
        if (m != 12345)
            best = std::max(best, deltas[m]);
    QCOMPARE(view.neighbours()
                 ->similarList()
                 ->topLevelItem(0)
                 ->text(ClassNeighboursView::DeltaColumn)
                 .toDouble(),
             std::round(1000.0 * best) / 1000.0);
    MatrixView* matrix = view.relationMatrix();
    matrix->showCell(15000, 15000);
    QTRY_VERIFY(matrix->isUpToDate());
    QVERIFY(!matrix->bins().sampled);
    QCOMPARE(matrix->bins().rows.stride, 1);
    QVERIFY(!matrix->labelledRows().empty());
}

QTEST_MAIN(TestDatasetView)
#include "tst_dataset_view.moc"
