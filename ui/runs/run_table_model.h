// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/runs/run_record.h>

#include <QAbstractTableModel>

#include <string>
#include <vector>

namespace semrel::ui {

// The runs table: one row per run, a column per hyper-parameter and measure (accuracies in
// percent), and a Label column with the hyper-parameters that tell the runs apart
// (distinguishingLabels() over every run of the table). Qt::DisplayRole is text; kSortRole a
// number (or text) to sort by. Cells a method does not use are empty.
class RunTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        CreatedColumn,
        KindColumn,
        DatasetColumn,
        MethodColumn,
        LabelColumn,
        TauColumn,
        Lambda1Column,
        Lambda2Column,
        AttributeStatsColumn,
        ClosedFormColumn, // ESZSL γ, λ or SAE λ, direction
        SeedColumn,
        EpochsColumn,
        ValidationColumn,
        ZslColumn,
        TsColumn,
        TrColumn,
        HColumn,
        AusucColumn,
        GammaColumn,
        CalibratedHColumn,
        SecondsColumn,
        ModelColumn,
        ColumnCount
    };
    static constexpr int kSortRole = Qt::UserRole + 1;
    static constexpr int kIdRole = Qt::UserRole + 2;

    explicit RunTableModel(QObject* parent = nullptr);

    void setRuns(std::vector<RunRecord> runs);
    // A run whose id the table has already (a model file opened again) replaces that row.
    void addRun(const RunRecord& run);
    void replaceRun(const RunRecord& run); // same id; nothing when unknown
    void removeRuns(const std::vector<std::string>& ids);

    const std::vector<RunRecord>& runs() const { return m_runs; }
    const RunRecord* runAt(int row) const;
    QString labelAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void relabel();
    QVariant display(const RunRecord& run, int row, int column) const;
    QVariant sortKey(const RunRecord& run, int row, int column) const;

    std::vector<RunRecord> m_runs;
    std::vector<std::string> m_labels;
};

} // namespace semrel::ui
