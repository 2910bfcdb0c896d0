// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/predictions_view.h"

#include "error_dialog.h"
#include "jobs/background_job.h"
#include "predictions/class_accuracy_chart.h"
#include "predictions/confusion_heat_map.h"
#include "predictions/prediction_table_model.h"
#include "predictions/thumbnail_cache.h"

#include <semrel/evaluation/prediction_stats.h>

#include <QComboBox>
#include <QDataStream>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace semrel::ui {

namespace {

QString percent(double fraction)
{
    return std::isnan(fraction) ? QStringLiteral("–") : QString::number(100.0 * fraction, 'f', 1);
}

} // namespace

PredictionsView::PredictionsView(QWidget* parent)
    : QWidget(parent), m_model(new PredictionTableModel(this)),
      m_filter(new PredictionFilter(this)), m_thumbnails(new ThumbnailCache(this)),
      m_table(new QTableView(this)), m_accuracyChart(new ClassAccuracyChart(this)),
      m_heatMap(new ConfusionHeatMap(this)), m_evaluation(new BackgroundJob(this))
{
    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PredictionTableModel::SampleColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setObjectName(QStringLiteral("predictionTable"));

    m_chartSplitter = new QSplitter(Qt::Vertical, this);
    m_chartSplitter->addWidget(m_accuracyChart);
    m_chartSplitter->addWidget(m_heatMap);
    // The bars need height for their labels; the square heat map takes what is left.
    m_accuracyChart->setMinimumHeight(240);
    m_chartSplitter->setStretchFactor(0, 2);
    m_chartSplitter->setStretchFactor(1, 3);
    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("predictionsSplitter"));
    m_mainSplitter->addWidget(m_table);
    m_mainSplitter->addWidget(m_chartSplitter);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 1);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("predictionsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rowCount = new QLabel(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeFilterBar());
    layout->addWidget(m_summary);
    layout->addWidget(m_mainSplitter, 1);
    layout->addWidget(m_rowCount);

    m_evaluation->setObjectName(QStringLiteral("evaluation"));
    connect(m_evaluation, &BackgroundJob::failed, this, &PredictionsView::onEvaluationFailed);
    connect(m_heatMap, &ConfusionHeatMap::cellClicked, this, &PredictionsView::showCell);
    connect(m_accuracyChart, &ClassAccuracyChart::classClicked, this,
            [this](int c) { showCell(c, PredictionFilter::kAnyClass); });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        Q_EMIT sampleActivated(index.data(PredictionTableModel::SampleRole).toLongLong());
    });
    const auto countRows = [this] {
        m_rowCount->setText(tr("%n sample(s) shown", nullptr, m_filter->rowCount()));
    };
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, countRows);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, countRows);
    connect(m_filter, &QAbstractItemModel::modelReset, this, countRows);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, countRows);
    connect(m_thumbnails, &ThumbnailCache::imagesChanged, this, [this] {
        const bool images = m_thumbnails->hasImages();
        m_model->setThumbnails(images ? m_thumbnails : nullptr);
        // Fixed row heights: measuring rows would decode every thumbnail of the table.
        const int height = images ? ThumbnailCache::kDefaultSize + 4 : fontMetrics().height() + 8;
        m_table->verticalHeader()->setDefaultSectionSize(height);
        if (images)
            m_table->setColumnWidth(PredictionTableModel::SampleColumn,
                                    ThumbnailCache::kDefaultSize +
                                        fontMetrics().horizontalAdvance(QStringLiteral("000000")) +
                                        16);
    });
    countRows();
}

// The evaluation job (a child) waits for a running evaluation: well under a second.
PredictionsView::~PredictionsView() = default;

bool PredictionsView::isEvaluating() const
{
    return m_evaluation->isRunning();
}

QWidget* PredictionsView::makeFilterBar()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_settingBox = new QComboBox(bar);
    m_settingBox->addItem(tr("ZSL: unseen test samples among unseen classes"));
    m_settingBox->addItem(tr("GZSL: all test samples among all classes"));
    m_trueClassBox = new QComboBox(bar);
    m_predictedClassBox = new QComboBox(bar);
    m_outcomeBox = new QComboBox(bar);
    m_outcomeBox->addItems({tr("right and wrong"), tr("right only"), tr("wrong only")});
    m_imageRootButton = new QPushButton(tr("Image Folder…"), bar);
    m_imageRootButton->setToolTip(tr("The folder that holds the dataset's images; it replaces the "
                                     "folder prefix stored with the xlsa17 paths"));
    row->addWidget(new QLabel(tr("Setting:"), bar));
    row->addWidget(m_settingBox);
    row->addWidget(new QLabel(tr("True:"), bar));
    row->addWidget(m_trueClassBox, 1);
    row->addWidget(new QLabel(tr("Predicted:"), bar));
    row->addWidget(m_predictedClassBox, 1);
    row->addWidget(m_outcomeBox);
    row->addWidget(m_imageRootButton);

    connect(m_settingBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setSetting(i == 1 ? Setting::Gzsl : Setting::Zsl); });
    connect(m_trueClassBox, &QComboBox::currentIndexChanged, this, [this](int) {
        m_filter->setTrueClass(m_trueClassBox->currentData().isValid()
                                   ? m_trueClassBox->currentData().toInt()
                                   : PredictionFilter::kAnyClass);
    });
    connect(m_predictedClassBox, &QComboBox::currentIndexChanged, this, [this](int) {
        m_filter->setPredictedClass(m_predictedClassBox->currentData().isValid()
                                        ? m_predictedClassBox->currentData().toInt()
                                        : PredictionFilter::kAnyClass);
    });
    connect(m_outcomeBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setOutcome(static_cast<PredictionFilter::Outcome>(i)); });
    connect(m_imageRootButton, &QPushButton::clicked, this, &PredictionsView::chooseImageRoot);
    return bar;
}

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
    // A newer request supersedes an older one, whose result is then dropped.
    m_evaluation->start(
        [model, data](JobContext&) {
            return std::make_shared<const EvaluationResult>(evaluate(*model, *data));
        },
        [this, data](std::shared_ptr<const EvaluationResult> result) {
            setEvaluation(std::move(result), data);
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
    m_result = result && data ? std::move(result) : nullptr;
    m_data = m_result ? std::move(data) : nullptr;
    m_classNames.clear();
    if (m_data)
        for (const std::string& name : m_data->classNames)
            m_classNames.append(QString::fromStdString(name));
    m_gzslConfusion = {};
    if (m_result) {
        std::vector<std::int32_t> all(m_classNames.size());
        std::iota(all.begin(), all.end(), 0);
        m_gzslConfusion = confusionOf(m_result->gzslPredictions, all);
    }
    // Columns are measured without thumbnails: measuring with them would decode a thousand.
    m_model->setThumbnails(nullptr);
    m_model->setResult(m_result, m_classNames);
    m_filter->setTrueClass(PredictionFilter::kAnyClass);
    m_filter->setPredictedClass(PredictionFilter::kAnyClass);
    syncClassCombos();
    updateCharts();
    updateSummary();
    m_table->resizeColumnsToContents();
    m_thumbnails->setDataset(m_data);
}

void PredictionsView::setSetting(Setting setting)
{
    m_filter->setSetting(setting);
    {
        const QSignalBlocker blocker(m_settingBox);
        m_settingBox->setCurrentIndex(setting == Setting::Gzsl ? 1 : 0);
    }
    // A cell of one setting's matrix means nothing in the other's.
    showCell(PredictionFilter::kAnyClass, PredictionFilter::kAnyClass);
    syncClassCombos();
    updateCharts();
}

void PredictionsView::showCell(int trueClass, int predictedClass)
{
    m_filter->setTrueClass(trueClass);
    m_filter->setPredictedClass(predictedClass);
    const auto select = [](QComboBox* box, int c) {
        const QSignalBlocker blocker(box);
        const int i = box->findData(c);
        box->setCurrentIndex(i < 0 ? 0 : i);
    };
    select(m_trueClassBox, trueClass);
    select(m_predictedClassBox, predictedClass);
}

void PredictionsView::setOutcome(PredictionFilter::Outcome outcome)
{
    m_filter->setOutcome(outcome);
    const QSignalBlocker blocker(m_outcomeBox);
    m_outcomeBox->setCurrentIndex(static_cast<int>(outcome));
}

void PredictionsView::syncClassCombos()
{
    // The classes that occur in this setting: unseen for ZSL, all for GZSL.
    std::vector<std::int32_t> classes;
    if (m_result) {
        classes = m_result->unseenClasses;
        if (m_filter->setting() == Setting::Gzsl) {
            classes.insert(classes.end(), m_result->seenClasses.begin(),
                           m_result->seenClasses.end());
            std::sort(classes.begin(), classes.end());
        }
    }
    for (QComboBox* box : {m_trueClassBox, m_predictedClassBox}) {
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(tr("any class"));
        for (std::int32_t c : classes)
            box->addItem(c < m_classNames.size() ? m_classNames[c] : QString::number(c), c);
    }
    showCell(m_filter->trueClass(), m_filter->predictedClass());
}

void PredictionsView::updateCharts()
{
    if (!m_result) {
        m_accuracyChart->setAccuracies({}, {}, tr("Per-class accuracy"));
        m_heatMap->setMatrix({}, {});
        return;
    }
    if (m_filter->setting() == Setting::Zsl) {
        m_accuracyChart->setAccuracies(
            classAccuracies(m_result->zslPredictions, m_result->unseenClasses), m_classNames,
            tr("ZSL per-class accuracy (mean %1%)").arg(percent(m_result->zslAccuracy)));
        m_heatMap->setMatrix(m_result->zslConfusion, m_classNames);
        return;
    }
    m_accuracyChart->setAccuracies(
        classAccuracies(m_result->gzslPredictions, m_gzslConfusion.classes), m_classNames,
        tr("GZSL per-class accuracy (ts %1%, tr %2%, H %3%)")
            .arg(percent(m_result->gzslUnseen), percent(m_result->gzslSeen),
                 percent(m_result->gzslH)));
    m_heatMap->setMatrix(m_gzslConfusion, m_classNames);
}

void PredictionsView::updateSummary()
{
    if (!m_result) {
        m_summary->setText(tr("Open a model and a dataset to see its predictions."));
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

void PredictionsView::setUnavailableReason(const QString& reason)
{
    if (!m_result && !isEvaluating() && !reason.isEmpty())
        m_summary->setText(reason);
}

void PredictionsView::setImageRoot(const QString& folder)
{
    m_thumbnails->setImageRoot(folder);
}

void PredictionsView::chooseImageRoot()
{
    const QString prefix = m_thumbnails->pathPrefix();
    const QString folder = QFileDialog::getExistingDirectory(
        this, prefix.isEmpty() ? tr("Image Folder") : tr("Folder that replaces %1").arg(prefix),
        m_thumbnails->imageRoot());
    if (!folder.isEmpty())
        setImageRoot(folder);
}

QByteArray PredictionsView::saveLayout() const
{
    QByteArray layout;
    QDataStream out(&layout, QIODevice::WriteOnly);
    out << m_mainSplitter->saveState() << m_chartSplitter->saveState();
    return layout;
}

void PredictionsView::restoreLayout(const QByteArray& layout)
{
    QDataStream in(layout);
    QByteArray main;
    QByteArray charts;
    in >> main >> charts;
    if (in.status() != QDataStream::Ok)
        return;
    m_mainSplitter->restoreState(main);
    m_chartSplitter->restoreState(charts);
}

} // namespace semrel::ui
