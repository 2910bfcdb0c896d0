// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "dataset/attribute_heat_map.h"
#include "dataset/class_neighbours_view.h"
#include "dataset/class_table_model.h"
#include "dataset/dataset_view.h"
#include "dataset/relation_matrix_view.h"

#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/method/dataset_relations.h>

#include <QListWidget>
#include <QSlider>
#include <QSplitter>
#include <QTableView>
#include <QTest>

using namespace semrel;
using namespace semrel::ui;

class TestDatasetView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void fillsTheClassTableWithRolesAndCountsPerSplit();
    void drawsOneHeatMapCellPerClassAndAttribute();
    void relationMatrixFollowsTheTauSlider();
    void selectingAClassShowsItsMostSimilarAndDissimilarClasses();
    void clickingAHeatMapRowSelectsThatClass();
    void clearsWhenTheDatasetGoesAway();
    void remembersSplitterPositions();

private:
    std::shared_ptr<const Dataset> m_data;
};

void TestDatasetView::init()
{
    SyntheticSpec spec;
    spec.classCount = 10;
    spec.unseenClassCount = 3;
    spec.valClassCount = 2;
    spec.samplesPerClass = 10;
    spec.featureDim = 8;
    spec.embeddingDim = 6;
    spec.seed = 3;
    m_data = std::make_shared<const Dataset>(makeSyntheticDataset(spec));
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

void TestDatasetView::drawsOneHeatMapCellPerClassAndAttribute()
{
    DatasetView view;
    view.setDataset(m_data);
    const QImage& image = view.heatMap()->image();
    QCOMPARE(image.width(), 6);
    QCOMPARE(image.height(), 10);
    // Per attribute, the class with the highest value is drawn darker than the one with the
    // lowest.
    for (int a = 0; a < 6; ++a) {
        int low = 0;
        int high = 0;
        for (int c = 1; c < 10; ++c) {
            if (m_data->classEmbeddings.at(c, a) < m_data->classEmbeddings.at(low, a))
                low = c;
            if (m_data->classEmbeddings.at(c, a) > m_data->classEmbeddings.at(high, a))
                high = c;
        }
        QVERIFY(qGray(image.pixel(a, high)) < qGray(image.pixel(a, low)));
    }
}

void TestDatasetView::relationMatrixFollowsTheTauSlider()
{
    DatasetView view;
    view.show();
    view.setDataset(m_data);
    auto* slider = view.findChild<QSlider*>(QStringLiteral("tauSlider"));
    QVERIFY(slider);

    for (double tau : {-0.5, 0.3, 0.9}) {
        slider->setValue(static_cast<int>(tau * 100));
        QTRY_VERIFY(view.relationMatrix()->relations() &&
                    qFuzzyCompare(view.relationMatrix()->relations()->tau(), tau));
        const SemanticRelations expected = datasetRelations(*m_data, tau);
        const QImage& image = view.relationMatrix()->image();
        QCOMPARE(image.size(), QSize(10, 10));
        int similar = 0;
        for (int r = 0; r < 10; ++r) {
            for (int m = 0; m < 10; ++m) {
                const Relation relation = expected.relation(m, r);
                similar += relation == Relation::Similar;
                QCOMPARE(QColor(image.pixel(m, r)), RelationMatrixView::relationColor(relation));
            }
        }
        qInfo("tau %.1f: %d similar pairs", tau, similar);
    }
}

void TestDatasetView::selectingAClassShowsItsMostSimilarAndDissimilarClasses()
{
    DatasetView view;
    view.setDataset(m_data);
    view.selectClass(4);
    QCOMPARE(view.selectedClass(), 4);
    const SemanticRelations relations = datasetRelations(*m_data, view.tau());
    const std::vector<std::int32_t> order = classesBySimilarity(relations, 4);
    QCOMPARE(int(order.size()), 9);
    QVERIFY(relations.delta(order.front(), 4) >= relations.delta(order.back(), 4));

    const QListWidget* similar = view.neighbours()->similarList();
    const QListWidget* dissimilar = view.neighbours()->dissimilarList();
    // 9 other classes: the 5 most similar and the 4 least, no class in both lists.
    QCOMPARE(similar->count(), 5);
    QCOMPARE(dissimilar->count(), 4);
    QCOMPARE(similar->item(4)->data(Qt::UserRole).toInt(), order[4]);
    QCOMPARE(dissimilar->item(3)->data(Qt::UserRole).toInt(), order[5]);
    QCOMPARE(similar->item(0)->data(Qt::UserRole).toInt(), order.front());
    QCOMPARE(dissimilar->item(0)->data(Qt::UserRole).toInt(), order.back());
    QVERIFY(similar->item(0)->text().startsWith(
        QString::fromStdString(m_data->classNames[order.front()])));

    // The table follows a selection made elsewhere.
    auto* table = view.findChild<QTableView*>(QStringLiteral("classTable"));
    QVERIFY(table);
    QCOMPARE(table->currentIndex().data(ClassTableModel::kClassIndexRole).toInt(), 4);
}

void TestDatasetView::clickingAHeatMapRowSelectsThatClass()
{
    DatasetView view;
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setDataset(m_data);
    auto* heatMap = const_cast<AttributeHeatMap*>(view.heatMap());
    // Row 7 of 10: a point 75 % of the way down.
    const QPoint point(heatMap->width() / 2, heatMap->height() * 3 / 4);
    QTest::mouseClick(heatMap, Qt::LeftButton, {}, point);
    QCOMPARE(view.selectedClass(), 7);
    QCOMPARE(view.relationMatrix()->selectedRow(), 7);
}

void TestDatasetView::clearsWhenTheDatasetGoesAway()
{
    DatasetView view;
    view.setDataset(m_data);
    view.setDataset(nullptr);
    QCOMPARE(view.classModel()->rowCount(), 0);
    QVERIFY(!view.relationMatrix()->relations());
    QCOMPARE(view.neighbours()->similarList()->count(), 0);
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

QTEST_MAIN(TestDatasetView)
#include "tst_dataset_view.moc"
