// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "embedding/embedding_view.h"

#include "error_dialog.h"
#include "jobs/background_job.h"

#include <semrel/errors.h>
#include <semrel/exploration/nearest_neighbours.h>

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSplitter>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace semrel::ui {

namespace {

// A legend of more classes than this would crowd out the map; hovering names points instead.
constexpr int kMaxLegendClasses = 20;
constexpr qreal kPointSize = 7.0;
constexpr qreal kMarkerSize = 13.0;

QColor classColor(int position, int count)
{
    // Hues around the wheel, alternating lightness so that neighbouring hues stay apart.
    const double hue = std::fmod(position * 0.618033988749895, 1.0);
    return QColor::fromHsvF(static_cast<float>(hue), 0.75f, position % 2 ? 0.75f : 0.95f);
    Q_UNUSED(count);
}

} // namespace

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
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(new QLabel(tr("Nearest neighbours (cosine, feature space):"), side));
    sideLayout->addWidget(m_neighbours, 1);
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
    connect(m_neighbours, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        Q_EMIT sampleActivated(item->data(Qt::UserRole).toLongLong());
    });
    setEnabled(false);
}

// The jobs (children) stop t-SNE within an iteration and wait for it.
EmbeddingView::~EmbeddingView() = default;

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
        showMap({}, {});
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
        [model = m_model, data = m_data](JobContext& context) {
            Mapped mapped;
            mapped.input =
                std::make_shared<const MapInput>(unseenMapInput(*model, *data, kMaxMapSamples));
            context.throwIfStopRequested();
            mapped.pca = pcaMap(*mapped.input);
            return mapped;
        },
        [this](Mapped mapped) {
            m_input = std::move(mapped.input);
            showMap(mapped.pca, tr("PCA"));
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
    m_mapping->start([input = m_input](JobContext&) { return pcaMap(*input); },
                     [this](const EmbeddingMap& map) { showMap(map, tr("PCA")); });
}

void EmbeddingView::startTsne()
{
    if (!m_input || m_tsne->isRunning())
        return;
    m_status->setText(tr("t-SNE of %n point(s)…", nullptr,
                         static_cast<int>(m_input->features.rows + m_input->classFeatures.rows)));
    m_tsne->start(
        [input = m_input, options = m_tsneOptions](JobContext& context) {
            TsneResult result = tsneMap(*input, options, context.progress(), context.stopFlag());
            if (result.stopped)
                throw Cancelled("t-SNE stopped on request");
            return result.map;
        },
        [this](const EmbeddingMap& map) { showMap(map, tr("t-SNE")); });
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

void EmbeddingView::clearChart()
{
    QChart* chart = m_chartView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle({});
    m_classSeries.clear();
    m_seriesSamples.clear();
    m_markerSeries = nullptr;
    m_selectionSeries = nullptr;
    m_map = {};
}

void EmbeddingView::showMap(const EmbeddingMap& map, const QString& kind)
{
    clearChart();
    QChart* chart = m_chartView->chart();
    m_map = map;
    m_mapKind = kind;
    if (!m_input || map.samplePoints.rows == 0) {
        chart->setTitle({});
        m_status->clear();
        Q_EMIT mapShown(kind);
        return;
    }
    const auto k = static_cast<int>(m_input->classes.size());
    std::vector<int> position(static_cast<std::size_t>(m_data->classCount()), -1);
    for (int i = 0; i < k; ++i) {
        position[static_cast<std::size_t>(m_input->classes[static_cast<std::size_t>(i)])] = i;
        auto* series = new QScatterSeries;
        series->setName(className(m_input->classes[static_cast<std::size_t>(i)]));
        series->setMarkerSize(kPointSize);
        series->setColor(classColor(i, k));
        series->setBorderColor(Qt::transparent);
        m_classSeries.push_back(series);
    }
    m_seriesSamples.resize(m_classSeries.size());
    std::vector<QList<QPointF>> points(m_classSeries.size());
    for (std::int64_t r = 0; r < map.samplePoints.rows; ++r) {
        const int i =
            position[static_cast<std::size_t>(m_input->labels[static_cast<std::size_t>(r)])];
        points[static_cast<std::size_t>(i)].append(
            QPointF(map.samplePoints.at(r, 0), map.samplePoints.at(r, 1)));
        m_seriesSamples[static_cast<std::size_t>(i)].push_back(
            m_input->samples[static_cast<std::size_t>(r)]);
    }
    m_markerSeries = new QScatterSeries;
    m_markerSeries->setName(tr("class embedding f(y)"));
    m_markerSeries->setMarkerSize(kMarkerSize);
    m_markerSeries->setColor(Qt::black);
    m_markerSeries->setBorderColor(Qt::white);
    QList<QPointF> markers;
    for (std::int64_t c = 0; c < map.classPoints.rows; ++c)
        markers.append(QPointF(map.classPoints.at(c, 0), map.classPoints.at(c, 1)));
    m_markerSeries->replace(markers);
    m_selectionSeries = new QScatterSeries;
    m_selectionSeries->setName(tr("selected"));
    m_selectionSeries->setMarkerSize(18);
    m_selectionSeries->setColor(Qt::transparent);
    m_selectionSeries->setBorderColor(Qt::black);
    m_selectionSeries->setPen(QPen(Qt::black, 2));

    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    std::vector<QScatterSeries*> all = m_classSeries;
    all.push_back(m_markerSeries);
    all.push_back(m_selectionSeries);
    for (std::size_t i = 0; i < all.size(); ++i) {
        QScatterSeries* series = all[i];
        if (i < points.size())
            series->replace(points[i]);
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        connect(series, &QScatterSeries::hovered, this,
                [this, series](const QPointF& p, bool state) { onPointHovered(series, p, state); });
        connect(series, &QScatterSeries::clicked, this,
                [this, series](const QPointF& p) { onPointClicked(series, p); });
    }
    // Axes fitted to all points with a margin, so markers at the edge are drawn whole.
    float minX = map.samplePoints.at(0, 0), maxX = minX;
    float minY = map.samplePoints.at(0, 1), maxY = minY;
    for (const FloatMatrix* m : {&map.samplePoints, &map.classPoints})
        for (std::int64_t r = 0; r < m->rows; ++r) {
            minX = std::min(minX, m->at(r, 0));
            maxX = std::max(maxX, m->at(r, 0));
            minY = std::min(minY, m->at(r, 1));
            maxY = std::max(maxY, m->at(r, 1));
        }
    const float padX = std::max(1e-6f, (maxX - minX) * 0.05f);
    const float padY = std::max(1e-6f, (maxY - minY) * 0.05f);
    x->setRange(minX - padX, maxX + padX);
    y->setRange(minY - padY, maxY + padY);
    x->setTitleText(kind == tr("PCA") ? tr("component 1") : QString());
    y->setTitleText(kind == tr("PCA") ? tr("component 2") : QString());
    chart->legend()->setVisible(k <= kMaxLegendClasses);
    chart->legend()->setAlignment(Qt::AlignRight);
    if (chart->legend()->isVisible())
        chart->legend()->markers(m_selectionSeries).first()->setVisible(false);
    chart->setTitle(tr("%1 of %2 unseen-class test features and %3 mapped class embeddings")
                        .arg(kind)
                        .arg(map.samplePoints.rows)
                        .arg(map.classPoints.rows));
    m_status->setText(
        tr("%1 map. Hover a point to name it; click it to open it in Query.").arg(kind));
    if (m_selected >= 0)
        selectSample(m_selected);
    Q_EMIT mapShown(kind);
}

qint64 EmbeddingView::sampleAt(QScatterSeries* series, const QPointF& point) const
{
    const auto it = std::find(m_classSeries.begin(), m_classSeries.end(), series);
    if (it == m_classSeries.end())
        return -1;
    const auto i = static_cast<std::size_t>(it - m_classSeries.begin());
    // The chart hands back the point it drew, so it matches exactly; take the closest anyway.
    const QList<QPointF> points = series->points();
    qsizetype best = -1;
    qreal bestDistance = 0;
    for (qsizetype p = 0; p < points.size(); ++p) {
        const QPointF d = points[p] - point;
        const qreal distance = QPointF::dotProduct(d, d);
        if (best < 0 || distance < bestDistance) {
            best = p;
            bestDistance = distance;
        }
    }
    return best < 0 ? -1 : m_seriesSamples[i][static_cast<std::size_t>(best)];
}

void EmbeddingView::onPointHovered(QScatterSeries* series, const QPointF& point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    QString text;
    if (series == m_markerSeries) {
        const qsizetype i = series->points().indexOf(point);
        if (i >= 0 && i < static_cast<qsizetype>(m_input->classes.size()))
            text = tr("f(y) of class %1")
                       .arg(className(m_input->classes[static_cast<std::size_t>(i)]));
    } else if (const qint64 sample = sampleAt(series, point); sample >= 0) {
        text = tr("sample %1: %2")
                   .arg(sample)
                   .arg(className(m_data->labels[static_cast<std::size_t>(sample)]));
    }
    if (!text.isEmpty())
        QToolTip::showText(QCursor::pos(), text, m_chartView);
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
    if (!m_input || !m_selectionSeries || !m_data)
        return false;
    const auto it = std::find(m_input->samples.begin(), m_input->samples.end(), sample);
    if (it == m_input->samples.end())
        return false;
    const auto row = static_cast<std::int64_t>(it - m_input->samples.begin());
    m_selected = sample;
    m_selectionSeries->replace(
        {QPointF(m_map.samplePoints.at(row, 0), m_map.samplePoints.at(row, 1))});
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
