// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/exploration/embedding_map.h>

#include <QPointF>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QChartView;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QScatterSeries;

namespace semrel::ui {

class BackgroundJob;

// The Embedding view (the paper's Fig. 1): a 2-D map of unseen-class test features coloured by
// class, with the mapped class embeddings as black markers. PCA appears first; t-SNE follows on
// request, with progress and cancel. Both are computed off the GUI thread (BackgroundJobs). Hover
// names a point; clicking one lists its nearest neighbours in feature space and asks to open it in
// the Query view.
class EmbeddingView : public QWidget
{
    Q_OBJECT

public:
    // Points drawn at most; larger test sets are subsampled (same share of every class).
    static constexpr std::int64_t kMaxMapSamples = 2000;
    static constexpr int kNeighbourCount = 10;

    explicit EmbeddingView(QWidget* parent = nullptr);
    ~EmbeddingView() override;

    // Maps `data`'s unseen test samples under `model` in the background and shows their PCA
    // (mapShown(tr("PCA")) follows); cancels a running t-SNE, and drops maps of the previous
    // pair. nullptr for either clears the view.
    void setModelAndDataset(std::shared_ptr<const RelationModel> model,
                            std::shared_ptr<const Dataset> data);
    // Why there is no map (say, the model does not fit the dataset): shown as the chart's title
    // while the view is empty.
    void setUnavailableReason(const QString& reason);
    void setTsneOptions(const TsneOptions& options) { m_tsneOptions = options; }

    // Computes the PCA map in the background; mapShown(tr("PCA")) follows.
    void showPca();
    // Starts t-SNE in the background; mapShown(tr("t-SNE")) follows unless cancelled.
    void startTsne();
    void cancelTsne();
    bool isTsneRunning() const;

    // Selects a mapped sample: highlights it and lists its neighbours. False when not on the map.
    bool selectSample(qint64 sample);
    qint64 selectedSample() const { return m_selected; }

    QString mapKind() const { return m_mapKind; }
    int samplePointCount() const;
    int classMarkerCount() const;
    // Where the map shown puts a sample (map coordinates); nothing when it is not on the map.
    std::optional<QPointF> mapPoint(qint64 sample) const;
    QChartView* chartView() const { return m_chartView; }
    QListWidget* neighbourList() const { return m_neighbours; }

Q_SIGNALS:
    void mapShown(const QString& kind);
    void tsneProgress(double fraction);
    void tsneFailed(const QString& message);
    // The user clicked a sample (or double-clicked a neighbour): open it in the Query view.
    void sampleActivated(qint64 sample);

private:
    QWidget* makeControls();
    void showMap(const EmbeddingMap& map, const QString& kind);
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
    QString m_mapKind;
    qint64 m_selected = -1;

    // Per class series: the sample of each point, in the series' order.
    std::vector<QScatterSeries*> m_classSeries;
    std::vector<std::vector<qint64>> m_seriesSamples;
    QScatterSeries* m_markerSeries = nullptr;
    QScatterSeries* m_selectionSeries = nullptr;

    QChartView* m_chartView;
    QPushButton* m_pcaButton = nullptr;
    QPushButton* m_tsneButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QListWidget* m_neighbours = nullptr;

    BackgroundJob* m_mapping; // map input and PCA; object name "mapping"
    BackgroundJob* m_tsne;    // object name "tsne"
};

} // namespace semrel::ui
