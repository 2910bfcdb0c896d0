// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/exploration/embedding_map.h>

#include <QList>
#include <QPointF>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QChartView;
class QLabel;
class QListWidget;
class QProgressBar;
class QGraphicsSimpleTextItem;
class QPushButton;
class QScatterSeries;

namespace semrel::ui {

class BackgroundJob;
class ClassLegend;

// The Embedding view (the paper's Fig. 1): a 2-D map of unseen-class test features coloured by
// class, with the mapped class embeddings as black markers. PCA appears first; t-SNE follows on
// request, with progress and cancel. Both are computed off the GUI thread (BackgroundJobs). Hover
// names a point; clicking one lists its nearest neighbours in feature space and asks to open it in
// the Query view.
class EmbeddingView : public QWidget
{
    Q_OBJECT

public:
    // Points drawn at most by default; larger test sets are subsampled (same share of every
    // class). A sample asked for (selectSample) is added to the map when the subsample left it out.
    static constexpr std::int64_t kMaxMapSamples = 2000;
    // The mapped class embeddings are named on the map when no more than this many are shown
    // (filter or highlight to see names at scale); hovering names any of them.
    static constexpr int kMaxNamedMarkers = 40;
    // Classes drawn as series of their own at most; more share this many series by colour.
    static constexpr int kMaxClassSeries = 120;

    enum class MapKind { None, Pca, Tsne };
    Q_ENUM(MapKind)
    static QString mapKindName(MapKind kind); // "PCA", "t-SNE"; empty for None
    static constexpr int kNeighbourCount = 10;

    explicit EmbeddingView(QWidget* parent = nullptr);
    ~EmbeddingView() override;

    // Points mapped at most for the next pair (kMaxMapSamples by default).
    void setMaxMapSamples(std::int64_t count) { m_maxMapSamples = count; }
    // Maps `data`'s unseen test samples under `model` in the background and shows their PCA
    // (mapShown(MapKind::Pca) follows); cancels a running t-SNE, and drops maps of the previous
    // pair. nullptr for either clears the view.
    void setModelAndDataset(std::shared_ptr<const RelationModel> model,
                            std::shared_ptr<const Dataset> data);
    // Why there is no map (say, the model does not fit the dataset): shown as the chart's title
    // while the view is empty.
    void setUnavailableReason(const QString& reason);
    void setTsneOptions(const TsneOptions& options) { m_tsneOptions = options; }

    // Computes the PCA map in the background; mapShown(MapKind::Pca) follows.
    void showPca();
    // Starts t-SNE in the background; mapShown(MapKind::Tsne) follows unless cancelled.
    void startTsne();
    void cancelTsne();
    bool isTsneRunning() const;

    // Selects a test sample of an unseen class: rings it and lists its neighbours. One the
    // subsample left out is added to the map, which is computed again (mapShown follows, the
    // ring with it). False when the sample is not a test sample of an unseen class.
    bool selectSample(qint64 sample);
    qint64 selectedSample() const { return m_selected; }

    MapKind mapKind() const { return m_mapKind; }
    ClassLegend* classLegend() const { return m_legend; }
    // The class names drawn beside their f(y) markers right now.
    QStringList markerNames() const;
    // Points drawn again in front for the filter and highlight when classes share series
    // (more than kMaxClassSeries); 0 otherwise.
    int frontPointCount() const;
    // Where the selection ring is drawn (map coordinates); nothing when none is.
    std::optional<QPointF> selectionRing() const;
    int samplePointCount() const;
    int classMarkerCount() const;
    // Where the map shown puts a sample (map coordinates); nothing when it is not on the map.
    std::optional<QPointF> mapPoint(qint64 sample) const;
    QChartView* chartView() const { return m_chartView; }
    QListWidget* neighbourList() const { return m_neighbours; }

Q_SIGNALS:
    void mapShown(semrel::ui::EmbeddingView::MapKind kind);
    void tsneProgress(double fraction);
    void tsneFailed(const QString& message);
    // The user clicked a sample (or double-clicked a neighbour): open it in the Query view.
    void sampleActivated(qint64 sample);

private:
    QWidget* makeControls();
    void showMap(const EmbeddingMap& map, MapKind kind);
    void startMap(MapKind kind); // of m_input, in the background
    void applyClassStyles();     // filter and highlight: what each class series shows
    void placeMarkerNames();
    void clearChart();
    void startMapping();
    void updateTsneControls();
    void onPointHovered(QScatterSeries* series, const QPointF& point, bool state);
    void onPointClicked(QScatterSeries* series, const QPointF& point);
    qint64 sampleAt(QScatterSeries* series, const QPointF& point) const;
    QString className(int c) const;

    std::shared_ptr<const RelationModel> m_model;
    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<const MapInput> m_input;
    EmbeddingMap m_map;
    TsneOptions m_tsneOptions;
    MapKind m_mapKind = MapKind::None;
    std::int64_t m_maxMapSamples = kMaxMapSamples;
    qint64 m_selected = -1;

    // Per class series: the sample of each point, in the series' order.
    std::vector<QScatterSeries*> m_classSeries; // in the order of m_input->classes
    std::vector<std::vector<qint64>> m_seriesSamples;
    std::vector<QList<QPointF>> m_classPoints;       // per class, in the order of m_input->classes
    std::vector<std::vector<qint64>> m_classSamples; // the samples of those points
    QScatterSeries* m_emphasis = nullptr;            // shared series only: the classes asked for
    std::vector<qint64> m_emphasisSamples;
    QScatterSeries* m_markerSeries = nullptr;
    QScatterSeries* m_selectionSeries = nullptr;

    QChartView* m_chartView;
    QPushButton* m_pcaButton = nullptr;
    QPushButton* m_tsneButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QListWidget* m_neighbours = nullptr;
    ClassLegend* m_legend = nullptr;
    std::vector<QGraphicsSimpleTextItem*> m_markerNames; // one per marker, hidden when crowded

    BackgroundJob* m_mapping; // map input and PCA; object name "mapping"
    BackgroundJob* m_tsne;    // object name "tsne"
};

} // namespace semrel::ui
