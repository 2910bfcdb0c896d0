// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QPen>
#include <QString>
#include <QWidget>

namespace semrel::ui {

// The runs on the training charts, one line each: the stroke its curves are drawn with and its
// full label ("Run 2 (proposed, τ 0.20, λ1 0.5)"). Beside the charts rather than in their
// legends, which have no room for long labels and would repeat them in both charts.
class TrainingChartsLegend : public QWidget
{
    Q_OBJECT

public:
    struct Entry
    {
        QPen pen;
        QString text;
    };

    explicit TrainingChartsLegend(QWidget* parent = nullptr);

    void setEntries(QList<Entry> entries);
    const QList<Entry>& entries() const { return m_entries; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    static constexpr int kSwatchWidth = 36;
    int lineHeight() const;

    QList<Entry> m_entries;
};

} // namespace semrel::ui
