// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>

namespace semrel::ui {

// One axis of a zoomable view: which stretch [first, first + span) of `length` positions (rows,
// columns, bars) shows on `pixels` pixels; position p covers pixels [pixelOf(p), pixelOf(p + 1)).
// Fitted, the whole length fills the pixels; zoomed in, fewer positions show, each at most
// maxPixelsPerPosition() wide. Positions are fractional so that zoom and pan are smooth; the view
// never leaves [0, length]. Plain geometry, GUI thread.
class ZoomAxis
{
public:
    static constexpr double kDefaultMaxPixelsPerPosition = 64.0;

    // Fits the new length.
    void setLength(std::int64_t length);
    // Keeps the fit, or else the first position and the span (clamped).
    void setPixels(double pixels);
    void setMaxPixelsPerPosition(double pixels);

    std::int64_t length() const { return m_length; }
    double pixels() const { return m_pixels; }
    double first() const { return m_first; }
    double span() const { return m_span; }
    double last() const { return m_first + m_span; }
    double pixelsPerPosition() const { return m_span > 0.0 ? m_pixels / m_span : 0.0; }
    double maxPixelsPerPosition() const { return m_maxPixelsPerPosition; }
    bool isFitted() const { return m_fitted; }

    double pixelOf(double position) const { return (position - m_first) * pixelsPerPosition(); }
    double positionAt(double pixel) const;

    // factor > 1 zooms in, keeping the position under `atPixel` where it is. Returns whether the
    // view changed (it stops at the fit and at the largest positions).
    bool zoom(double factor, double atPixel);
    // Moves the view by `pixels` (positive: towards later positions). Returns whether it moved.
    bool pan(double pixels);
    void fit();
    // Shows [first, last) (clamped; at least the smallest span zooming allows).
    void showRange(double first, double last);
    // Pans, if needed, so that position p (a whole position) is on screen; centred when it moves.
    bool ensureVisible(std::int64_t position);

private:
    double minimumSpan() const;
    void clamp();

    std::int64_t m_length = 0;
    double m_pixels = 1.0;
    double m_first = 0.0;
    double m_span = 0.0;
    double m_maxPixelsPerPosition = kDefaultMaxPixelsPerPosition;
    bool m_fitted = true;
};

} // namespace semrel::ui
