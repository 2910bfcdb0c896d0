// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/thumbnail_cache.h"

#include <semrel/dataset/image_paths.h>

#include <QFileInfo>
#include <QImageReader>

namespace semrel::ui {

namespace {

// Thumbnails kept: a few screens of table rows.
constexpr int kCachedThumbnails = 600;

} // namespace

ThumbnailCache::ThumbnailCache(QObject* parent) : QObject(parent)
{
    m_cache.setMaxCost(kCachedThumbnails);
}

void ThumbnailCache::setDataset(std::shared_ptr<const Dataset> data)
{
    m_data = std::move(data);
    m_prefix = m_data ? commonFolderPrefix(m_data->imagePaths) : std::string();
    m_cache.clear();
    Q_EMIT imagesChanged();
}

void ThumbnailCache::setImageRoot(const QString& folder)
{
    if (folder == m_imageRoot)
        return;
    m_imageRoot = folder;
    m_cache.clear();
    Q_EMIT imagesChanged();
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

QImage ThumbnailCache::image(qint64 sample, int maxSize) const
{
    if (!m_data || sample < 0 || sample >= m_data->sampleCount())
        return {};
    const ImagePixels& pixels = m_data->images;
    if (!pixels.empty() && sample < pixels.count) {
        const QImage view(pixels.image(sample), static_cast<int>(pixels.width),
                          static_cast<int>(pixels.height), static_cast<int>(pixels.width),
                          QImage::Format_Grayscale8);
        return view.scaled(maxSize, maxSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    const QString path = imagePath(sample);
    if (path.isEmpty())
        return {};
    QImageReader reader(path);
    // JPEG decoders scale while decoding: far cheaper than decoding a full photo and shrinking it.
    const QSize full = reader.size();
    if (full.isValid() && (full.width() > maxSize || full.height() > maxSize))
        reader.setScaledSize(full.scaled(maxSize, maxSize, Qt::KeepAspectRatio));
    return reader.read();
}

QPixmap ThumbnailCache::thumbnail(qint64 sample, int size)
{
    const QString key = QStringLiteral("%1/%2").arg(sample).arg(size);
    if (const QPixmap* cached = m_cache.object(key))
        return *cached;
    // A missing file is cached too (as a null pixmap), so that it is not retried on every paint.
    auto* pixmap = new QPixmap(QPixmap::fromImage(image(sample, size)));
    const QPixmap result = *pixmap;
    m_cache.insert(key, pixmap);
    return result;
}

} // namespace semrel::ui
