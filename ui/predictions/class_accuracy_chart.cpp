// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/class_accuracy_chart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace semrel::ui {

ClassAccuracyChart::ClassAccuracyChart(QWidget* parent)
    : QChartView(new QChart, parent), m_series(new QBarSeries), m_set(new QBarSet(tr("accuracy"))),
      m_categories(new QBarCategoryAxis), m_values(new QValueAxis)
{
    setRenderHint(QPainter::Antialiasing);
    QChart* c = chart();
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->hide();
    m_set->setColor(QColor(0x42, 0x6e, 0xb4));
    m_series->append(m_set);
    m_series->setBarWidth(0.85);
    c->addSeries(m_series);
    m_values->setRange(0, 100);
    m_values->setLabelFormat(QStringLiteral("%d%%"));
    m_values->setTitleText(tr("top-1 accuracy"));
    c->addAxis(m_categories, Qt::AlignBottom);
    c->addAxis(m_values, Qt::AlignLeft);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_values);
    m_categories->setLabelsAngle(-60);

    connect(m_series, &QBarSeries::clicked, this, [this](int index, QBarSet*) {
        if (index >= 0 && index < static_cast<int>(m_classes.size()))
            Q_EMIT classClicked(m_classes[static_cast<std::size_t>(index)]);
    });
    connect(m_series, &QBarSeries::hovered, this, [this](bool status, int index, QBarSet*) {
        if (!status || index < 0 || index >= static_cast<int>(m_classes.size())) {
            QToolTip::hideText();
            return;
        }
        const int c = m_classes[static_cast<std::size_t>(index)];
        QToolTip::showText(QCursor::pos(),
                           tr("%1: %2%")
                               .arg(c < m_names.size() ? m_names[c] : QString::number(c))
                               .arg(m_set->at(index), 0, 'f', 1),
                           this);
    });
}

void ClassAccuracyChart::setAccuracies(const std::vector<ClassAccuracy>& accuracies,
                                       const QStringList& classNames, const QString& title)
{
    m_names = classNames;
    m_classes.clear();
    QList<qreal> values;
    QStringList labels;
    for (const ClassAccuracy& a : accuracies) {
        m_classes.push_back(a.classIndex);
        values.append(std::isnan(a.accuracy) ? 0.0 : 100.0 * a.accuracy);
        const QString name = a.classIndex < classNames.size() ? classNames[a.classIndex]
                                                              : QString::number(a.classIndex);
        // Category names must be unique; without labels, the index keeps them so.
        labels.append(accuracies.size() <= kMaxLabelledClasses ? name
                                                               : QString::number(a.classIndex));
    }
    m_set->remove(0, m_set->count());
    m_categories->clear();
    m_categories->append(labels);
    m_categories->setLabelsVisible(accuracies.size() <= kMaxLabelledClasses);
    m_set->append(values);
    chart()->setTitle(title);
}

int ClassAccuracyChart::barCount() const
{
    return m_set->count();
}

double ClassAccuracyChart::barValue(int i) const
{
    return i >= 0 && i < m_set->count() ? m_set->at(i) : 0.0;
}

int ClassAccuracyChart::barClass(int i) const
{
    return i >= 0 && i < static_cast<int>(m_classes.size()) ? m_classes[static_cast<std::size_t>(i)]
                                                            : -1;
}

} // namespace semrel::ui
