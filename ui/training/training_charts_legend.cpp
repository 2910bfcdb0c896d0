// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_charts_legend.h"

#include <QPainter>

namespace semrel::ui {

TrainingChartsLegend::TrainingChartsLegend(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void TrainingChartsLegend::setEntries(QList<Entry> entries)
{
    m_entries = std::move(entries);
    setVisible(!m_entries.isEmpty());
    updateGeometry();
    update();
}

int TrainingChartsLegend::lineHeight() const
{
    return fontMetrics().height() + 2;
}

QSize TrainingChartsLegend::sizeHint() const
{
    int width = 0;
    for (const Entry& entry : m_entries)
        width = std::max(width, fontMetrics().horizontalAdvance(entry.text));
    return {kSwatchWidth + 8 + width, lineHeight() * static_cast<int>(m_entries.size())};
}

QSize TrainingChartsLegend::minimumSizeHint() const
{
    return {kSwatchWidth * 2, sizeHint().height()};
}

void TrainingChartsLegend::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int h = lineHeight();
    for (int i = 0; i < m_entries.size(); ++i) {
        const int middle = i * h + h / 2;
        painter.setPen(m_entries[i].pen);
        painter.drawLine(QPointF(4, middle), QPointF(kSwatchWidth, middle));
        painter.setPen(palette().color(QPalette::WindowText));
        const QRect text(kSwatchWidth + 8, i * h, width() - kSwatchWidth - 8, h);
        painter.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                         fontMetrics().elidedText(m_entries[i].text, Qt::ElideRight, text.width()));
    }
}

} // namespace semrel::ui
