// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace semrel::ui {

class BackgroundJob;

// The feature of an image file, computed off the GUI thread (a BackgroundJob): decoded, fitted
// to the extractor's input and run through it. The extractor is loaded on first use (a
// TorchScript module takes up to seconds) and kept for the next image. One image at a time: a
// newer start(), or discard(), drops the older one's result. GUI thread only.
class ImageFeatureJob : public QObject
{
    Q_OBJECT

public:
    explicit ImageFeatureJob(QObject* parent = nullptr);
    ~ImageFeatureJob() override;

    // The feature of `imagePath` under the extractor in `extractorPath` (.h5 demo CNN or
    // TorchScript .pt), with a preview fitted into previewSize x previewSize.
    void start(const QString& imagePath, const QString& extractorPath, int previewSize);
    void discard();
    bool isRunning() const;

    // The loaded extractor and its lock, shared with the runs (defined in the .cpp).
    struct Extractor;

Q_SIGNALS:
    void featureReady(const QString& imagePath, const QString& extractorPath,
                      const std::vector<float>& feature, const QImage& preview);
    // The image or the extractor could not be read, or the extractor failed (the core's message).
    void failed(const QString& message);

private:
    std::shared_ptr<Extractor> m_extractor; // shared with the runs, which take its lock
    BackgroundJob* m_job;                   // object name "imageFeature"
};

} // namespace semrel::ui
