// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/evaluation/evaluator.h>

#include <QImage>
#include <QStringList>
#include <QWidget>

namespace semrel::ui {

// A confusion matrix as a heat map: rows are true classes, columns predicted ones, each cell
// shaded by its share of the row (so small classes read as well as large ones), drawn from a
// QImage with one pixel per cell (fast for 717 x 717). Hover shows names and count; clicking a
// cell asks for the samples behind it.
class ConfusionHeatMap : public QWidget
{
    Q_OBJECT

public:
    // Class names are drawn beside the rows up to this many classes.
    static constexpr int kMaxLabelledClasses = 40;

    explicit ConfusionHeatMap(QWidget* parent = nullptr);

    // `classNames` covers every class of the dataset.
    void setMatrix(ConfusionMatrix matrix, const QStringList& classNames);
    const ConfusionMatrix& matrix() const { return m_matrix; }

    // The widget position of the centre of cell (trueIndex, predictedIndex), positions in
    // matrix().classes. For tests and keyboard users.
    QPoint cellCenter(int trueIndex, int predictedIndex) const;

    QSize sizeHint() const override { return {360, 360}; }
    QSize minimumSizeHint() const override { return {160, 160}; }

Q_SIGNALS:
    // Class indices (into the dataset's classes) of the clicked cell.
    void cellClicked(int trueClass, int predictedClass);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QRectF gridRect() const;
    bool cellAt(QPointF position, int* trueIndex, int* predictedIndex) const;
    QString name(int position) const;

    ConfusionMatrix m_matrix;
    QStringList m_classNames;
    QImage m_image;
};

} // namespace semrel::ui
