// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/runs/run_record.h>

#include <QWidget>

#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;

namespace semrel::ui {

class ClassComparisonView;
class RunCurvesView;
class RunRecorder;
class RunTableModel;

// The Runs view: every training, tuning grid point and opened model of this and earlier
// sessions (and runs the command line adds to the same folder, shown as they appear), kept in a
// runs folder on disk (RunRecorder, the core's RunStore). Sort by any column, filter by text,
// select runs to overlay their curves, two to compare class by class; delete runs; export the table
// as CSV (the core's runsCsv()). Computes nothing itself.
class RunsView : public QWidget
{
    Q_OBJECT

public:
    // Reads `folder` (created on the first run added).
    explicit RunsView(const QString& folder, QWidget* parent = nullptr);

    RunRecorder* recorder() const { return m_recorder; }
    RunTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    RunCurvesView* curves() const { return m_curves; }
    ClassComparisonView* comparison() const { return m_comparison; }
    QAction* exportCsvAction() const { return m_exportCsvAction; }
    QAction* deleteAction() const { return m_deleteAction; }
    // Reads the folder again now (the recorder also does on its own when the folder changes).
    QAction* reloadAction() const { return m_reloadAction; }

    // The runs as the table shows them (filtered and sorted), and the selected ones.
    std::vector<RunRecord> shownRuns() const;
    std::vector<RunRecord> selectedRuns() const;
    // Selects these rows of the table as shown (replacing the selection).
    void selectRows(const QList<int>& rows);
    void setFilter(const QString& text);

    // Writes the shown runs as CSV; shows errors, returns success.
    bool exportCsv(const QString& path);
    // Deletes these runs (their files too), without asking.
    void deleteRuns(const std::vector<std::string>& ids);

    QByteArray saveLayout() const;
    void restoreLayout(const QByteArray& layout);

Q_SIGNALS:
    void statusMessage(const QString& message);

private:
    void createActions();
    QWidget* makeTablePane();
    void onSelectionChanged();
    void onLoaded(const std::vector<RunRecord>& runs, const QStringList& warnings);
    void selectIds(const std::vector<std::string>& ids);
    void askAndDelete();

    RunRecorder* m_recorder;
    RunTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLineEdit* m_filter;
    QTableView* m_table;
    QLabel* m_folder;
    QTabWidget* m_tabs;
    RunCurvesView* m_curves;
    ClassComparisonView* m_comparison;
    QSplitter* m_splitter;
    QAction* m_exportCsvAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_reloadAction = nullptr;
};

} // namespace semrel::ui
