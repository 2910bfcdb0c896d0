// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "embedding/embedding_view.h"

#include "embedding/class_legend.h"
#include "error_dialog.h"
#include "jobs/background_job.h"

#include <semrel/errors.h>
#include <semrel/exploration/nearest_neighbours.h>

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace semrel::ui {

EmbeddingView::EmbeddingView(QWidget* parent)
    : QWidget(parent), m_chartView(new QChartView(new QChart, this)),
      m_mapping(new BackgroundJob(this)), m_tsne(new BackgroundJob(this))
{
    m_mapping->setObjectName(QStringLiteral("mapping"));
    m_tsne->setObjectName(QStringLiteral("tsne"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->chart()->setAnimationOptions(QChart::NoAnimation);
    m_neighbours = new QListWidget(this);
    m_neighbours->setToolTip(tr("Double-click to open in the Query view"));
    m_legend = new ClassLegend(this);
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_legend, 3);
    sideLayout->addWidget(new QLabel(tr("Nearest neighbours (cosine, feature space):"), side));
    sideLayout->addWidget(m_neighbours, 2);
    side->setMaximumWidth(320);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_chartView);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(makeControls());
    layout->addWidget(splitter, 1);

    connect(m_mapping, &BackgroundJob::failed, this, [this](const QString& message) {
        m_status->setText(tr("No map."));
        showError(this, tr("Could not map the features"), message);
    });
    connect(m_tsne, &BackgroundJob::runningChanged, this, &EmbeddingView::updateTsneControls);
    connect(m_tsne, &BackgroundJob::progressChanged, this, [this](double fraction) {
        m_progress->setValue(static_cast<int>(fraction * 100.0));
        Q_EMIT tsneProgress(fraction);
    });
    connect(m_tsne, &BackgroundJob::cancelled, this,
            [this] { m_status->setText(tr("t-SNE cancelled.")); });
    connect(m_tsne, &BackgroundJob::failed, this, [this](const QString& message) {
        m_status->setText(tr("t-SNE failed."));
        showError(this, tr("t-SNE failed"), message);
        Q_EMIT tsneFailed(message);
    });
    connect(m_legend, &ClassLegend::filterChanged, this, &EmbeddingView::applyClassStyles);
    connect(m_legend, &ClassLegend::highlightChanged, this, &EmbeddingView::applyClassStyles);
    connect(m_chartView->chart(), &QChart::plotAreaChanged, this, &EmbeddingView::placeMarkerNames);
    connect(m_neighbours, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        Q_EMIT sampleActivated(item->data(Qt::UserRole).toLongLong());
    });
    setEnabled(false);
}

// The jobs (children) stop t-SNE within an iteration and wait for it.
EmbeddingView::~EmbeddingView() = default;

QString EmbeddingView::mapKindName(MapKind kind)
{
    switch (kind) {
    case MapKind::Pca:
        return tr("PCA");
    case MapKind::Tsne:
        return tr("t-SNE");
    case MapKind::None:
        break;
    }
    return {};
}

QWidget* EmbeddingView::makeControls()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_pcaButton = new QPushButton(tr("PCA"), bar);
    m_tsneButton = new QPushButton(tr("Compute t-SNE"), bar);
    m_cancelButton = new QPushButton(tr("Cancel"), bar);
    m_progress = new QProgressBar(bar);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(200);
    m_status = new QLabel(bar);
    row->addWidget(m_pcaButton);
    row->addWidget(m_tsneButton);
    row->addWidget(m_progress);
    row->addWidget(m_cancelButton);
    row->addWidget(m_status, 1);
    connect(m_pcaButton, &QPushButton::clicked, this, &EmbeddingView::showPca);
    connect(m_tsneButton, &QPushButton::clicked, this, &EmbeddingView::startTsne);
    connect(m_cancelButton, &QPushButton::clicked, this, &EmbeddingView::cancelTsne);
    updateTsneControls();
    return bar;
}

void EmbeddingView::setModelAndDataset(std::shared_ptr<const RelationModel> model,
                                       std::shared_ptr<const Dataset> data)
{
    // Maps of the previous pair, finished or not, would put points in the wrong places.
    m_tsne->discard();
    m_mapping->discard();
    m_model = model && data ? std::move(model) : nullptr;
    m_data = m_model ? std::move(data) : nullptr;
    m_input.reset();
    m_neighbours->clear();
    m_selected = -1;
    setEnabled(m_model != nullptr);
    if (!m_model) {
        showMap({}, MapKind::None);
        return;
    }
    clearChart();
    startMapping();
}

void EmbeddingView::startMapping()
{
    struct Mapped
    {
        std::shared_ptr<const MapInput> input;
        EmbeddingMap pca;
    };
    m_status->setText(tr("Mapping the features…"));
    m_mapping->start(
        [model = m_model, data = m_data, most = m_maxMapSamples](JobContext& context) {
            Mapped mapped;
            mapped.input = std::make_shared<const MapInput>(unseenMapInput(*model, *data, most));
            context.throwIfStopRequested();
            mapped.pca = pcaMap(*mapped.input);
            return mapped;
        },
        [this](Mapped mapped) {
            m_input = std::move(mapped.input);
            showMap(mapped.pca, MapKind::Pca);
        });
}

void EmbeddingView::setUnavailableReason(const QString& reason)
{
    if (!m_model)
        m_chartView->chart()->setTitle(reason);
}

void EmbeddingView::showPca()
{
    if (!m_input)
        return;
    m_tsne->discard(); // the map asked for last wins
    startMap(MapKind::Pca);
}

void EmbeddingView::startTsne()
{
    if (!m_input || m_tsne->isRunning())
        return;
    startMap(MapKind::Tsne);
}

void EmbeddingView::startMap(MapKind kind)
{
    if (kind == MapKind::Pca) {
        m_mapping->start([input = m_input](JobContext&) { return pcaMap(*input); },
                         [this](const EmbeddingMap& map) { showMap(map, MapKind::Pca); });
        return;
    }
    m_status->setText(tr("t-SNE of %n point(s)…", nullptr,
                         static_cast<int>(m_input->features.rows + m_input->classFeatures.rows)));
    m_tsne->start(
        [input = m_input, options = m_tsneOptions](JobContext& context) {
            TsneResult result = tsneMap(*input, options, context.progress(), context.stopFlag());
            if (result.stopped)
                throw Cancelled("t-SNE stopped on request");
            return result.map;
        },
        [this](const EmbeddingMap& map) { showMap(map, MapKind::Tsne); });
}

void EmbeddingView::cancelTsne()
{
    if (!m_tsne->isRunning())
        return;
    m_tsne->cancel();
    m_status->setText(tr("Cancelling t-SNE…"));
}

bool EmbeddingView::isTsneRunning() const
{
    return m_tsne->isRunning();
}

void EmbeddingView::updateTsneControls()
{
    const bool running = m_tsne->isRunning();
    m_tsneButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    m_progress->setVisible(running);
    m_progress->setValue(0);
}

QString EmbeddingView::className(int c) const
{
    return m_data && c >= 0 && c < m_data->classCount()
               ? QString::fromStdString(m_data->classNames[static_cast<std::size_t>(c)])
               : QString::number(c);
}

void EmbeddingView::onPointClicked(QScatterSeries* series, const QPointF& point)
{
    const qint64 sample = sampleAt(series, point);
    if (sample < 0 || !selectSample(sample))
        return;
    Q_EMIT sampleActivated(sample);
}

bool EmbeddingView::selectSample(qint64 sample)
{
    if (!m_input || !m_data)
        return false;
    const auto it = std::find(m_input->samples.begin(), m_input->samples.end(), sample);
    if (it == m_input->samples.end()) {
        // Left out of the subsample: add it and map again; showMap() draws the ring.
        try {
            m_input = std::make_shared<const MapInput>(
                withMapSample(*m_input, *m_model, *m_data, sample));
        } catch (const Error&) {
            return false; // not a test sample of an unseen class: not on this map
        }
        m_selected = sample;
        if (m_selectionSeries)
            m_selectionSeries->clear();
        m_status->setText(tr("Adding sample %1 to the map…").arg(sample));
        if (m_mapKind == MapKind::Tsne) {
            m_tsne->discard();
            startMap(MapKind::Tsne);
        } else {
            startMap(MapKind::Pca);
        }
    } else {
        m_selected = sample;
        if (const std::optional<QPointF> at = mapPoint(sample); at && m_selectionSeries)
            m_selectionSeries->replace({*at});
    }
    m_neighbours->clear();
    try {
        const std::vector<Neighbour> near = nearestNeighbours(
            m_data->features, m_data->split(Split::TestUnseen), sample, kNeighbourCount);
        const int truth = m_data->labels[static_cast<std::size_t>(sample)];
        for (const Neighbour& n : near) {
            const int c = m_data->labels[static_cast<std::size_t>(n.row)];
            auto* item = new QListWidgetItem(
                tr("sample %1  %2  %3").arg(n.row).arg(className(c)).arg(n.cosine, 0, 'f', 3),
                m_neighbours);
            item->setData(Qt::UserRole, QVariant::fromValue<qint64>(n.row));
            if (c != truth)
                item->setForeground(QColor(0xc6, 0x28, 0x28));
        }
    } catch (const std::exception& e) {
        showError(this, tr("Could not find neighbours"), QString::fromUtf8(e.what()));
    }
    return true;
}

int EmbeddingView::samplePointCount() const
{
    int count = 0;
    for (const QScatterSeries* s : m_classSeries)
        count += static_cast<int>(s->count());
    return count;
}

int EmbeddingView::classMarkerCount() const
{
    return m_markerSeries ? static_cast<int>(m_markerSeries->count()) : 0;
}

std::optional<QPointF> EmbeddingView::mapPoint(qint64 sample) const
{
    if (!m_input)
        return std::nullopt;
    const auto it = std::find(m_input->samples.begin(), m_input->samples.end(), sample);
    if (it == m_input->samples.end() || m_map.samplePoints.rows != m_input->features.rows)
        return std::nullopt;
    const auto row = static_cast<std::int64_t>(it - m_input->samples.begin());
    return QPointF(m_map.samplePoints.at(row, 0), m_map.samplePoints.at(row, 1));
}

} // namespace semrel::ui
