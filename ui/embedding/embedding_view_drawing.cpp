// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// EmbeddingView: drawing a map (series per class, f(y) markers and their names, the selection
// ring) and what hovering shows.
#include "embedding/class_legend.h"
#include "embedding/embedding_view.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsSimpleTextItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>

namespace semrel::ui {

namespace {

constexpr qreal kPointSize = 7.0;
constexpr qreal kMarkerSize = 13.0;
constexpr qreal kRingSize = 22.0;
constexpr int kDimmedAlpha = 35; // classes other than the highlighted one

QColor classColor(int position)
{
    // Hues around the wheel (golden-ratio steps, so that any number of classes spreads out),
    // three lightness levels so that neighbouring hues stay apart.
    const double hue = std::fmod(position * 0.618033988749895, 1.0);
    const float value = std::array{0.95f, 0.72f, 0.55f}[static_cast<std::size_t>(position % 3)];
    return QColor::fromHsvF(static_cast<float>(hue), 0.8f, value);
}

} // namespace

void EmbeddingView::clearChart()
{
    QChart* chart = m_chartView->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    chart->setTitle({});
    for (QGraphicsSimpleTextItem* name : m_markerNames)
        delete name;
    m_markerNames.clear();
    m_classSeries.clear();
    m_seriesSamples.clear();
    m_markerSeries = nullptr;
    m_selectionSeries = nullptr;
    m_emphasis = nullptr;
    m_emphasisSamples.clear();
    m_classPoints.clear();
    m_classSamples.clear();
    m_map = {};
    m_legend->setEntries({});
}

void EmbeddingView::showMap(const EmbeddingMap& map, MapKind kind)
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
    // One series per class up to kMaxClassSeries classes; beyond, the classes share that many
    // series by colour (a chart of thousands of series takes seconds to build, and thousands of
    // colours cannot be told apart anyway): filter and highlight then draw the classes asked for
    // in front (m_emphasis).
    const auto k = static_cast<int>(m_input->classes.size());
    const int seriesCount = std::min(k, kMaxClassSeries);
    std::vector<int> position(static_cast<std::size_t>(m_data->classCount()), -1);
    for (int i = 0; i < k; ++i)
        position[static_cast<std::size_t>(m_input->classes[static_cast<std::size_t>(i)])] = i;
    for (int i = 0; i < seriesCount; ++i) {
        auto* series = new QScatterSeries;
        series->setName(k > kMaxClassSeries
                            ? tr("classes %1, %2, …").arg(i).arg(i + kMaxClassSeries)
                            : className(m_input->classes[static_cast<std::size_t>(i)]));
        series->setMarkerSize(kPointSize);
        series->setBorderColor(Qt::transparent);
        m_classSeries.push_back(series);
    }
    m_seriesSamples.resize(m_classSeries.size());
    m_classPoints.assign(static_cast<std::size_t>(k), {});
    m_classSamples.assign(static_cast<std::size_t>(k), {});
    std::vector<QList<QPointF>> points(m_classSeries.size());
    for (std::int64_t r = 0; r < map.samplePoints.rows; ++r) {
        const auto i = static_cast<std::size_t>(
            position[static_cast<std::size_t>(m_input->labels[static_cast<std::size_t>(r)])]);
        const QPointF at(map.samplePoints.at(r, 0), map.samplePoints.at(r, 1));
        const qint64 sample = m_input->samples[static_cast<std::size_t>(r)];
        points[i % m_classSeries.size()].append(at);
        m_seriesSamples[i % m_classSeries.size()].push_back(sample);
        m_classPoints[i].append(at);
        m_classSamples[i].push_back(sample);
    }
    if (k > kMaxClassSeries) {
        m_emphasis = new QScatterSeries;
        m_emphasis->setName(tr("classes found"));
        m_emphasis->setMarkerSize(kPointSize + 1);
        m_emphasis->setBorderColor(Qt::white);
    }
    m_markerSeries = new QScatterSeries;
    m_markerSeries->setName(tr("class embedding f(y)"));
    m_markerSeries->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    m_markerSeries->setMarkerSize(kMarkerSize);
    m_markerSeries->setColor(Qt::black);
    m_markerSeries->setBorderColor(Qt::white);
    QList<QPointF> markers;
    for (std::int64_t c = 0; c < map.classPoints.rows; ++c)
        markers.append(QPointF(map.classPoints.at(c, 0), map.classPoints.at(c, 1)));
    m_markerSeries->replace(markers);
    // Drawn last, so above the markers; a colour no class and no marker has.
    m_selectionSeries = new QScatterSeries;
    m_selectionSeries->setName(tr("selected"));
    m_selectionSeries->setMarkerSize(kRingSize);
    m_selectionSeries->setColor(Qt::transparent);
    m_selectionSeries->setPen(QPen(QColor(0xff, 0x00, 0xcc), 3));

    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    std::vector<QScatterSeries*> all = m_classSeries;
    if (m_emphasis)
        all.push_back(m_emphasis);
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
    x->setTitleText(kind == MapKind::Pca ? tr("component 1") : QString());
    y->setTitleText(kind == MapKind::Pca ? tr("component 2") : QString());
    // The classes are listed beside the map (ClassLegend); the chart's legend explains the
    // marker and the ring only.
    chart->legend()->setAlignment(Qt::AlignBottom);
    for (QScatterSeries* series : m_classSeries)
        chart->legend()->markers(series).first()->setVisible(false);
    if (m_emphasis)
        chart->legend()->markers(m_emphasis).first()->setVisible(false);

    for (int i = 0; i < k; ++i) {
        auto* name = new QGraphicsSimpleTextItem(
            className(m_input->classes[static_cast<std::size_t>(i)]), chart);
        name->setZValue(10);
        m_markerNames.push_back(name);
    }
    QList<ClassLegend::Entry> entries;
    for (int i = 0; i < k; ++i)
        entries.append({m_input->classes[static_cast<std::size_t>(i)],
                        className(m_input->classes[static_cast<std::size_t>(i)]),
                        classColor(i % static_cast<int>(m_classSeries.size())),
                        static_cast<int>(m_classPoints[static_cast<std::size_t>(i)].size())});
    const QString filter = m_legend->filter();
    m_legend->setEntries(std::move(entries));
    m_legend->setFilter(filter);
    applyClassStyles();

    chart->setTitle(tr("%1 of %2 unseen-class test features and %3 mapped class embeddings")
                        .arg(mapKindName(kind))
                        .arg(map.samplePoints.rows)
                        .arg(map.classPoints.rows));
    m_status->setText(tr("%1 map. Hover a point to name it; click it to open it in Query.")
                          .arg(mapKindName(kind)));
    if (m_selected >= 0)
        selectSample(m_selected);
    Q_EMIT mapShown(kind);
}

void EmbeddingView::applyClassStyles()
{
    if (!m_input)
        return;
    const int highlighted = m_legend->highlightedClass();
    const bool narrowed = highlighted >= 0 || !m_legend->filter().isEmpty();
    const bool perClass = m_emphasis == nullptr;
    for (std::size_t i = 0; i < m_classSeries.size(); ++i) {
        QColor color = classColor(static_cast<int>(i));
        if (perClass) {
            const int c = m_input->classes[i];
            if (highlighted >= 0 && c != highlighted)
                color.setAlpha(kDimmedAlpha);
            m_classSeries[i]->setVisible(m_legend->passes(c));
        } else if (narrowed) {
            color.setAlpha(kDimmedAlpha);
        }
        m_classSeries[i]->setColor(color);
    }
    if (perClass)
        return placeMarkerNames();
    // Shared series: the classes asked for are drawn again, in front.
    QList<QPointF> front;
    m_emphasisSamples.clear();
    int found = 0, last = -1;
    for (std::size_t i = 0; narrowed && i < m_input->classes.size(); ++i) {
        const int c = m_input->classes[i];
        if (!m_legend->passes(c) || (highlighted >= 0 && c != highlighted))
            continue;
        front.append(m_classPoints[i]);
        m_emphasisSamples.insert(m_emphasisSamples.end(), m_classSamples[i].begin(),
                                 m_classSamples[i].end());
        ++found;
        last = static_cast<int>(i);
    }
    m_emphasis->setColor(found == 1 ? classColor(last % kMaxClassSeries)
                                    : QColor(0x20, 0x20, 0x20));
    m_emphasis->replace(front);
    placeMarkerNames();
}

void EmbeddingView::placeMarkerNames()
{
    if (!m_markerSeries || !m_input || m_markerNames.size() != m_input->classes.size())
        return;
    const int highlighted = m_legend->highlightedClass();
    const int shown = m_legend->shownCount();
    QChart* chart = m_chartView->chart();
    const QRectF plot = chart->plotArea();
    for (std::size_t i = 0; i < m_markerNames.size(); ++i) {
        const int c = m_input->classes[i];
        // Named where there is room: few classes shown, or the one highlighted.
        const bool named = m_legend->passes(c) && (shown <= kMaxNamedMarkers || c == highlighted);
        QGraphicsSimpleTextItem* name = m_markerNames[i];
        const QPointF at =
            chart->mapToPosition(m_markerSeries->at(static_cast<qsizetype>(i)), m_markerSeries);
        name->setVisible(named && plot.contains(at));
        QFont font = name->font();
        font.setBold(c == highlighted);
        name->setFont(font);
        name->setPos(at + QPointF(kMarkerSize / 2 + 2, -name->boundingRect().height() / 2));
    }
}

QStringList EmbeddingView::markerNames() const
{
    QStringList names;
    for (const QGraphicsSimpleTextItem* name : m_markerNames)
        if (name->isVisible())
            names << name->text();
    return names;
}

int EmbeddingView::frontPointCount() const
{
    return m_emphasis ? static_cast<int>(m_emphasis->count()) : 0;
}

std::optional<QPointF> EmbeddingView::selectionRing() const
{
    if (!m_selectionSeries || m_selectionSeries->count() == 0)
        return std::nullopt;
    return m_selectionSeries->at(0);
}

qint64 EmbeddingView::sampleAt(QScatterSeries* series, const QPointF& point) const
{
    const std::vector<qint64>* samples = nullptr;
    if (series == m_emphasis)
        samples = &m_emphasisSamples;
    else if (const auto it = std::find(m_classSeries.begin(), m_classSeries.end(), series);
             it != m_classSeries.end())
        samples = &m_seriesSamples[static_cast<std::size_t>(it - m_classSeries.begin())];
    if (!samples)
        return -1;
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
    return best < 0 ? -1 : (*samples)[static_cast<std::size_t>(best)];
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

} // namespace semrel::ui
