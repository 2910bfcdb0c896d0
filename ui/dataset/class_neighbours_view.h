// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/exploration/class_deltas.h>

#include <QStringList>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace semrel::ui {

// The classes most similar and most dissimilar to the selected one (neighboursOf(), core), each
// list a table of class and δ: the δ column is sized to its numbers, so a long name is elided
// but δ is never cut off. Each class is marked with its relation at the current τ. Clicking a
// neighbour asks to select it.
class ClassNeighboursView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kShown = 8;
    enum Column { ClassColumn, DeltaColumn };

    explicit ClassNeighboursView(QWidget* parent = nullptr);

    void showNeighbours(const ClassNeighbours& neighbours, const QStringList& classNames,
                        int classIndex, double tau);
    void clear();

    const QTreeWidget* similarList() const { return m_similar; }
    const QTreeWidget* dissimilarList() const { return m_dissimilar; }

Q_SIGNALS:
    void classClicked(int classIndex);

private:
    void onItemActivated(QTreeWidgetItem* item);

    QLabel* m_title;
    QTreeWidget* m_similar;
    QTreeWidget* m_dissimilar;
};

} // namespace semrel::ui
