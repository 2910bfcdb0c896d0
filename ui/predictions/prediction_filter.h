// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "predictions/prediction_table_model.h"

#include <QSortFilterProxyModel>

namespace semrel::ui {

// Which rows of a PredictionTableModel to show: one setting, optionally one true class and one
// predicted class (a confusion-matrix cell), and right, wrong or both.
class PredictionFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Outcome { Any, Right, Wrong };
    static constexpr int kAnyClass = -1;

    explicit PredictionFilter(QObject* parent = nullptr);

    void setSetting(Setting setting);
    void setTrueClass(int classIndex);      // kAnyClass for all
    void setPredictedClass(int classIndex); // kAnyClass for all
    void setOutcome(Outcome outcome);

    Setting setting() const { return m_setting; }
    int trueClass() const { return m_trueClass; }
    int predictedClass() const { return m_predictedClass; }
    Outcome outcome() const { return m_outcome; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void refilter();

    Setting m_setting = Setting::Zsl;
    int m_trueClass = kAnyClass;
    int m_predictedClass = kAnyClass;
    Outcome m_outcome = Outcome::Any;
};

} // namespace semrel::ui
