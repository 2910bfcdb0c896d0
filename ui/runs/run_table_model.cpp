// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "runs/run_table_model.h"

#include <semrel/runs/run_comparison.h>

#include <QDateTime>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace semrel::ui {

namespace {

QString percent(double fraction)
{
    return std::isnan(fraction) ? QString() : QString::number(100.0 * fraction, 'f', 1);
}

QVariant number(double value)
{
    return std::isnan(value) ? QVariant() : QVariant(value);
}

bool network(const RunRecord& r)
{
    return !isClosedForm(r.config.method);
}

QString closedFormText(const TrainingConfig& c)
{
    if (c.method == Method::Eszsl)
        return QStringLiteral("γ %1, λ %2").arg(c.eszslGamma).arg(c.eszslLambda);
    if (c.method == Method::Sae)
        return QStringLiteral("λ %1, %2")
            .arg(c.saeLambda)
            .arg(c.saeDirection == SaeDirection::VisualToSemantic ? QStringLiteral("v→s")
                                                                  : QStringLiteral("s→v"));
    return {};
}

QString createdText(const std::string& iso)
{
    const QDateTime t = QDateTime::fromString(QString::fromStdString(iso), Qt::ISODateWithMs);
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                       : QString::fromStdString(iso);
}

} // namespace

RunTableModel::RunTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunTableModel::setRuns(std::vector<RunRecord> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    relabel();
    endResetModel();
}

void RunTableModel::addRun(const RunRecord& run)
{
    for (const RunRecord& known : m_runs)
        if (known.id == run.id) {
            replaceRun(run);
            return;
        }
    const int row = static_cast<int>(m_runs.size());
    beginInsertRows({}, row, row);
    m_runs.push_back(run);
    relabel();
    endInsertRows();
    // Labels of the other rows may change with a new run beside them.
    Q_EMIT dataChanged(index(0, LabelColumn), index(rowCount() - 1, LabelColumn));
}

void RunTableModel::replaceRun(const RunRecord& run)
{
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].id == run.id) {
            m_runs[i] = run;
            relabel();
            const int row = static_cast<int>(i);
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
}

void RunTableModel::removeRuns(const std::vector<std::string>& ids)
{
    beginResetModel();
    m_runs.erase(std::remove_if(m_runs.begin(), m_runs.end(),
                                [&](const RunRecord& r) {
                                    return std::find(ids.begin(), ids.end(), r.id) != ids.end();
                                }),
                 m_runs.end());
    relabel();
    endResetModel();
}

const RunRecord* RunTableModel::runAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_runs[static_cast<std::size_t>(row)] : nullptr;
}

QString RunTableModel::labelAt(int row) const
{
    return row >= 0 && row < rowCount() ? QString::fromStdString(m_labels[std::size_t(row)])
                                        : QString();
}

void RunTableModel::relabel()
{
    m_labels = distinguishingLabels(m_runs);
}

int RunTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const
{
    const RunRecord* run = index.isValid() ? runAt(index.row()) : nullptr;
    if (!run || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*run, index.row(), index.column());
    case kSortRole:
        return sortKey(*run, index.row(), index.column());
    case kIdRole:
        return QString::fromStdString(run->id);
    case Qt::ToolTipRole:
        if (index.column() == ModelColumn)
            return QString::fromStdString(run->modelPath);
        if (index.column() == LabelColumn)
            return QStringLiteral("%1, %2").arg(QString::fromStdString(run->source),
                                                QString::fromStdString(run->createdAt));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() >= TauColumn && index.column() <= SecondsColumn &&
                       index.column() != AttributeStatsColumn && index.column() != ClosedFormColumn
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant RunTableModel::display(const RunRecord& r, int row, int column) const
{
    const TrainingConfig& c = r.config;
    switch (column) {
    case CreatedColumn:
        return createdText(r.createdAt);
    case KindColumn:
        return QString::fromUtf8(runKindName(r.kind));
    case DatasetColumn:
        return QString::fromStdString(r.dataset);
    case MethodColumn:
        return QString::fromUtf8(methodName(c.method));
    case LabelColumn:
        return labelAt(row);
    case TauColumn:
        return network(r) ? QString::number(effectiveTau(c)) : QString();
    case Lambda1Column:
        return network(r) ? QString::number(effectiveLambda1(c)) : QString();
    case Lambda2Column:
        return network(r) ? QString::number(effectiveLambda2(c)) : QString();
    case AttributeStatsColumn:
        return network(r) ? QString::fromUtf8(attributeStatsName(c.attributeStats)) : QString();
    case ClosedFormColumn:
        return closedFormText(c);
    case SeedColumn:
        return network(r) ? QString::number(c.seed) : QString();
    case EpochsColumn:
        return r.epochs;
    case ValidationColumn:
        return percent(r.validationAccuracy);
    case ZslColumn:
        return percent(r.zslAccuracy);
    case TsColumn:
        return percent(r.gzslUnseen);
    case TrColumn:
        return percent(r.gzslSeen);
    case HColumn:
        return percent(r.gzslH);
    case AusucColumn:
        return percent(r.ausuc);
    case GammaColumn:
        return std::isnan(r.calibration.gamma) ? QString()
                                               : QString::number(r.calibration.gamma, 'g', 3);
    case CalibratedHColumn:
        return percent(r.calibrated.harmonic);
    case SecondsColumn:
        return QString::number(r.seconds, 'f', r.seconds < 10 ? 2 : 0);
    case ModelColumn:
        return QFileInfo(QString::fromStdString(r.modelPath)).fileName();
    default:
        return {};
    }
}

QVariant RunTableModel::sortKey(const RunRecord& r, int row, int column) const
{
    switch (column) {
    case CreatedColumn:
        return QString::fromStdString(r.createdAt);
    case TauColumn:
    case Lambda1Column:
    case Lambda2Column:
    case SeedColumn: {
        const QVariant text = display(r, row, column);
        return text.toString().isEmpty() ? QVariant() : QVariant(text.toString().toDouble());
    }
    case EpochsColumn:
        return r.epochs;
    case ValidationColumn:
        return number(r.validationAccuracy);
    case ZslColumn:
        return number(r.zslAccuracy);
    case TsColumn:
        return number(r.gzslUnseen);
    case TrColumn:
        return number(r.gzslSeen);
    case HColumn:
        return number(r.gzslH);
    case AusucColumn:
        return number(r.ausuc);
    case GammaColumn:
        return number(r.calibration.gamma);
    case CalibratedHColumn:
        return number(r.calibrated.harmonic);
    case SecondsColumn:
        return r.seconds;
    default:
        return display(r, row, column);
    }
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* const names[ColumnCount] = {
        QT_TR_NOOP("Created"),     QT_TR_NOOP("Kind"),     QT_TR_NOOP("Dataset"),
        QT_TR_NOOP("Method"),      QT_TR_NOOP("Label"),    QT_TR_NOOP("τ"),
        QT_TR_NOOP("λ1"),          QT_TR_NOOP("λ2"),       QT_TR_NOOP("Attributes"),
        QT_TR_NOOP("ESZSL / SAE"), QT_TR_NOOP("Seed"),     QT_TR_NOOP("Epochs"),
        QT_TR_NOOP("Val %"),       QT_TR_NOOP("ZSL %"),    QT_TR_NOOP("ts %"),
        QT_TR_NOOP("tr %"),        QT_TR_NOOP("H %"),      QT_TR_NOOP("AUSUC %"),
        QT_TR_NOOP("γ"),           QT_TR_NOOP("H at γ %"), QT_TR_NOOP("Time (s)"),
        QT_TR_NOOP("Model")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace semrel::ui
