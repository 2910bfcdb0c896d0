// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/method/semantic_relations.h>

#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace semrel::ui {

// The classes most similar and most dissimilar to the selected one, by δ, with their relation at
// the current τ. Clicking a neighbour asks to select it.
class ClassNeighboursView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kShown = 8;

    explicit ClassNeighboursView(QWidget* parent = nullptr);

    void showNeighbours(const SemanticRelations& relations, const QStringList& classNames,
                        int classIndex);
    void clear();

    const QListWidget* similarList() const { return m_similar; }
    const QListWidget* dissimilarList() const { return m_dissimilar; }

Q_SIGNALS:
    void classClicked(int classIndex);

private:
    void onItemActivated(QListWidgetItem* item);

    QLabel* m_title;
    QListWidget* m_similar;
    QListWidget* m_dissimilar;
};

} // namespace semrel::ui
