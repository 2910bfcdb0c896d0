// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/class_roles.h>
#include <semrel/dataset/dataset.h>
#include <semrel/evaluation/inspector.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/extractor/feature_extractor.h>

#include <QSet>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QScrollArea;
class QSlider;
class QSpinBox;

namespace semrel::ui {

class ClassPicker;
class ImageFeatureJob;
class SimilarityChart;
class ThumbnailCache;

// The Query view: what one image resembles (the paper's approximate semantic inference, Sec.
// 4.5, Fig. 4). For a test sample picked by index, or an image file run through the dataset's
// feature extractor, bars show the cosine of its feature with the mapped embedding of every
// class, seen and unseen; τ splits them into similar and dissimilar. Hiding a class's embedding
// shows what an image of a class the model has never heard of is said to resemble.
class QueryView : public QWidget
{
    Q_OBJECT

public:
    explicit QueryView(QWidget* parent = nullptr);
    ~QueryView() override;

    // nullptr for either clears the view.
    void setModelAndDataset(std::shared_ptr<const RelationModel> model,
                            std::shared_ptr<const Dataset> data);
    // Why there is nothing to query (say, the model does not fit the dataset): shown in the
    // chart while the view is empty.
    void setUnavailableReason(const QString& reason);
    // The dataset's file: the demo's feature extractor is looked for beside it.
    void setDatasetPath(const QString& path);
    // The files of the documents open in the window (openDocumentFiles()): no export replaces
    // one.
    void setOpenFiles(const QStringList& files) { m_openFiles = files; }
    // A feature extractor file (.h5 demo CNN or TorchScript .pt) for image-file queries.
    void setExtractorPath(const QString& path);
    // Shares the thumbnails (and image root) of the Predictions view; not owned.
    void setThumbnails(ThumbnailCache* thumbnails);

    // Queries a sample of the dataset. Returns false (and leaves the view) when out of range.
    bool showSample(qint64 sample);
    // Queries an image file through the feature extractor, off the GUI thread: the image is
    // decoded and its feature computed in the background, then queryChanged() follows (or an
    // error dialog). Returns false when nothing was started: no model, or no extractor chosen.
    bool showImageFile(const QString& path);
    void setTau(double tau);
    void setTopK(int k); // 0 shows every class
    void setClassHidden(int classIndex, bool hidden);

    double tau() const;
    int topK() const;
    qint64 sample() const { return m_sample; }
    SimilarityChart* chart() const { return m_chart; }
    const std::vector<ClassSimilarity>& similarities() const { return m_similarities; }

    // The chart as PNG or SVG, the similarities as CSV. Return an error message, empty on success.
    // Each first checks `path` as every save is checked (refusalToWrite()).
    QString exportPng(const QString& path) const;
    QString exportSvg(const QString& path) const;
    QString exportCsv(const QString& path) const;

Q_SIGNALS:
    void queryChanged();

private:
    QWidget* makeControls();
    QWidget* makeSidePanel();
    // query_view_export.cpp: the Export menu's button.
    QWidget* makeExportButton(QWidget* parent);
    void fillClassList();
    void refresh();
    QString extractorPathToUse();
    void onImageFeature(const QString& path, const QString& extractorPath,
                        const std::vector<float>& feature, const QImage& preview);
    void showSamplePreview();
    void chooseImageFile();
    void showPreview(const QPixmap& pixmap);

    std::shared_ptr<const RelationModel> m_model;
    std::shared_ptr<const Dataset> m_data;
    ClassRoles m_roles; // of m_data's classes
    QString m_extractorPath;
    ImageFeatureJob* m_imageFeature;
    QString m_datasetPath;
    QStringList m_openFiles;
    ThumbnailCache* m_thumbnails = nullptr;

    std::vector<float> m_feature; // raw, as in the dataset
    qint64 m_sample = -1;         // -1 for an image file
    int m_trueClass = -1;
    QString m_queryName;
    QSet<int> m_hidden;
    std::vector<ClassSimilarity> m_similarities; // all visible classes, sorted

    QSpinBox* m_sampleBox = nullptr;
    QSlider* m_tauSlider = nullptr;
    QLabel* m_tauLabel = nullptr;
    QSpinBox* m_topKBox = nullptr;
    QLabel* m_preview = nullptr;
    QLabel* m_info = nullptr;
    ClassPicker* m_classes = nullptr;
    QScrollArea* m_scroll = nullptr;
    SimilarityChart* m_chart = nullptr;
};

} // namespace semrel::ui
