// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "predictions/prediction_charts.h"
#include "predictions/prediction_filter.h"

#include <semrel/dataset/dataset.h>
#include <semrel/evaluation/evaluator.h>
#include <semrel/evaluation/relation_model.h>

#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace semrel::ui {

class BackgroundJob;
class ClassAccuracyChart;
class ClassListModel;
class ConfusionPanel;
class PredictionTableModel;
class ThumbnailCache;

// The Predictions view: what a trained model predicts for each test sample, in a table that
// filters by setting (ZSL / GZSL), true and predicted class and outcome; per-class accuracy bars
// (sorted by accuracy, name or samples; zoomable) and a confusion matrix (zoomable, classes in a
// chosen order) with the most confused pairs beside it, whose bars, cells and pairs filter the
// table; thumbnails where the dataset has images. The charts' data is prepared with the
// evaluation, off the GUI thread (PredictionCharts), and never holds a C x C matrix.
class PredictionsView : public QWidget
{
    Q_OBJECT

public:
    explicit PredictionsView(QWidget* parent = nullptr);
    ~PredictionsView() override;

    // Evaluates `model` on `data` in the background: the ZSL part is shown first (zslReady()),
    // then GZSL with its progress, then evaluationReady() (or evaluationFailed() instead).
    // nullptr for either clears the view. The previous result stays until the ZSL part is in.
    void setModelAndDataset(std::shared_ptr<const RelationModel> model,
                            std::shared_ptr<const Dataset> data);
    // Shows a result computed elsewhere, for `data`: its charts are prepared in the background,
    // then evaluationReady() follows. nullptr for either clears the view at once.
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
    void setBarOrder(BarOrder order);
    BarOrder barOrder() const { return m_barOrder; }
    // Folder that replaces the xlsa17 prefix of the dataset's image paths.
    void setImageRoot(const QString& folder);

    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray& layout);

    const PredictionTableModel* tableModel() const { return m_model; }
    const PredictionFilter* filter() const { return m_filter; }
    QTableView* table() const { return m_table; }
    ClassAccuracyChart* accuracyChart() const { return m_accuracyChart; }
    ConfusionPanel* confusion() const { return m_confusion; }
    // The charts of the result shown; empty while there is none.
    const std::optional<PredictionCharts>& charts() const { return m_charts; }
    ThumbnailCache* thumbnails() const { return m_thumbnails; }

Q_SIGNALS:
    // The ZSL part of setModelAndDataset()'s evaluation is shown; GZSL follows.
    void zslReady();
    // The whole result is shown.
    void evaluationReady();
    void evaluationFailed(const QString& message);
    // The user asked to look at a sample more closely (double-click on a row).
    void sampleActivated(qint64 sample);

private:
    QWidget* makeFilterBar();
    QWidget* makeChartsPanel();
    void showResult(std::shared_ptr<const EvaluationResult> result,
                    std::optional<PredictionCharts> charts, std::shared_ptr<const Dataset> data);
    // The GZSL part of the result shown, with its charts; keeps what the user chose.
    void completeResult(std::shared_ptr<const EvaluationResult> result, SettingCharts gzsl);
    void showGzslProgress(double fraction);
    QString gzslPendingText() const;
    // nullptr without a result, and for GZSL while it is being evaluated.
    const SettingCharts* settingCharts() const;
    void onEvaluationFailed(const QString& message);
    void updateCharts();
    void updateSummary();
    void syncClassCombos();
    void chooseImageRoot();

    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<const EvaluationResult> m_result;
    std::optional<PredictionCharts> m_charts;
    QStringList m_classNames;
    BarOrder m_barOrder = BarOrder::AccuracyHighFirst;
    double m_gzslProgress = 0.0; // of the GZSL evaluation under way, in [0, 1]

    PredictionTableModel* m_model;
    PredictionFilter* m_filter;
    ThumbnailCache* m_thumbnails;
    QTableView* m_table;
    ClassAccuracyChart* m_accuracyChart;
    ConfusionPanel* m_confusion;
    ClassListModel* m_trueClasses;
    ClassListModel* m_predictedClasses;
    BackgroundJob* m_evaluation; // object name "evaluation"
    QComboBox* m_settingBox = nullptr;
    QComboBox* m_trueClassBox = nullptr;
    QComboBox* m_predictedClassBox = nullptr;
    QComboBox* m_outcomeBox = nullptr;
    QComboBox* m_barOrderBox = nullptr;
    QPushButton* m_imageRootButton = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_rowCount = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_chartSplitter = nullptr;
};

} // namespace semrel::ui
