// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "query/image_feature_job.h"

#include "jobs/background_job.h"

#include <semrel/errors.h>
#include <semrel/extractor/feature_extractor.h>

#include <QImageReader>

#include <mutex>

namespace semrel::ui {

// An extractor serves one thread at a time (feature_extractor.h): a superseded run may still be
// using it when the next one starts, hence the lock.
struct ImageFeatureJob::Extractor
{
    std::mutex lock;
    std::string path; // of `loaded`
    std::unique_ptr<FeatureExtractor> loaded;
};

namespace {

struct ImageFeature
{
    std::vector<float> feature;
    QImage preview;
};

// On the job's thread. Throws DataError for an unreadable image, what the core throws for the
// extractor.
ImageFeature computeFeature(const QString& imagePath, const std::string& extractorPath,
                            int previewSize, ImageFeatureJob::Extractor& extractor,
                            const JobContext& context)
{
    QImageReader reader(imagePath);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull())
        throw DataError(
            QStringLiteral("%1: %2").arg(imagePath, reader.errorString()).toStdString());
    context.throwIfStopRequested();
    const std::lock_guard<std::mutex> hold(extractor.lock);
    if (!extractor.loaded || extractor.path != extractorPath) {
        extractor.loaded =
            std::make_unique<FeatureExtractor>(FeatureExtractor::load(extractorPath));
        extractor.path = extractorPath;
    }
    // The extractor fits the image to its input (crop, scale, invert) itself; here it is only
    // decoded.
    const bool grey = extractor.loaded->input().channels == 1;
    image = image.convertToFormat(grey ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
    const ImageView view{image.constBits(), image.width(), image.height(), grey ? 1 : 3,
                         static_cast<int>(image.bytesPerLine())};
    ImageFeature result;
    result.feature = extractor.loaded->extractImage(view);
    result.preview =
        image.scaled(previewSize, previewSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return result;
}

} // namespace

ImageFeatureJob::ImageFeatureJob(QObject* parent)
    : QObject(parent), m_extractor(std::make_shared<Extractor>()), m_job(new BackgroundJob(this))
{
    m_job->setObjectName(QStringLiteral("imageFeature"));
    connect(m_job, &BackgroundJob::failed, this, &ImageFeatureJob::failed);
}

// The job (a child) waits for a feature being computed: a fraction of a second.
ImageFeatureJob::~ImageFeatureJob() = default;

void ImageFeatureJob::start(const QString& imagePath, const QString& extractorPath, int previewSize)
{
    m_job->start(
        [imagePath, path = extractorPath.toStdString(), previewSize,
         extractor = m_extractor](JobContext& context) {
            return computeFeature(imagePath, path, previewSize, *extractor, context);
        },
        [this, imagePath, extractorPath](const ImageFeature& result) {
            Q_EMIT featureReady(imagePath, extractorPath, result.feature, result.preview);
        });
}

void ImageFeatureJob::discard()
{
    m_job->discard();
}

bool ImageFeatureJob::isRunning() const
{
    return m_job->isRunning();
}

} // namespace semrel::ui
