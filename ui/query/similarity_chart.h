// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/evaluation/inspector.h>

#include <QColor>
#include <QWidget>

#include <vector>

namespace semrel::ui {

// Horizontal bars of the cosine similarity of one image with each class (the paper's Fig. 4),
// in the order given (most similar first): green for classes similar to it (≥ τ), red for
// dissimilar ones, the true class outlined and starred, a dashed line at τ. Painted directly
// rather than with Qt Charts: a category axis of 717 labels takes far longer than 50 ms to lay
// out, and painting only the rows in view keeps scrolling smooth. The widget is as tall as its
// bars; put it in a QScrollArea.
class SimilarityChart : public QWidget
{
    Q_OBJECT

public:
    static const QColor kSimilarColor;
    static const QColor kDissimilarColor;

    explicit SimilarityChart(QWidget* parent = nullptr);

    // `similarities` sorted as they are to be shown; `trueClass` -1 when unknown (an image file).
    void setSimilarities(std::vector<ClassSimilarity> similarities, double tau, int trueClass);
    void setTitle(const QString& title);
    // The text shown while there are no bars; empty restores "Pick a sample or an image".
    void setPlaceholderText(const QString& text);
    QString placeholderText() const;

    int barCount() const { return static_cast<int>(m_bars.size()); }
    const ClassSimilarity& bar(int i) const { return m_bars[static_cast<std::size_t>(i)]; }
    QColor barColor(int i) const;
    // The row of the true class, or -1 when it is not shown.
    int trueClassRow() const;
    double tau() const { return m_tau; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Geometry;
    Geometry geometry() const;
    void paintBar(QPainter& painter, const Geometry& g, int row) const;
    void paintAxis(QPainter& painter, const Geometry& g) const;
    int rowAt(int y) const;

    std::vector<ClassSimilarity> m_bars;
    double m_tau = 0.0;
    int m_trueClass = -1;
    QString m_title;
    QString m_placeholder;
    int m_labelWidth = 0;
    double m_low = -1.0;
    double m_high = 1.0;
};

} // namespace semrel::ui
