// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The exploration views inside the window: a model and its dataset opened from files reach all
// three, a sample picked in Predictions or Embedding opens in Query, and a dataset the model does
// not fit makes all three say why they are empty.
#include "app_settings.h"
#include "embedding/embedding_view.h"
#include "main_window.h"
#include "predictions/prediction_table_model.h"
#include "predictions/predictions_view.h"
#include "query/query_view.h"
#include "query/similarity_chart.h"
#include "trained_fixture.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/model_file/model_file.h>

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace semrel;
using namespace semrel::ui;

class TestExplorationTabs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_fixture = test::trainedFixture();
        writeModelFile(m_fixture.model->state(), m_dir.filePath("model.h5").toStdString());
        writeDatasetFile(*m_fixture.data, m_dir.filePath("data.h5").toStdString());
        m_settings = std::make_unique<AppSettings>(m_dir.filePath("settings.ini"));
        m_window = std::make_unique<MainWindow>(*m_settings);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void modelThenDatasetFillsTheThreeViews()
    {
        QSignalSpy model(m_window.get(), &MainWindow::modelOpened);
        m_window->openFile(m_dir.filePath("model.h5"));
        QVERIFY(model.wait(10000));
        QVERIFY(!m_window->queryView()->isEnabled()); // a model alone: nothing to explore yet
        QSignalSpy data(m_window.get(), &MainWindow::datasetOpened);
        QSignalSpy evaluated(m_window->predictionsView(), &PredictionsView::evaluationReady);
        m_window->openFile(m_dir.filePath("data.h5"));
        QVERIFY(data.wait(10000));
        QVERIFY(evaluated.count() > 0 || evaluated.wait(10000));
        QCOMPARE(m_window->predictionsView()->tableModel()->rowCount(),
                 static_cast<int>(2 * m_fixture.data->split(Split::TestUnseen).size() +
                                  m_fixture.data->split(Split::TestSeen).size()));
        QCOMPARE(m_window->queryView()->chart()->barCount(),
                 std::min<int>(30, static_cast<int>(m_fixture.data->classCount())));
        // The map is computed off the GUI thread too.
        QTRY_COMPARE(m_window->embeddingView()->classMarkerCount(),
                     static_cast<int>(m_fixture.data->unseenClasses().size()));
    }

    void doubleClickedPredictionOpensInQuery()
    {
        m_window->showView(MainWindow::PredictionsTab);
        QTableView* table = m_window->predictionsView()->table();
        const QModelIndex index = table->model()->index(4, 1);
        const qint64 sample = index.data(PredictionTableModel::SampleRole).toLongLong();
        const QPoint at = table->visualRect(index).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        const auto* tabs = m_window->findChild<QTabWidget*>(QStringLiteral("views"));
        QVERIFY(tabs);
        QCOMPARE(tabs->currentWidget(), m_window->queryView());
        QCOMPARE(m_window->queryView()->sample(), sample);
    }

    void sampleFromTheMapOpensInQuery()
    {
        m_window->showView(MainWindow::EmbeddingTab);
        const qint64 sample = m_fixture.data->split(Split::TestUnseen)[7];
        Q_EMIT m_window->embeddingView()->sampleActivated(sample);
        const auto* tabs = m_window->findChild<QTabWidget*>(QStringLiteral("views"));
        QCOMPARE(tabs->currentWidget(), m_window->queryView());
        QCOMPARE(m_window->queryView()->sample(), sample);
    }

    void datasetTheModelDoesNotFitMakesTheViewsSayWhy()
    {
        Dataset other = *m_fixture.data;
        const std::int64_t columns = other.embeddingDim() + 1;
        FloatMatrix embeddings(other.classCount(), columns);
        for (std::int64_t c = 0; c < other.classCount(); ++c)
            for (std::int64_t a = 0; a < columns; ++a)
                embeddings.at(c, a) = a < other.embeddingDim() ? other.classEmbeddings.at(c, a) : 1;
        other.classEmbeddings = embeddings;
        writeDatasetFile(other, m_dir.filePath("wider.h5").toStdString());

        QSignalSpy data(m_window.get(), &MainWindow::datasetOpened);
        m_window->openFile(m_dir.filePath("wider.h5"));
        QVERIFY(data.wait(10000));
        const QString reason = QStringLiteral("wider.h5: '/classes/embeddings' has %1 columns, the "
                                              "model expects %2")
                                   .arg(columns)
                                   .arg(columns - 1);
        const auto* summary =
            m_window->predictionsView()->findChild<QLabel*>(QStringLiteral("predictionsSummary"));
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(reason), qPrintable(summary->text()));
        QCOMPARE(m_window->predictionsView()->tableModel()->rowCount(), 0);
        QVERIFY(!m_window->queryView()->isEnabled());
        const QString queryText = m_window->queryView()->chart()->placeholderText();
        QVERIFY2(queryText.contains(reason), qPrintable(queryText));
        const QString mapTitle = m_window->embeddingView()->chartView()->chart()->title();
        QVERIFY2(mapTitle.contains(reason), qPrintable(mapTitle));
        QCOMPARE(m_window->embeddingView()->classMarkerCount(), 0);
    }

private:
    QTemporaryDir m_dir;
    test::TrainedFixture m_fixture;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestExplorationTabs)
#include "tst_exploration_tabs.moc"
