// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/method/training_config.h>

#include <QVariantMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace semrel::ui {

// The hyper-parameters of the method (Sec. 4.1): network preset per dataset (Table 1), method
// (Proposed / B1 / B2 / B3), τ, λ1, λ2, p, batch, epochs, learning rate, seed, threads, and
// whether mining scores candidates on a bfloat16 copy (TrainingConfig::bf16Mining).
class TrainingForm : public QWidget
{
    Q_OBJECT

public:
    explicit TrainingForm(QWidget* parent = nullptr);

    // The configuration the form describes. Throws semrel::Error naming the field when a layer
    // list does not parse; range checks are validateConfig()'s.
    TrainingConfig config() const;
    void setConfig(const TrainingConfig& config);

    // Selects the Table 1 preset named like the dataset ("AWA2", "cub"...), if there is one.
    // Returns whether one was found.
    bool selectPresetFor(const QString& datasetName);

    // Plain values for AppSettings; setValues ignores unknown or missing keys.
    QVariantMap values() const;
    void setValues(const QVariantMap& values);

    void setEpochs(int epochs);

Q_SIGNALS:
    void changed();

private:
    void onPresetChosen(int index);
    void onMethodChosen();

    QComboBox* m_preset;
    QLineEdit* m_encoderHidden;
    QLineEdit* m_decoderHidden;
    QComboBox* m_method;
    QComboBox* m_trainSplit;
    QDoubleSpinBox* m_tau;
    QDoubleSpinBox* m_lambda1;
    QDoubleSpinBox* m_lambda2;
    QComboBox* m_attributeStats;
    QComboBox* m_tuningSplits;
    QDoubleSpinBox* m_eszslGamma;
    QDoubleSpinBox* m_eszslLambda;
    QDoubleSpinBox* m_saeLambda;
    QComboBox* m_saeDirection;
    QSpinBox* m_candidates;
    QCheckBox* m_bf16Mining;
    QSpinBox* m_batchSize;
    QSpinBox* m_epochs;
    QDoubleSpinBox* m_learningRate;
    QSpinBox* m_seed;
    QSpinBox* m_threads;
    QCheckBox* m_evaluateEachEpoch;
};

} // namespace semrel::ui
