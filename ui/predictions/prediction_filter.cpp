// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/prediction_filter.h"

namespace semrel::ui {

PredictionFilter::PredictionFilter(QObject* parent) : QSortFilterProxyModel(parent)
{
    // Sort numbers as numbers: the display shows scores as text with fixed decimals.
    setSortRole(PredictionTableModel::SortRole);
}

void PredictionFilter::refilter()
{
    // Qt 6.4 has no beginFilterChange(); invalidateFilter() keeps the sort and the selection model.
    invalidateFilter();
}

void PredictionFilter::setSetting(Setting setting)
{
    if (setting == m_setting)
        return;
    m_setting = setting;
    refilter();
}

void PredictionFilter::setTrueClass(int classIndex)
{
    if (classIndex == m_trueClass)
        return;
    m_trueClass = classIndex;
    refilter();
}

void PredictionFilter::setPredictedClass(int classIndex)
{
    if (classIndex == m_predictedClass)
        return;
    m_predictedClass = classIndex;
    refilter();
}

void PredictionFilter::setOutcome(Outcome outcome)
{
    if (outcome == m_outcome)
        return;
    m_outcome = outcome;
    refilter();
}

bool PredictionFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    using Model = PredictionTableModel;
    if (index.data(Model::SettingRole).toInt() != static_cast<int>(m_setting))
        return false;
    if (m_trueClass != kAnyClass && index.data(Model::TrueClassRole).toInt() != m_trueClass)
        return false;
    if (m_predictedClass != kAnyClass &&
        index.data(Model::PredictedClassRole).toInt() != m_predictedClass)
        return false;
    if (m_outcome == Outcome::Any)
        return true;
    return index.data(Model::CorrectRole).toBool() == (m_outcome == Outcome::Right);
}

} // namespace semrel::ui
