// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QList>
#include <QSet>
#include <QWidget>

class QLineEdit;
class QListWidget;

namespace semrel::ui {

// The classes of a map, one line each (colour, name, points), under a filter box: it scales to
// hundreds of classes where a chart legend would crowd out the chart. Typing narrows the list
// (and what the map shows, through filterChanged); clicking a class highlights it.
class ClassLegend : public QWidget
{
    Q_OBJECT

public:
    struct Entry
    {
        int classIndex = -1;
        QString name;
        QColor color;
        int points = 0;
    };

    explicit ClassLegend(QWidget* parent = nullptr);

    void setEntries(QList<Entry> entries);
    // Case-insensitive substring of the class name; empty for all.
    void setFilter(const QString& text);
    QString filter() const;
    // Whether the filter lets the class through.
    bool passes(int classIndex) const;
    int shownCount() const; // classes the filter lets through
    // The highlighted class, -1 for none; highlightClass(-1) clears it.
    int highlightedClass() const { return m_highlighted; }
    void highlightClass(int classIndex);

Q_SIGNALS:
    void filterChanged();
    void highlightChanged(int classIndex);

private:
    void refill();

    QLineEdit* m_filter;
    QListWidget* m_list;
    QList<Entry> m_entries;
    QSet<int> m_passing; // the classes the filter lets through
    int m_highlighted = -1;
};

} // namespace semrel::ui
