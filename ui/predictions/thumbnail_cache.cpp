// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/thumbnail_cache.h"

#include "jobs/background_job.h"

#include <semrel/dataset/image_paths.h>

#include <QElapsedTimer>
#include <QFileInfo>
#include <QImageReader>

namespace semrel::ui {

namespace {

// Thumbnails kept: a few screens of table rows.
constexpr int kCachedThumbnails = 600;
// Decoded images reach the cache in batches at most this far apart, so that a screen of rows
// costs a few repaints, not one per image.
constexpr int kBatchMs = 50;

QString keyOf(qint64 sample, int size)
{
    return QStringLiteral("%1/%2").arg(sample).arg(size);
}

// Any thread. The file's image, fitted into size x size; null when it cannot be read.
QImage decodeFile(const QString& path, int size)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    // JPEG decoders scale while decoding: far cheaper than decoding a full photo and shrinking it.
    const QSize full = reader.size();
    if (full.isValid() && (full.width() > size || full.height() > size))
        reader.setScaledSize(full.scaled(size, size, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (!image.isNull() && (image.width() > size || image.height() > size))
        image = image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

} // namespace

// A batch of decoded images, by cache key (a null image: the file could not be read).
struct ThumbnailCache::Decoded
{
    std::vector<std::pair<QString, QImage>> images;
};

ThumbnailCache::ThumbnailCache(QObject* parent)
    : QObject(parent), m_decoder(new BackgroundJob(this))
{
    m_cache.setMaxCost(kCachedThumbnails);
}

// The decoder (a child) stops at the next image and waits.
ThumbnailCache::~ThumbnailCache() = default;

void ThumbnailCache::setDataset(std::shared_ptr<const Dataset> data)
{
    m_data = std::move(data);
    m_prefix = m_data ? commonFolderPrefix(m_data->imagePaths) : std::string();
    forgetAll();
    Q_EMIT imagesChanged();
}

void ThumbnailCache::setImageRoot(const QString& folder)
{
    if (folder == m_imageRoot)
        return;
    m_imageRoot = folder;
    forgetAll();
    Q_EMIT imagesChanged();
}

void ThumbnailCache::forgetAll()
{
    // Images being decoded now are of the old files: dropped when they arrive.
    m_decoder->discard();
    m_queue.clear();
    m_pending.clear();
    m_cache.clear();
}

bool ThumbnailCache::hasImages() const
{
    if (!m_data)
        return false;
    if (!m_data->images.empty())
        return true;
    if (m_data->imagePaths.empty())
        return false;
    return !m_imageRoot.isEmpty() || QFileInfo::exists(imagePath(0));
}

QString ThumbnailCache::imagePath(qint64 sample) const
{
    if (!m_data || sample < 0 || sample >= static_cast<qint64>(m_data->imagePaths.size()))
        return {};
    return QString::fromStdString(remapImagePath(
        m_data->imagePaths[static_cast<std::size_t>(sample)], m_prefix, m_imageRoot.toStdString()));
}

QPixmap ThumbnailCache::thumbnail(qint64 sample, int size, bool* pending)
{
    if (pending)
        *pending = false;
    if (!m_data || sample < 0 || sample >= m_data->sampleCount())
        return {};
    const QString key = keyOf(sample, size);
    if (const QPixmap* cached = m_cache.object(key))
        return *cached;
    const ImagePixels& pixels = m_data->images;
    if (!pixels.empty() && sample < pixels.count) {
        const QImage view(pixels.image(sample), static_cast<int>(pixels.width),
                          static_cast<int>(pixels.height), static_cast<int>(pixels.width),
                          QImage::Format_Grayscale8);
        auto* pixmap = new QPixmap(QPixmap::fromImage(
            view.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        const QPixmap result = *pixmap;
        m_cache.insert(key, pixmap);
        return result;
    }
    const QString path = imagePath(sample);
    if (path.isEmpty())
        return {};
    if (!m_pending.contains(key)) {
        m_pending.insert(key);
        m_queue.push_back({key, path, size});
        if (!m_decoder->isRunning())
            decodeNext();
    }
    if (pending)
        *pending = true;
    return {};
}

void ThumbnailCache::decodeNext()
{
    if (m_queue.empty())
        return;
    // The newest requests first: they are the rows on screen now.
    std::vector<Request> batch(m_queue.rbegin(), m_queue.rend());
    m_queue.clear();
    const auto arrive = [this](const Decoded& decoded) {
        for (const auto& [key, image] : decoded.images) {
            m_pending.remove(key);
            // A missing file is cached too (as a null pixmap), so that it is not retried on
            // every paint.
            m_cache.insert(key, new QPixmap(QPixmap::fromImage(image)));
        }
        Q_EMIT thumbnailsReady();
    };
    m_decoder->start(
        [batch, arrive](JobContext& context) {
            Decoded decoded;
            QElapsedTimer sincePost;
            sincePost.start();
            for (const Request& request : batch) {
                context.throwIfStopRequested();
                decoded.images.emplace_back(request.key, decodeFile(request.path, request.size));
                if (sincePost.elapsed() >= kBatchMs) {
                    context.post([arrive, part = std::move(decoded)] { arrive(part); });
                    decoded = {};
                    sincePost.restart();
                }
            }
            return decoded;
        },
        [this, arrive](const Decoded& rest) {
            arrive(rest);
            decodeNext(); // what was asked meanwhile
        });
}

} // namespace semrel::ui
