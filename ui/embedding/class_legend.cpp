// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "embedding/class_legend.h"

#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

namespace semrel::ui {

namespace {

QIcon swatch(const QColor& color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pixmap);
}

} // namespace

ClassLegend::ClassLegend(QWidget* parent)
    : QWidget(parent), m_filter(new QLineEdit(this)), m_list(new QListWidget(this))
{
    m_filter->setObjectName(QStringLiteral("classFilter"));
    m_filter->setPlaceholderText(tr("Find a class…"));
    m_filter->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("classList"));
    m_list->setToolTip(tr("Click a class to highlight it on the map; click it again to clear"));
    m_list->setUniformItemSizes(true); // hundreds of classes lay out at once
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Classes (points):"), this));
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    connect(m_filter, &QLineEdit::textChanged, this, [this] {
        refill();
        Q_EMIT filterChanged();
    });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int c = item->data(Qt::UserRole).toInt();
        highlightClass(c == m_highlighted ? -1 : c);
    });
}

void ClassLegend::setEntries(QList<Entry> entries)
{
    m_entries = std::move(entries);
    m_highlighted = -1;
    refill();
}

void ClassLegend::setFilter(const QString& text)
{
    m_filter->setText(text);
}

QString ClassLegend::filter() const
{
    return m_filter->text().trimmed();
}

bool ClassLegend::passes(int classIndex) const
{
    return m_passing.contains(classIndex);
}

int ClassLegend::shownCount() const
{
    return static_cast<int>(m_list->count());
}

void ClassLegend::highlightClass(int classIndex)
{
    if (classIndex == m_highlighted)
        return;
    m_highlighted = classIndex;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const bool on = item->data(Qt::UserRole).toInt() == classIndex;
        item->setSelected(on);
        if (on)
            m_list->scrollToItem(item);
    }
    Q_EMIT highlightChanged(classIndex);
}

void ClassLegend::refill()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    m_passing.clear();
    const QString text = filter();
    QHash<QRgb, QIcon> swatches; // classes share colours at scale
    for (const Entry& entry : std::as_const(m_entries)) {
        if (!text.isEmpty() && !entry.name.contains(text, Qt::CaseInsensitive))
            continue;
        auto icon = swatches.constFind(entry.color.rgba());
        if (icon == swatches.cend())
            icon = swatches.insert(entry.color.rgba(), swatch(entry.color));
        auto* item = new QListWidgetItem(
            *icon, QStringLiteral("%1 (%2)").arg(entry.name).arg(entry.points), m_list);
        item->setData(Qt::UserRole, entry.classIndex);
        m_passing.insert(entry.classIndex);
        item->setSelected(entry.classIndex == m_highlighted);
    }
}

} // namespace semrel::ui
