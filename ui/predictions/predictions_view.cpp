// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/predictions_view.h"

#include "jobs/background_job.h"
#include "predictions/class_accuracy_chart.h"
#include "predictions/class_list_model.h"
#include "predictions/confusion_panel.h"
#include "predictions/prediction_table_model.h"
#include "predictions/thumbnail_cache.h"
#include "zoom/matrix_view.h"

#include <QComboBox>
#include <QCompleter>
#include <QDataStream>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace semrel::ui {

namespace {

// An editable class filter: typing finds a class among thousands.
void setUpClassBox(QComboBox* box, ClassListModel* model)
{
    box->setModel(model);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    // Sized by a typical name, not by measuring every class of the list.
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(14);
    box->completer()->setCompletionMode(QCompleter::PopupCompletion);
    box->completer()->setFilterMode(Qt::MatchContains);
    box->completer()->setCaseSensitivity(Qt::CaseInsensitive);
}

} // namespace

PredictionsView::PredictionsView(QWidget* parent)
    : QWidget(parent), m_model(new PredictionTableModel(this)),
      m_filter(new PredictionFilter(this)), m_thumbnails(new ThumbnailCache(this)),
      m_table(new QTableView(this)), m_accuracyChart(new ClassAccuracyChart(this)),
      m_confusion(new ConfusionPanel(this)),
      m_trueClasses(new ClassListModel(tr("any class"), this)),
      m_predictedClasses(new ClassListModel(tr("any class"), this)),
      m_evaluation(new BackgroundJob(this))
{
    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PredictionTableModel::SampleColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setTextElideMode(Qt::ElideMiddle);
    // The short columns keep their contents' width, the class names share the rest (elided when
    // long): at the default window size no column is cut off.
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    for (int c = 0; c < PredictionTableModel::ColumnCount; ++c)
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PredictionTableModel::TrueClassColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(PredictionTableModel::PredictedClassColumn, QHeaderView::Stretch);
    // Measuring the sample column would decode the thumbnails of a thousand rows.
    header->setSectionResizeMode(PredictionTableModel::SampleColumn, QHeaderView::Interactive);
    m_table->setColumnWidth(PredictionTableModel::SampleColumn,
                            fontMetrics().horizontalAdvance(QStringLiteral("Sample000000")));
    m_table->setObjectName(QStringLiteral("predictionTable"));

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("predictionsSplitter"));
    m_mainSplitter->addWidget(m_table);
    m_mainSplitter->addWidget(makeChartsPanel());
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 3);
    m_mainSplitter->setSizes({520, 740});

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
    connect(m_evaluation, &BackgroundJob::progressChanged, this,
            [this](double fraction, const QString&) { showGzslProgress(fraction); });
    connect(m_confusion, &ConfusionPanel::cellChosen, this, &PredictionsView::showCell);
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

// The evaluation job (a child) waits for a running evaluation, which stops at its next block of
// rows.
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
    m_trueClassBox->setObjectName(QStringLiteral("trueClass"));
    setUpClassBox(m_trueClassBox, m_trueClasses);
    m_predictedClassBox = new QComboBox(bar);
    m_predictedClassBox->setObjectName(QStringLiteral("predictedClass"));
    setUpClassBox(m_predictedClassBox, m_predictedClasses);
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
    const auto chosenClass = [](QComboBox* box) {
        const QVariant c = box->currentData(ClassListModel::ClassRole);
        return c.isValid() ? c.toInt() : PredictionFilter::kAnyClass;
    };
    connect(m_trueClassBox, &QComboBox::currentIndexChanged, this, [this, chosenClass](int) {
        showCell(chosenClass(m_trueClassBox), m_filter->predictedClass());
    });
    connect(m_predictedClassBox, &QComboBox::currentIndexChanged, this, [this, chosenClass](int) {
        showCell(m_filter->trueClass(), chosenClass(m_predictedClassBox));
    });
    connect(m_outcomeBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setOutcome(static_cast<PredictionFilter::Outcome>(i)); });
    connect(m_imageRootButton, &QPushButton::clicked, this, &PredictionsView::chooseImageRoot);
    return bar;
}

QWidget* PredictionsView::makeChartsPanel()
{
    m_barOrderBox = new QComboBox(this);
    m_barOrderBox->setObjectName(QStringLiteral("barOrder"));
    m_barOrderBox->addItem(tr("accuracy, highest first"), int(BarOrder::AccuracyHighFirst));
    m_barOrderBox->addItem(tr("accuracy, lowest first"), int(BarOrder::AccuracyLowFirst));
    m_barOrderBox->addItem(tr("name"), int(BarOrder::Name));
    m_barOrderBox->addItem(tr("samples"), int(BarOrder::Samples));
    connect(m_barOrderBox, &QComboBox::currentIndexChanged, this, [this](int) {
        setBarOrder(static_cast<BarOrder>(m_barOrderBox->currentData().toInt()));
    });
    auto* accuracy = new QWidget(this);
    auto* accuracyLayout = new QVBoxLayout(accuracy);
    accuracyLayout->setContentsMargins(0, 0, 0, 0);
    auto* sortRow = new QHBoxLayout;
    sortRow->addWidget(new QLabel(tr("Sort bars by:"), accuracy));
    sortRow->addWidget(m_barOrderBox);
    auto* hint =
        new QLabel(tr("Wheel: zoom · drag: pan · click: zoom in, then list samples"), accuracy);
    hint->setForegroundRole(QPalette::PlaceholderText);
    // Wrapped, not measured whole: the hint must not widen the charts beyond the table's room.
    hint->setWordWrap(true);
    sortRow->addWidget(hint, 1);
    accuracyLayout->addLayout(sortRow);
    accuracyLayout->addWidget(m_accuracyChart, 1);

    m_chartSplitter = new QSplitter(Qt::Vertical, this);
    m_chartSplitter->addWidget(accuracy);
    m_chartSplitter->addWidget(m_confusion);
    m_chartSplitter->setStretchFactor(0, 1);
    m_chartSplitter->setStretchFactor(1, 1);
    return m_chartSplitter;
}

const SettingCharts* PredictionsView::settingCharts() const
{
    if (!m_charts)
        return nullptr;
    if (m_filter->setting() == Setting::Zsl)
        return &m_charts->zsl;
    return m_charts->hasGzsl ? &m_charts->gzsl : nullptr;
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
    const auto select = [](QComboBox* box, const ClassListModel* model, int c) {
        const QSignalBlocker blocker(box);
        box->setCurrentIndex(model->rowOf(c));
    };
    select(m_trueClassBox, m_trueClasses, trueClass);
    select(m_predictedClassBox, m_predictedClasses, predictedClass);
    m_confusion->highlight(trueClass, predictedClass, /*zoomTo=*/false);
}

void PredictionsView::setOutcome(PredictionFilter::Outcome outcome)
{
    m_filter->setOutcome(outcome);
    const QSignalBlocker blocker(m_outcomeBox);
    m_outcomeBox->setCurrentIndex(static_cast<int>(outcome));
}

void PredictionsView::setBarOrder(BarOrder order)
{
    m_barOrder = order;
    {
        const QSignalBlocker blocker(m_barOrderBox);
        m_barOrderBox->setCurrentIndex(m_barOrderBox->findData(int(order)));
    }
    const SettingCharts* charts = settingCharts();
    if (charts)
        m_accuracyChart->setBars(charts->bars, charts->barOrder(order), m_charts->classNames,
                                 m_accuracyChart->title(), /*keepView=*/true);
}

void PredictionsView::syncClassCombos()
{
    // The classes that occur in this setting (unseen for ZSL, all for GZSL), by name.
    const SettingCharts* charts = settingCharts();
    for (ClassListModel* model : {m_trueClasses, m_predictedClasses})
        model->setClasses(charts ? charts->classOrder(ConfusionOrder::ByName) : nullptr,
                          charts ? m_charts->classNames : nullptr);
    showCell(m_filter->trueClass(), m_filter->predictedClass());
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
