// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The Query view's exports: the chart as PNG or SVG, the similarities as CSV, and the button
// that offers them.
#include "chart_export.h"
#include "error_dialog.h"
#include "output_check.h"
#include "query/query_view.h"
#include "query/similarity_chart.h"

#include <semrel/reports/similarity_csv.h>

#include <QFileDialog>
#include <QMenu>
#include <QToolButton>

namespace semrel::ui {

QWidget* QueryView::makeExportButton(QWidget* parent)
{
    auto* exportButton = new QToolButton(parent);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(exportButton);
    const auto exportTo = [this](const QString& filter,
                                 QString (QueryView::*write)(const QString&) const) {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export Query"), QString(), filter);
        if (path.isEmpty())
            return;
        const QString error = (this->*write)(path);
        if (!error.isEmpty())
            showError(this, tr("Could not export"), error);
    };
    menu->addAction(tr("Chart as PNG…"), this,
                    [=] { exportTo(tr("PNG image (*.png)"), &QueryView::exportPng); });
    menu->addAction(tr("Chart as SVG…"), this,
                    [=] { exportTo(tr("SVG image (*.svg)"), &QueryView::exportSvg); });
    menu->addAction(tr("Similarities as CSV…"), this,
                    [=] { exportTo(tr("CSV table (*.csv)"), &QueryView::exportCsv); });
    exportButton->setMenu(menu);
    return exportButton;
}

QString QueryView::exportPng(const QString& path) const
{
    if (QString refusal = refusalToWrite(path, m_openFiles); !refusal.isEmpty())
        return refusal;
    return exportWidgetPng(m_chart, path);
}

QString QueryView::exportSvg(const QString& path) const
{
    if (QString refusal = refusalToWrite(path, m_openFiles); !refusal.isEmpty())
        return refusal;
    return exportWidgetSvg(m_chart, path, tr("SemRel Studio query: %1").arg(m_queryName));
}

QString QueryView::exportCsv(const QString& path) const
{
    if (QString refusal = refusalToWrite(path, m_openFiles); !refusal.isEmpty())
        return refusal;
    try {
        writeSimilarityCsv(m_similarities, m_trueClass, tau(), path.toStdString());
        return {};
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
}

} // namespace semrel::ui
