// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>

#include <QCache>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace semrel::ui {

class BackgroundJob;

// Small images of a dataset's samples, kept in a bounded cache: from the pixels stored in the
// dataset (copied at once: they are tiny), or from image files whose xlsa17 folder prefix (the
// paths' common folder, e.g. "/BS/xian/work/data/Animals_with_Attributes2//JPEGImages/") is
// replaced by a folder of the user's (the image root). Files are decoded off the GUI thread (a
// BackgroundJob), in the order asked; thumbnailsReady() says when more are there. GUI thread only.
class ThumbnailCache : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultSize = 48;

    explicit ThumbnailCache(QObject* parent = nullptr);
    ~ThumbnailCache() override;

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
    // The sample's image scaled to fit `size` x `size`, when it is at hand. Otherwise a null
    // pixmap: either there is no image (`pending` false), or its file is being decoded (`pending`
    // true) and thumbnailsReady() follows.
    QPixmap thumbnail(qint64 sample, int size = kDefaultSize, bool* pending = nullptr);

Q_SIGNALS:
    // The dataset or the image root changed: views should ask again.
    void imagesChanged();
    // More decoded thumbnails are in the cache: views should ask again for those they wait for.
    void thumbnailsReady();

private:
    struct Request
    {
        QString key;
        QString path;
        int size = 0;
    };
    struct Decoded;

    void decodeNext();
    void forgetAll();

    std::shared_ptr<const Dataset> m_data;
    QString m_imageRoot;
    std::string m_prefix;
    QCache<QString, QPixmap> m_cache;
    std::vector<Request> m_queue; // asked for, not yet handed to the decoder
    QSet<QString> m_pending;      // queued or being decoded
    BackgroundJob* m_decoder;
};

} // namespace semrel::ui
