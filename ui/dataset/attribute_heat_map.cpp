// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "dataset/attribute_heat_map.h"

#include <algorithm>
#include <cmath>

namespace semrel::ui {

namespace {

// A light-yellow -> green -> dark-blue ramp (after viridis, reversed): high values stand out
// dark on a light background. t in [0, 1].
QRgb rampColor(double t)
{
    static const QColor stops[] = {QColor(0xfd, 0xf5, 0xc4), QColor(0x7a, 0xd1, 0x51),
                                   QColor(0x21, 0x91, 0x8c), QColor(0x3b, 0x52, 0x8b),
                                   QColor(0x44, 0x01, 0x54)};
    constexpr int kSegments = 4;
    const double x = std::clamp(t, 0.0, 1.0) * kSegments;
    const int i = std::min(static_cast<int>(x), kSegments - 1);
    const double f = x - i;
    const QColor& a = stops[i];
    const QColor& b = stops[i + 1];
    return qRgb(int(a.red() + f * (b.red() - a.red())),
                int(a.green() + f * (b.green() - a.green())),
                int(a.blue() + f * (b.blue() - a.blue())));
}

} // namespace

AttributeHeatMap::AttributeHeatMap(QWidget* parent) : CellImageWidget(parent)
{
    setObjectName(QStringLiteral("attributeHeatMap"));
}

void AttributeHeatMap::setEmbeddings(const FloatMatrix& embeddings, const QStringList& classNames)
{
    m_embeddings = embeddings;
    m_classNames = classNames;
    QImage image(static_cast<int>(embeddings.cols), static_cast<int>(embeddings.rows),
                 QImage::Format_RGB32);
    for (std::int64_t a = 0; a < embeddings.cols; ++a) {
        float low = embeddings.rows > 0 ? embeddings.at(0, a) : 0.0f;
        float high = low;
        for (std::int64_t c = 1; c < embeddings.rows; ++c) {
            low = std::min(low, embeddings.at(c, a));
            high = std::max(high, embeddings.at(c, a));
        }
        const double range = high > low ? double(high) - low : 1.0;
        for (std::int64_t c = 0; c < embeddings.rows; ++c)
            image.setPixel(int(a), int(c), rampColor((embeddings.at(c, a) - low) / range));
    }
    setImage(std::move(image), /*highlightColumnToo=*/false);
}

QString AttributeHeatMap::cellToolTip(int row, int column) const
{
    if (row >= m_classNames.size() || row >= m_embeddings.rows || column >= m_embeddings.cols)
        return {};
    return tr("%1, attribute %2: %3")
        .arg(m_classNames.at(row))
        .arg(column + 1)
        .arg(double(m_embeddings.at(row, column)), 0, 'g', 4);
}

} // namespace semrel::ui
