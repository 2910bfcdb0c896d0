// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "runs/runs_view.h"

#include "error_dialog.h"
#include "runs/class_comparison_view.h"
#include "runs/run_curves_view.h"
#include "runs/run_recorder.h"
#include "runs/run_table_model.h"

#include <semrel/runs/runs_csv.h>

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace semrel::ui {

RunsView::RunsView(const QString& folder, QWidget* parent)
    : QWidget(parent), m_recorder(new RunRecorder(folder, this)), m_model(new RunTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_filter(new QLineEdit(this)),
      m_table(new QTableView(this)), m_folder(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_curves(new RunCurvesView(this)), m_comparison(new ClassComparisonView(this)),
      m_splitter(new QSplitter(Qt::Vertical, this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(RunTableModel::kSortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    createActions();
    m_tabs->addTab(m_curves, tr("Curves"));
    m_tabs->addTab(m_comparison, tr("Compare two runs"));
    m_splitter->addWidget(makeTablePane());
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);

    connect(m_recorder, &RunRecorder::loaded, this, &RunsView::onLoaded);
    connect(m_recorder, &RunRecorder::recorded, m_model, &RunTableModel::addRun);
    connect(m_recorder, &RunRecorder::updated, m_model, &RunTableModel::replaceRun);
    connect(m_recorder, &RunRecorder::failed, this, [this](const QString& message) {
        qWarning("runs: %s", qPrintable(message));
        Q_EMIT statusMessage(message);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunsView::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &RunsView::onSelectionChanged);
    m_recorder->load();
}

void RunsView::createActions()
{
    m_exportCsvAction = new QAction(tr("Export Runs as CSV…"), this);
    m_exportCsvAction->setIconText(tr("Export CSV…"));
    m_deleteAction = new QAction(tr("Delete Selected Runs…"), this);
    m_deleteAction->setIconText(tr("Delete…"));
    m_deleteAction->setEnabled(false);
    connect(m_exportCsvAction, &QAction::triggered, this, [this] {
        QString path = QFileDialog::getSaveFileName(this, tr("Export Runs"), QDir::homePath(),
                                                    tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".csv");
        exportCsv(path);
    });
    connect(m_deleteAction, &QAction::triggered, this, &RunsView::askAndDelete);
    m_reloadAction = new QAction(tr("Reload Runs"), this);
    m_reloadAction->setIconText(tr("Reload"));
    m_reloadAction->setToolTip(tr("Read the runs folder again (the view also follows it by itself: "
                                  "runs the command line adds appear within a second)"));
    connect(m_reloadAction, &QAction::triggered, m_recorder, &RunRecorder::load);
}

QWidget* RunsView::makeTablePane()
{
    m_filter->setPlaceholderText(tr("Filter: dataset, method, label, kind…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &RunsView::setFilter);
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RunTableModel::CreatedColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setWordWrap(false);
    m_folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_folder->setText(tr("Runs folder: %1").arg(QDir::toNativeSeparators(m_recorder->folder())));
    m_folder->setToolTip(tr("semrel train, tune, eval and reproduce add runs here with "
                            "--runs-dir this folder, or with SEMREL_RUNS_DIR set to it."));
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    for (QAction* action : {m_reloadAction, m_deleteAction, m_exportCsvAction}) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(button);
    }
    auto* pane = new QWidget(this);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_folder);
    return pane;
}

void RunsView::onLoaded(const std::vector<RunRecord>& runs, const QStringList& warnings)
{
    // The folder is read again whenever it changes: keep the selection and the column widths.
    std::vector<std::string> selectedIds;
    for (const RunRecord& run : selectedRuns())
        selectedIds.push_back(run.id);
    const bool firstRuns = m_model->rowCount() == 0;
    m_model->setRuns(runs);
    selectIds(selectedIds);
    if (firstRuns)
        m_table->resizeColumnsToContents();
    for (const QString& w : warnings)
        qWarning("runs: %s", qPrintable(w));
    if (!warnings.isEmpty())
        Q_EMIT statusMessage(
            tr("%n run file(s) could not be read and were left out", nullptr, warnings.size()));
}

std::vector<RunRecord> RunsView::shownRuns() const
{
    std::vector<RunRecord> runs;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        runs.push_back(*m_model->runAt(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    return runs;
}

std::vector<RunRecord> RunsView::selectedRuns() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    std::vector<RunRecord> runs;
    for (const QModelIndex& index : rows)
        if (const RunRecord* run = m_model->runAt(m_proxy->mapToSource(index).row()))
            runs.push_back(*run);
    return runs;
}

void RunsView::selectRows(const QList<int>& rows)
{
    QItemSelection selection;
    for (int row : rows)
        selection.select(m_proxy->index(row, 0),
                         m_proxy->index(row, RunTableModel::ColumnCount - 1));
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

void RunsView::selectIds(const std::vector<std::string>& ids)
{
    QList<int> rows;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QString id = m_proxy->index(row, 0).data(RunTableModel::kIdRole).toString();
        if (std::find(ids.begin(), ids.end(), id.toStdString()) != ids.end())
            rows << row;
    }
    selectRows(rows);
}

void RunsView::setFilter(const QString& text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
}

void RunsView::onSelectionChanged()
{
    const std::vector<RunRecord> selected = selectedRuns();
    m_deleteAction->setEnabled(!selected.empty());
    m_curves->setRuns(selected);
    if (selected.size() != 2) {
        m_comparison->clear();
        return;
    }
    const std::vector<std::string> labels = distinguishingLabels(selected);
    m_comparison->compare(selected[0], selected[1], QString::fromStdString(labels[0]),
                          QString::fromStdString(labels[1]));
}

bool RunsView::exportCsv(const QString& path)
{
    try {
        writeRunsCsv(shownRuns(), path.toStdString());
    } catch (const std::exception& e) {
        showError(this, tr("Export Runs"), QString::fromUtf8(e.what()));
        return false;
    }
    Q_EMIT statusMessage(tr("Runs exported to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void RunsView::deleteRuns(const std::vector<std::string>& ids)
{
    m_recorder->remove(ids);
    m_model->removeRuns(ids);
}

void RunsView::askAndDelete()
{
    std::vector<std::string> ids;
    for (const RunRecord& run : selectedRuns())
        ids.push_back(run.id);
    if (ids.empty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete Runs"),
        tr("Delete %n run(s) from the runs folder? Their model files are kept.", nullptr,
           static_cast<int>(ids.size())));
    if (answer == QMessageBox::Yes)
        deleteRuns(ids);
}

QByteArray RunsView::saveLayout() const
{
    return m_splitter->saveState();
}

void RunsView::restoreLayout(const QByteArray& layout)
{
    if (!layout.isEmpty())
        m_splitter->restoreState(layout);
}

} // namespace semrel::ui
