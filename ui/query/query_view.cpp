// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "query/query_view.h"

#include "error_dialog.h"
#include "predictions/thumbnail_cache.h"
#include "query/class_picker.h"
#include "query/image_feature_job.h"
#include "query/similarity_chart.h"

#include <semrel/demo/fashion_mnist_demo.h>
#include <semrel/errors.h>
#include <semrel/method/training_config.h>

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace semrel::ui {

namespace {

constexpr int kTauSteps = 100; // slider ticks per unit of τ
constexpr int kPreviewSize = 160;
constexpr int kDefaultTopK = 30;

} // namespace

QueryView::QueryView(QWidget* parent)
    : QWidget(parent), m_imageFeature(new ImageFeatureJob(this)), m_chart(new SimilarityChart(this))
{
    connect(m_imageFeature, &ImageFeatureJob::featureReady, this, &QueryView::onImageFeature);
    connect(m_imageFeature, &ImageFeatureJob::failed, this, [this](const QString& message) {
        m_info->setText(tr("The image could not be queried."));
        showError(this, tr("Could not query the image"), message);
    });
    m_scroll = new QScrollArea(this);
    m_scroll->setWidget(m_chart);
    m_scroll->setWidgetResizable(true);
    m_scroll->setBackgroundRole(QPalette::Base);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(makeSidePanel());
    splitter->addWidget(m_scroll);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeControls());
    layout->addWidget(splitter, 1);
    setEnabled(false);
}

// The image job (a child) waits for a feature being computed: a fraction of a second.
QueryView::~QueryView() = default;

QWidget* QueryView::makeControls()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_sampleBox = new QSpinBox(bar);
    m_sampleBox->setKeyboardTracking(false);
    m_sampleBox->setToolTip(tr("Index of the sample in the dataset"));
    auto* openImage = new QPushButton(tr("Query Image File…"), bar);
    m_tauSlider = new QSlider(Qt::Horizontal, bar);
    m_tauSlider->setRange(-kTauSteps + 1, kTauSteps);
    m_tauSlider->setMinimumWidth(160);
    m_tauLabel = new QLabel(bar);
    m_tauLabel->setObjectName(QStringLiteral("tauLabel"));
    m_tauLabel->setMinimumWidth(m_tauLabel->fontMetrics().horizontalAdvance("τ = -0.00") + 6);
    m_topKBox = new QSpinBox(bar);
    m_topKBox->setRange(0, 100000);
    m_topKBox->setSpecialValueText(tr("all"));
    m_topKBox->setValue(kDefaultTopK);
    m_topKBox->setToolTip(tr("Show the k most similar classes (0: all)"));

    row->addWidget(new QLabel(tr("Sample:"), bar));
    row->addWidget(m_sampleBox);
    row->addWidget(openImage);
    row->addSpacing(12);
    row->addWidget(m_tauSlider);
    row->addWidget(m_tauLabel);
    row->addWidget(new QLabel(tr("Top k:"), bar));
    row->addWidget(m_topKBox);
    row->addStretch(1);
    row->addWidget(makeExportButton(bar));

    connect(m_sampleBox, &QSpinBox::valueChanged, this, [this](int v) { showSample(v); });
    connect(openImage, &QPushButton::clicked, this, &QueryView::chooseImageFile);
    connect(m_tauSlider, &QSlider::valueChanged, this, [this](int) {
        m_tauLabel->setText(QStringLiteral("τ = %1").arg(tau(), 0, 'f', 2));
        refresh();
    });
    connect(m_topKBox, &QSpinBox::valueChanged, this, [this](int) { refresh(); });
    m_tauLabel->setText(QStringLiteral("τ = %1").arg(tau(), 0, 'f', 2));
    return bar;
}

QWidget* QueryView::makeSidePanel()
{
    auto* panel = new QWidget(this);
    auto* column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);
    m_preview = new QLabel(panel);
    m_preview->setFixedSize(kPreviewSize, kPreviewSize);
    m_preview->setAlignment(Qt::AlignCenter);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_info = new QLabel(panel);
    m_info->setWordWrap(true);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_classes = new ClassPicker(panel);
    column->addWidget(m_preview, 0, Qt::AlignHCenter);
    column->addWidget(m_info);
    column->addWidget(m_classes, 1);
    panel->setMaximumWidth(300);

    connect(m_classes, &ClassPicker::classHiddenChanged, this, &QueryView::setClassHidden);
    connect(m_classes, &ClassPicker::showAllRequested, this, [this] {
        m_hidden.clear();
        fillClassList();
        refresh();
    });
    return panel;
}

void QueryView::setModelAndDataset(std::shared_ptr<const RelationModel> model,
                                   std::shared_ptr<const Dataset> data)
{
    m_imageFeature->discard(); // an image's feature is for the model no longer shown
    m_model = model && data ? std::move(model) : nullptr;
    m_data = m_model ? std::move(data) : nullptr;
    m_roles = m_data ? classRoles(*m_data) : ClassRoles{};
    m_hidden.clear();
    m_feature.clear();
    m_sample = -1;
    m_trueClass = -1;
    m_similarities.clear();
    setEnabled(m_model != nullptr);
    // τ starts where the model was trained (as `semrel relate` does); the user moves it from there.
    if (m_model)
        setTau(effectiveTau(m_model->state().config));
    fillClassList();
    {
        const QSignalBlocker blocker(m_sampleBox);
        m_sampleBox->setRange(
            0, m_data ? static_cast<int>(std::max<std::int64_t>(0, m_data->sampleCount() - 1)) : 0);
    }
    m_chart->setSimilarities({}, tau(), -1);
    m_chart->setTitle({});
    m_chart->setPlaceholderText({});
    m_info->clear();
    m_preview->clear();
    if (m_data && !m_data->split(Split::TestUnseen).empty())
        showSample(m_data->split(Split::TestUnseen).front());
}

void QueryView::setUnavailableReason(const QString& reason)
{
    if (!m_model)
        m_chart->setPlaceholderText(reason);
}

void QueryView::setDatasetPath(const QString& path)
{
    m_datasetPath = path;
}

void QueryView::setExtractorPath(const QString& path)
{
    m_extractorPath = path;
}

void QueryView::setThumbnails(ThumbnailCache* thumbnails)
{
    m_thumbnails = thumbnails;
    // A new image folder (or dataset) may give the sample shown an image it lacked.
    connect(m_thumbnails, &ThumbnailCache::imagesChanged, this, [this] {
        if (m_sample >= 0)
            showSamplePreview();
    });
    // Decoded in the background: the sample shown may be among them.
    connect(m_thumbnails, &ThumbnailCache::thumbnailsReady, this, [this] {
        if (m_sample >= 0)
            showSamplePreview();
    });
}

void QueryView::fillClassList()
{
    m_classes->setClasses(m_model ? m_model->state().classNames : std::vector<std::string>{},
                          m_roles, m_hidden);
}

bool QueryView::showSample(qint64 sample)
{
    if (!m_data || sample < 0 || sample >= m_data->sampleCount())
        return false;
    m_imageFeature->discard(); // the user moved on to a sample
    const float* row = m_data->features.row(sample);
    m_feature.assign(row, row + m_data->featureDim());
    m_sample = sample;
    m_trueClass = m_data->labels[static_cast<std::size_t>(sample)];
    m_queryName = tr("sample %1").arg(sample);
    {
        const QSignalBlocker blocker(m_sampleBox);
        m_sampleBox->setValue(static_cast<int>(sample));
    }
    showSamplePreview();
    refresh();
    return true;
}

QString QueryView::extractorPathToUse()
{
    if (!m_extractorPath.isEmpty())
        return m_extractorPath;
    if (!m_datasetPath.isEmpty()) {
        const QString beside = QFileInfo(m_datasetPath).dir().filePath(kDemoExtractorFile);
        if (QFileInfo::exists(beside))
            return beside;
    }
    return QFileDialog::getOpenFileName(this, tr("Feature Extractor for Image Files"), QString(),
                                        tr("Feature extractors (*.h5 *.pt);;All files (*)"));
}

bool QueryView::showImageFile(const QString& path)
{
    if (!m_model)
        return false;
    const QString extractorPath = extractorPathToUse();
    if (extractorPath.isEmpty())
        return false;
    m_info->setText(tr("Computing the feature of %1…").arg(QFileInfo(path).fileName()));
    // Decoding, loading a TorchScript module and running it take from milliseconds to seconds.
    m_imageFeature->start(path, extractorPath, kPreviewSize);
    return true;
}

void QueryView::onImageFeature(const QString& path, const QString& extractorPath,
                               const std::vector<float>& feature, const QImage& preview)
{
    m_extractorPath = extractorPath; // loaded fine: not asked for again
    m_feature = feature;
    m_sample = -1;
    m_trueClass = -1;
    m_queryName = QFileInfo(path).fileName();
    showPreview(QPixmap::fromImage(preview));
    refresh();
}

void QueryView::chooseImageFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Query Image File"), QString(), tr("Images (*.png *.jpg *.jpeg *.bmp *.gif)"));
    if (!path.isEmpty())
        showImageFile(path);
}

void QueryView::showSamplePreview()
{
    bool pending = false;
    const QPixmap pixmap =
        m_thumbnails ? m_thumbnails->thumbnail(m_sample, kPreviewSize, &pending) : QPixmap();
    if (pending)
        m_preview->setText(tr("loading…"));
    else
        showPreview(pixmap);
}

void QueryView::showPreview(const QPixmap& pixmap)
{
    if (pixmap.isNull())
        m_preview->setText(tr("no image"));
    else
        m_preview->setPixmap(pixmap);
}

void QueryView::setTau(double tau)
{
    m_tauSlider->setValue(static_cast<int>(std::lround(tau * kTauSteps)));
}

double QueryView::tau() const
{
    return static_cast<double>(m_tauSlider->value()) / kTauSteps;
}

void QueryView::setTopK(int k)
{
    m_topKBox->setValue(k);
}

int QueryView::topK() const
{
    return m_topKBox->value();
}

void QueryView::setClassHidden(int classIndex, bool hidden)
{
    if (hidden == m_hidden.contains(classIndex))
        return;
    if (hidden)
        m_hidden.insert(classIndex);
    else
        m_hidden.remove(classIndex);
    m_classes->setClassHidden(classIndex, hidden);
    refresh();
}

void QueryView::refresh()
{
    if (!m_model || m_feature.empty())
        return;
    InspectionOptions options;
    options.tau = tau();
    options.hiddenClasses.assign(m_hidden.begin(), m_hidden.end());
    std::sort(options.hiddenClasses.begin(), options.hiddenClasses.end());
    try {
        m_similarities = inspectFeature(*m_model, m_feature, options);
    } catch (const std::exception& e) {
        m_similarities.clear();
        showError(this, tr("Could not query the model"), QString::fromUtf8(e.what()));
        return;
    }
    std::vector<ClassSimilarity> shown = m_similarities;
    if (topK() > 0 && static_cast<int>(shown.size()) > topK())
        shown.resize(static_cast<std::size_t>(topK()));
    const auto truth =
        std::find_if(m_similarities.begin(), m_similarities.end(),
                     [this](const ClassSimilarity& s) { return s.classIndex == m_trueClass; });
    QString info = tr("<b>%1</b>").arg(m_queryName.toHtmlEscaped());
    if (m_trueClass >= 0 && m_data) {
        const QString name =
            QString::fromStdString(m_data->classNames[static_cast<std::size_t>(m_trueClass)])
                .toHtmlEscaped();
        info += truth == m_similarities.end() ? tr("<br>true class: %1 (hidden)").arg(name)
                                              : tr("<br>true class: %1, ranked %2 of %3")
                                                    .arg(name)
                                                    .arg(truth - m_similarities.begin() + 1)
                                                    .arg(m_similarities.size());
    }
    if (!m_similarities.empty())
        info += tr("<br>most similar: %1 (%2)")
                    .arg(QString::fromStdString(m_similarities.front().className).toHtmlEscaped())
                    .arg(m_similarities.front().similarity, 0, 'f', 3);
    m_info->setText(info);
    m_chart->setTitle(
        tr("Cosine similarity of %1 with each class's mapped embedding").arg(m_queryName));
    m_chart->setSimilarities(std::move(shown), options.tau, m_trueClass);
    Q_EMIT queryChanged();
}

} // namespace semrel::ui
