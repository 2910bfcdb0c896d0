// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/method/training_config.h>
#include <semrel/training/tuning.h>

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace semrel::ui {

// Asks for the grid a tuning searches: comma-separated τ, λ1 and λ2 values, whether validation
// also chooses the attribute statistics (seen or all classes, docs/REPRODUCTION.md), and the
// epochs of every run. Says how many trainings that is (the core's tuningPoints() decides which
// points are distinct for the method) and refuses values the core would refuse.
class TuneDialog : public QDialog
{
    Q_OBJECT

public:
    // `base`: the form's settings, which the grid overrides.
    explicit TuneDialog(const TrainingConfig& base, QWidget* parent = nullptr);

    void setGrid(const TuningGrid& grid);
    void setEpochs(int epochs);
    // The grid and epochs as entered; only meaningful while problem() is empty.
    TuningGrid grid() const;
    int epochs() const;
    // Why the entries cannot be used (which field, which value), or empty.
    QString problem() const { return m_problem; }

private:
    void check();
    // The grid as entered; throws std::invalid_argument naming the field that is not a list of
    // numbers.
    TuningGrid enteredGrid() const;

    TrainingConfig m_base;
    QLineEdit* m_taus;
    QLineEdit* m_lambda1s;
    QLineEdit* m_lambda2s;
    QCheckBox* m_chooseStats;
    QSpinBox* m_epochs;
    QLabel* m_summary;
    QDialogButtonBox* m_buttons;
    QString m_problem;
};

} // namespace semrel::ui
