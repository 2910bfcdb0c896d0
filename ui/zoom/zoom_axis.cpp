// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "zoom/zoom_axis.h"

#include <algorithm>

namespace semrel::ui {

void ZoomAxis::setLength(std::int64_t length)
{
    m_length = std::max<std::int64_t>(0, length);
    fit();
}

void ZoomAxis::setPixels(double pixels)
{
    m_pixels = std::max(1.0, pixels);
    if (m_fitted)
        fit();
    else
        clamp();
}

void ZoomAxis::setMaxPixelsPerPosition(double pixels)
{
    m_maxPixelsPerPosition = std::max(1.0, pixels);
    clamp();
}

double ZoomAxis::positionAt(double pixel) const
{
    const double perPosition = pixelsPerPosition();
    return perPosition > 0.0 ? m_first + pixel / perPosition : m_first;
}

double ZoomAxis::minimumSpan() const
{
    return std::min(static_cast<double>(m_length), m_pixels / m_maxPixelsPerPosition);
}

void ZoomAxis::clamp()
{
    const auto length = static_cast<double>(m_length);
    m_span = std::clamp(m_span, minimumSpan(), length);
    m_first = std::clamp(m_first, 0.0, length - m_span);
    m_fitted = m_span >= length;
}

bool ZoomAxis::zoom(double factor, double atPixel)
{
    if (!(factor > 0.0) || m_length == 0)
        return false;
    const double anchor = positionAt(atPixel);
    const double oldFirst = m_first;
    const double oldSpan = m_span;
    m_span = std::clamp(m_span / factor, minimumSpan(), static_cast<double>(m_length));
    // Keep the anchor under the same pixel: anchor = first + atPixel * span / pixels.
    m_first = anchor - atPixel * m_span / m_pixels;
    clamp();
    return m_first != oldFirst || m_span != oldSpan;
}

bool ZoomAxis::pan(double pixels)
{
    const double oldFirst = m_first;
    const double perPosition = pixelsPerPosition();
    if (perPosition <= 0.0)
        return false;
    m_first += pixels / perPosition;
    clamp();
    return m_first != oldFirst;
}

void ZoomAxis::fit()
{
    m_first = 0.0;
    m_span = static_cast<double>(m_length);
    m_fitted = true;
}

void ZoomAxis::showRange(double first, double last)
{
    m_span = std::max(last - first, 0.0);
    m_first = first;
    clamp();
}

bool ZoomAxis::ensureVisible(std::int64_t position)
{
    const auto p = static_cast<double>(position);
    if (position < 0 || position >= m_length || (p >= m_first && p + 1.0 <= last()))
        return false;
    m_first = p + 0.5 - m_span / 2.0;
    clamp();
    return true;
}

} // namespace semrel::ui
