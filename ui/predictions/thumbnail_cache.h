// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>

#include <QCache>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QString>

#include <memory>
#include <string>

namespace semrel::ui {

// Small images of a dataset's samples, decoded on first request and kept in a bounded cache:
// from the pixels stored in the dataset, or from image files whose xlsa17 folder prefix (the
// paths' common folder, e.g. "/BS/xian/work/data/Animals_with_Attributes2//JPEGImages/") is
// replaced by a folder of the user's (the image root). GUI thread only.
class ThumbnailCache : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultSize = 48;

    explicit ThumbnailCache(QObject* parent = nullptr);

    void setDataset(std::shared_ptr<const Dataset> data);
    void setImageRoot(const QString& folder);
    QString imageRoot() const { return m_imageRoot; }
    // The folder prefix the image root replaces (empty when the dataset has no paths).
    QString pathPrefix() const { return QString::fromStdString(m_prefix); }

    // True when thumbnails can come from anywhere: stored pixels, or paths and an image root (or
    // paths that exist as they are).
    bool hasImages() const;
    // Where sample's image file is looked for; empty when the dataset has no paths.
    QString imagePath(qint64 sample) const;
    // The sample's image scaled to fit `size` x `size`; a null pixmap when there is none.
    QPixmap thumbnail(qint64 sample, int size = kDefaultSize);
    // The image at (up to) `maxSize`, uncached, for a larger preview; null when there is none.
    QImage image(qint64 sample, int maxSize) const;

Q_SIGNALS:
    // The image root changed: views should ask again.
    void imagesChanged();

private:
    std::shared_ptr<const Dataset> m_data;
    QString m_imageRoot;
    std::string m_prefix;
    QCache<QString, QPixmap> m_cache;
};

} // namespace semrel::ui
