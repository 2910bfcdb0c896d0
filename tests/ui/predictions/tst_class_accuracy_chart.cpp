// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/class_accuracy_chart.h"

#include <QTest>

#include <cmath>
#include <memory>
#include <numeric>

using namespace semrel;
using namespace semrel::ui;

class TestClassAccuracyChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        constexpr int kClasses = 200;
        auto bars = std::make_shared<std::vector<ClassBar>>();
        auto order = std::make_shared<std::vector<std::int32_t>>(kClasses);
        auto names = std::make_shared<QStringList>();
        std::iota(order->begin(), order->end(), 0);
        for (int c = 0; c < kClasses; ++c) {
            bars->push_back({c, double(c % 10) / 10.0, 5, c % 2 == 0});
            names->append(QStringLiteral("class %1").arg(c));
        }
        m_chart = std::make_unique<ClassAccuracyChart>();
        m_chart->resize(600, 300);
        m_chart->setBars(bars, order, names, QStringLiteral("bars"));
        m_chart->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_chart.get()));
        QVERIFY(m_chart->axis().isFitted());
    }

    void cleanup() { m_chart.reset(); }

    // + and = zoom in 2x, - out, 0 and Home fit.
    void keysZoomAndFit()
    {
        const double span = m_chart->axis().span();
        QTest::keyClick(m_chart.get(), Qt::Key_Plus);
        QCOMPARE(m_chart->axis().span(), span / 2);
        QTest::keyClick(m_chart.get(), Qt::Key_Equal);
        QCOMPARE(m_chart->axis().span(), span / 4);
        QTest::keyClick(m_chart.get(), Qt::Key_Minus);
        QCOMPARE(m_chart->axis().span(), span / 2);
        QTest::keyClick(m_chart.get(), Qt::Key_0);
        QVERIFY(m_chart->axis().isFitted());
        QTest::keyClick(m_chart.get(), Qt::Key_Plus);
        QVERIFY(!m_chart->axis().isFitted());
        QTest::keyClick(m_chart.get(), Qt::Key_Home);
        QVERIFY(m_chart->axis().isFitted());
    }

    // The left and right arrows pan a quarter of the plot; up and down do nothing to the bars.
    void arrowsPanAlongTheClasses()
    {
        QTest::keyClick(m_chart.get(), Qt::Key_Plus);
        QTest::keyClick(m_chart.get(), Qt::Key_Plus);
        const double first = m_chart->axis().first();
        const double quarter = m_chart->axis().span() / 4;
        QTest::keyClick(m_chart.get(), Qt::Key_Right);
        QVERIFY(std::abs(m_chart->axis().first() - (first + quarter)) < 1e-9);
        QTest::keyClick(m_chart.get(), Qt::Key_Down);
        QTest::keyClick(m_chart.get(), Qt::Key_Up);
        QVERIFY(std::abs(m_chart->axis().first() - (first + quarter)) < 1e-9);
        QTest::keyClick(m_chart.get(), Qt::Key_Left);
        QVERIFY(std::abs(m_chart->axis().first() - first) < 1e-9);
    }

private:
    std::unique_ptr<ClassAccuracyChart> m_chart;
};

QTEST_MAIN(TestClassAccuracyChart)
#include "tst_class_accuracy_chart.moc"
