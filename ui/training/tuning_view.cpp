// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/tuning_view.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace semrel::ui {

namespace {

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

QString percent(double fraction)
{
    return std::isnan(fraction) ? QStringLiteral("–") : QString::number(100.0 * fraction, 'f', 1);
}

} // namespace

TuningView::TuningView(QWidget* parent)
    : QWidget(parent), m_table(new QTableWidget(this)),
      m_chartView(new QChartView(new QChart, this)), m_summary(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("tuningTable"));
    m_table->setColumnCount(TimeColumn + 1);
    m_table->setHorizontalHeaderLabels({tr("Point"), tr("τ"), tr("λ1"), tr("λ2"), tr("Attributes"),
                                        tr("Validation ZSL %"), tr("Time")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setMinimumSectionSize(
        fontMetrics().horizontalAdvance(QStringLiteral("00.000")));
    m_table->setWordWrap(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->chart()->setAnimationOptions(QChart::NoAnimation);
    m_chartView->chart()->legend()->hide();
    m_chartView->setMinimumHeight(220);
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Tune chooses τ, λ1 and λ2 (and, when asked, the attribute statistics) "
                          "on the validation split: every point of a grid is trained on train "
                          "and scored on val, then the best is trained on trainval."));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chartView);
    splitter->addWidget(m_table);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
}

void TuningView::start(const std::vector<TuningPoint>& grid, int epochsPerPoint)
{
    m_chosen = -1;
    m_table->setRowCount(static_cast<int>(grid.size()));
    QStringList categories;
    for (int row = 0; row < static_cast<int>(grid.size()); ++row) {
        const TuningPoint& p = grid[static_cast<std::size_t>(row)];
        m_table->setItem(row, PointColumn, cell(QString::number(row + 1)));
        m_table->setItem(row, TauColumn, cell(QString::number(p.tau)));
        m_table->setItem(row, Lambda1Column, cell(QString::number(p.lambda1)));
        m_table->setItem(row, Lambda2Column, cell(QString::number(p.lambda2)));
        m_table->setItem(row, AttributesColumn,
                         cell(QString::fromUtf8(attributeStatsName(p.attributeStats))));
        m_table->setItem(row, AccuracyColumn, cell(tr("…")));
        m_table->setItem(row, TimeColumn, cell(QString()));
        categories << QString::number(row + 1);
    }
    m_table->resizeColumnsToContents();

    QChart* chart = m_chartView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    auto* series = new QBarSeries;
    m_bars = new QBarSet(tr("validation ZSL accuracy"));
    m_bars->setColor(QColor(0x45, 0x72, 0xb5));
    m_bars->setSelectedColor(QColor(0x2e, 0x9e, 0x4f));
    for (int i = 0; i < static_cast<int>(grid.size()); ++i)
        m_bars->append(0.0);
    series->append(m_bars);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(3);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(tr("grid point (see the table)"));
    auto* y = new QValueAxis;
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(tr("accuracy (%)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->setTitle(
        tr("Validation accuracy per grid point (%1 epochs each on train)").arg(epochsPerPoint));
    m_summary->setText(tr("Tuning %n grid point(s)…", nullptr, static_cast<int>(grid.size())));
}

void TuningView::addPoint(const TuningPointResult& result)
{
    const int row = result.index;
    if (row < 0 || row >= m_table->rowCount())
        return;
    m_table->item(row, AccuracyColumn)->setText(percent(result.validationAccuracy));
    m_table->item(row, TimeColumn)
        ->setText(tr("%1 s").arg(result.seconds, 0, 'f', result.seconds < 10 ? 2 : 0));
    if (!result.warnings.empty())
        m_table->item(row, AccuracyColumn)
            ->setToolTip(QString::fromStdString(result.warnings.front()));
    if (m_bars && !std::isnan(result.validationAccuracy))
        m_bars->replace(row, 100.0 * result.validationAccuracy);
    m_table->resizeColumnToContents(AccuracyColumn);
    m_table->resizeColumnToContents(TimeColumn);
    m_table->scrollToItem(m_table->item(row, PointColumn));
}

void TuningView::finish(const TuningOutcome& outcome)
{
    const int finished = static_cast<int>(outcome.points.size());
    const int total = static_cast<int>(outcome.grid.size());
    if (outcome.chosen < 0) {
        m_summary->setText(tr("Tuning stopped after %1 of %2 points; nothing was chosen.")
                               .arg(finished)
                               .arg(total));
        return;
    }
    const TuningPointResult& best = outcome.points[static_cast<std::size_t>(outcome.chosen)];
    m_chosen = best.index;
    if (m_bars)
        m_bars->selectBar(m_chosen);
    for (int column = 0; column < m_table->columnCount(); ++column) {
        QTableWidgetItem* item = m_table->item(m_chosen, column);
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
    }
    m_table->item(m_chosen, PointColumn)->setText(tr("%1 ★").arg(m_chosen + 1));
    m_table->resizeColumnsToContents(); // bold needs more room
    QString text = tr("Chosen: point %1 (τ %2, λ1 %3, λ2 %4), validation %5 %.")
                       .arg(m_chosen + 1)
                       .arg(best.point.tau)
                       .arg(best.point.lambda1)
                       .arg(best.point.lambda2)
                       .arg(percent(best.validationAccuracy));
    if (finished < total)
        text += QLatin1Char(' ') + tr("Stopped after %1 of %2 points.").arg(finished).arg(total);
    text += QLatin1Char(' ') + (outcome.retrained
                                    ? (outcome.stopped ? tr("Its training on trainval was stopped.")
                                                       : tr("Trained on trainval: the model."))
                                    : tr("Not trained on trainval."));
    m_summary->setText(text);
}

double TuningView::barValue(int index) const
{
    return m_bars && index >= 0 && index < m_bars->count() ? m_bars->at(index) : 0.0;
}

} // namespace semrel::ui
