// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset_summary.h>

#include <QTimer>
#include <QWidget>

class QLabel;

namespace semrel::ui {

// The permanent part of the status bar: the open dataset, the model, the threads training uses
// and the process's resident memory (refreshed every second).
class StatusPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMemoryRefreshMs = 1000;

    explicit StatusPanel(QWidget* parent = nullptr);

    void setDataset(const DatasetSummary& summary);
    void clearDataset();
    void setModel(const QString& description);
    // 0 when nothing trains.
    void setThreadsInUse(int threads);
    void refreshMemory();

    QString datasetText() const;
    QString modelText() const;
    QString threadsText() const;
    QString memoryText() const;

private:
    QLabel* m_dataset;
    QLabel* m_model;
    QLabel* m_threads;
    QLabel* m_memory;
    QTimer m_memoryTimer;
};

} // namespace semrel::ui
