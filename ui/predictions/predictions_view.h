// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "predictions/prediction_filter.h"

#include <semrel/dataset/dataset.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/relation_model.h>

#include <QStringList>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace semrel::ui {

class BackgroundJob;
class ClassAccuracyChart;
class ConfusionHeatMap;
class PredictionTableModel;
class ThumbnailCache;

// The Predictions view: what a trained model predicts for each test sample, in a table that
// filters by setting (ZSL / GZSL), true and predicted class and outcome; per-class accuracy bars
// and a confusion heat map whose cells filter the table; thumbnails where the dataset has images.
class PredictionsView : public QWidget
{
    Q_OBJECT

public:
    explicit PredictionsView(QWidget* parent = nullptr);
    ~PredictionsView() override;

    // Evaluates `model` on `data` in the background (evaluationReady() or evaluationFailed()
    // follows). nullptr for either clears the view. The previous result stays until then.
    void setModelAndDataset(std::shared_ptr<const RelationModel> model,
                            std::shared_ptr<const Dataset> data);
    // Shows a result computed elsewhere, for `data`.
    void setEvaluation(std::shared_ptr<const EvaluationResult> result,
                       std::shared_ptr<const Dataset> data);
    // Why there is nothing to evaluate (say, the model does not fit the dataset): shown in place
    // of the hint to open a model and a dataset while the view is empty.
    void setUnavailableReason(const QString& reason);
    bool isEvaluating() const;

    void setSetting(Setting setting);
    // Filters the table to one confusion-matrix cell (either may be PredictionFilter::kAnyClass).
    void showCell(int trueClass, int predictedClass);
    void setOutcome(PredictionFilter::Outcome outcome);
    // Folder that replaces the xlsa17 prefix of the dataset's image paths.
    void setImageRoot(const QString& folder);

    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray& layout);

    const PredictionTableModel* tableModel() const { return m_model; }
    const PredictionFilter* filter() const { return m_filter; }
    QTableView* table() const { return m_table; }
    ClassAccuracyChart* accuracyChart() const { return m_accuracyChart; }
    ConfusionHeatMap* heatMap() const { return m_heatMap; }
    ThumbnailCache* thumbnails() const { return m_thumbnails; }

Q_SIGNALS:
    void evaluationReady();
    void evaluationFailed(const QString& message);
    // The user asked to look at a sample more closely (double-click on a row).
    void sampleActivated(qint64 sample);

private:
    QWidget* makeFilterBar();
    void onEvaluationFailed(const QString& message);
    void updateCharts();
    void updateSummary();
    void syncClassCombos();
    void chooseImageRoot();

    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<const EvaluationResult> m_result;
    ConfusionMatrix m_gzslConfusion;
    QStringList m_classNames;

    PredictionTableModel* m_model;
    PredictionFilter* m_filter;
    ThumbnailCache* m_thumbnails;
    QTableView* m_table;
    ClassAccuracyChart* m_accuracyChart;
    ConfusionHeatMap* m_heatMap;
    BackgroundJob* m_evaluation; // object name "evaluation"
    QComboBox* m_settingBox = nullptr;
    QComboBox* m_trueClassBox = nullptr;
    QComboBox* m_predictedClassBox = nullptr;
    QComboBox* m_outcomeBox = nullptr;
    QPushButton* m_imageRootButton = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_rowCount = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_chartSplitter = nullptr;
};

} // namespace semrel::ui
