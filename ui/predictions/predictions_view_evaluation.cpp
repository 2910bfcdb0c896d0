// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The Predictions view's evaluation: ZSL first, then GZSL with its progress, and what the
// summary and the charts say about it.
#include "error_dialog.h"
#include "jobs/background_job.h"
#include "predictions/class_accuracy_chart.h"
#include "predictions/confusion_panel.h"
#include "predictions/prediction_table_model.h"
#include "predictions/predictions_view.h"
#include "predictions/thumbnail_cache.h"

#include <QLabel>

#include <cmath>

namespace semrel::ui {

namespace {

QString percent(double fraction)
{
    return std::isnan(fraction) ? QStringLiteral("–") : QString::number(100.0 * fraction, 'f', 1);
}

// What the evaluation job hands over: the completed result and its GZSL charts.
struct GzslEvaluated
{
    std::shared_ptr<const EvaluationResult> result;
    SettingCharts gzsl;
};

} // namespace

void PredictionsView::setModelAndDataset(std::shared_ptr<const RelationModel> model,
                                         std::shared_ptr<const Dataset> data)
{
    // Whatever a running evaluation gives later is for a model that is no longer shown.
    m_evaluation->discard();
    if (!model || !data) {
        setEvaluation(nullptr, nullptr);
        return;
    }
    m_summary->setText(tr("Evaluating the model on %1…").arg(QString::fromStdString(data->name)));
    // Images are there before the predictions: the Query view shares this cache.
    m_thumbnails->setDataset(data);
    // ZSL first, shown as soon as it is there (unseen samples among unseen classes: a small
    // share of the work), then GZSL (every test sample among every class: seconds at 20,000
    // classes) with its progress. A newer request supersedes an older one, whose ZSL part, GZSL
    // result and progress are then dropped; it stops at its next block of rows.
    m_evaluation->start(
        [this, model, data](JobContext& context) {
            EvaluationResult zsl = evaluateZsl(*model, *data);
            auto shown = std::make_shared<const EvaluationResult>(zsl);
            auto charts = std::make_shared<PredictionCharts>(prepareZslCharts(zsl, *data));
            context.post([this, shown, charts, data] {
                showResult(shown, std::move(*charts), data);
                Q_EMIT zslReady();
            });
            GzslEvaluated out;
            out.result = std::make_shared<const EvaluationResult>(
                evaluateGzsl(*model, *data, std::move(zsl), context.cancellableProgress()));
            out.gzsl = prepareGzslCharts(*out.result, *data);
            return out;
        },
        [this](GzslEvaluated evaluated) {
            completeResult(std::move(evaluated.result), std::move(evaluated.gzsl));
            Q_EMIT evaluationReady();
        });
}

void PredictionsView::onEvaluationFailed(const QString& message)
{
    m_summary->setText(tr("No predictions: %1").arg(message));
    showError(this, tr("Could not evaluate the model"), message);
    Q_EMIT evaluationFailed(message);
}

void PredictionsView::setEvaluation(std::shared_ptr<const EvaluationResult> result,
                                    std::shared_ptr<const Dataset> data)
{
    // Whatever a running evaluation gives later is for a model that is no longer shown.
    m_evaluation->discard();
    if (!result || !data) {
        showResult(nullptr, std::nullopt, nullptr);
        return;
    }
    m_evaluation->start(
        [result, data](JobContext&) { return preparePredictionCharts(*result, *data); },
        [this, result, data](PredictionCharts charts) {
            showResult(result, std::move(charts), data);
            Q_EMIT evaluationReady();
        });
}

void PredictionsView::showResult(std::shared_ptr<const EvaluationResult> result,
                                 std::optional<PredictionCharts> charts,
                                 std::shared_ptr<const Dataset> data)
{
    m_result = result && data && charts ? std::move(result) : nullptr;
    m_data = m_result ? std::move(data) : nullptr;
    m_charts = m_result ? std::move(charts) : std::nullopt;
    m_classNames = m_charts ? *m_charts->classNames : QStringList();
    m_gzslProgress = 0.0;
    // Columns are measured without thumbnails: measuring with them would decode a thousand.
    m_model->setThumbnails(nullptr);
    m_model->setResult(m_result, m_classNames);
    m_filter->setTrueClass(PredictionFilter::kAnyClass);
    m_filter->setPredictedClass(PredictionFilter::kAnyClass);
    syncClassCombos();
    updateCharts();
    updateSummary();
    m_thumbnails->setDataset(m_data);
}

void PredictionsView::completeResult(std::shared_ptr<const EvaluationResult> result,
                                     SettingCharts gzsl)
{
    if (!m_charts || !result)
        return;
    // The ZSL part stays as shown (its charts, zoom and the chosen cell); the table now holds
    // the GZSL rows too.
    m_result = std::move(result);
    m_charts->gzsl = std::move(gzsl);
    m_charts->hasGzsl = true;
    const int trueClass = m_filter->trueClass();
    const int predictedClass = m_filter->predictedClass();
    m_model->setThumbnails(nullptr);
    m_model->setResult(m_result, m_classNames);
    m_model->setThumbnails(m_thumbnails->hasImages() ? m_thumbnails : nullptr);
    m_filter->setTrueClass(trueClass);
    m_filter->setPredictedClass(predictedClass);
    if (m_filter->setting() == Setting::Gzsl) {
        syncClassCombos();
        updateCharts();
    }
    updateSummary();
}

void PredictionsView::showGzslProgress(double fraction)
{
    m_gzslProgress = fraction;
    if (!m_result || (m_charts && m_charts->hasGzsl))
        return;
    updateSummary();
    if (m_filter->setting() == Setting::Gzsl)
        m_accuracyChart->setTitle(gzslPendingText());
}

QString PredictionsView::gzslPendingText() const
{
    return tr("GZSL: scoring every test sample against all %n classes… %1%", nullptr,
              m_classNames.size())
        .arg(std::lround(100.0 * m_gzslProgress));
}

void PredictionsView::updateCharts()
{
    const SettingCharts* charts = settingCharts();
    m_confusion->setCharts(charts, charts ? m_charts->classNames : nullptr);
    if (!charts) {
        const bool pending = m_charts && !m_charts->hasGzsl;
        m_confusion->setEmptyText(pending ? tr("Evaluating GZSL…") : tr("No predictions"));
        m_accuracyChart->setBars(nullptr, nullptr, nullptr,
                                 pending ? gzslPendingText() : tr("Per-class accuracy"));
        return;
    }
    const QString title =
        m_filter->setting() == Setting::Zsl
            ? tr("ZSL per-class accuracy (mean %1%)").arg(percent(m_result->zslAccuracy))
            : tr("GZSL per-class accuracy (ts %1%, tr %2%, H %3%)")
                  .arg(percent(m_result->gzslUnseen), percent(m_result->gzslSeen),
                       percent(m_result->gzslH));
    m_accuracyChart->setBars(charts->bars, charts->barOrder(m_barOrder), m_charts->classNames,
                             title);
    m_confusion->highlight(m_filter->trueClass(), m_filter->predictedClass(), /*zoomTo=*/false);
}

void PredictionsView::updateSummary()
{
    if (!m_result) {
        m_summary->setText(tr("Open a model and a dataset to see its predictions."));
        return;
    }
    if (!m_charts || !m_charts->hasGzsl) {
        m_summary->setText(tr("<b>%1</b>: ZSL accuracy %2% on %3 unseen classes. %4")
                               .arg(QString::fromStdString(m_data->name).toHtmlEscaped(),
                                    percent(m_result->zslAccuracy))
                               .arg(m_result->unseenClasses.size())
                               .arg(gzslPendingText().toHtmlEscaped()));
        return;
    }
    m_summary->setText(
        tr("<b>%1</b>: ZSL accuracy %2% on %3 unseen classes; GZSL ts %4%, tr %5%, H %6%. "
           "Click a bar or a matrix cell to list its samples; double-click a row to query it.")
            .arg(QString::fromStdString(m_data->name).toHtmlEscaped(),
                 percent(m_result->zslAccuracy))
            .arg(m_result->unseenClasses.size())
            .arg(percent(m_result->gzslUnseen), percent(m_result->gzslSeen),
                 percent(m_result->gzslH)));
}

} // namespace semrel::ui
