// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "predictions/prediction_table_model.h"

#include "predictions/thumbnail_cache.h"

#include <QBrush>
#include <QColor>

namespace semrel::ui {

PredictionTableModel::PredictionTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void PredictionTableModel::setResult(std::shared_ptr<const EvaluationResult> result,
                                     const QStringList& classNames)
{
    beginResetModel();
    m_result = std::move(result);
    m_classNames = classNames;
    endResetModel();
}

void PredictionTableModel::setThumbnails(ThumbnailCache* thumbnails)
{
    if (m_thumbnails)
        disconnect(m_thumbnails, nullptr, this, nullptr);
    m_thumbnails = thumbnails;
    // Decoded in the background: the rows that waited for theirs ask again.
    if (m_thumbnails)
        connect(m_thumbnails, &ThumbnailCache::thumbnailsReady, this,
                &PredictionTableModel::refreshThumbnails);
    refreshThumbnails();
}

void PredictionTableModel::refreshThumbnails()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, SampleColumn), index(rowCount() - 1, SampleColumn),
                           {Qt::DecorationRole});
}

const Prediction* PredictionTableModel::prediction(int row) const
{
    if (!m_result || row < 0 || row >= rowCount())
        return nullptr;
    const auto zslCount = static_cast<int>(m_result->zslPredictions.size());
    return row < zslCount ? &m_result->zslPredictions[static_cast<std::size_t>(row)]
                          : &m_result->gzslPredictions[static_cast<std::size_t>(row - zslCount)];
}

Setting PredictionTableModel::setting(int row) const
{
    return m_result && row < static_cast<int>(m_result->zslPredictions.size()) ? Setting::Zsl
                                                                               : Setting::Gzsl;
}

int PredictionTableModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || !m_result)
        return 0;
    return static_cast<int>(m_result->zslPredictions.size() + m_result->gzslPredictions.size());
}

int PredictionTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PredictionTableModel::className(std::int32_t c) const
{
    return c >= 0 && c < m_classNames.size() ? m_classNames[c] : QString::number(c);
}

QVariant PredictionTableModel::displayData(const Prediction& p, int row, int column) const
{
    switch (column) {
    case SampleColumn:
        return QVariant::fromValue<qint64>(p.sample);
    case TrueClassColumn:
        return className(p.trueClass);
    case PredictedClassColumn:
        return className(p.predictedClass);
    case ScoreColumn:
        return static_cast<double>(p.score);
    case CorrectColumn:
        return p.trueClass == p.predictedClass ? tr("right") : tr("wrong");
    case SettingColumn:
        return setting(row) == Setting::Zsl ? tr("ZSL") : tr("GZSL");
    default:
        return {};
    }
}

QVariant PredictionTableModel::data(const QModelIndex& index, int role) const
{
    const Prediction* p =
        index.isValid() && index.column() < ColumnCount ? prediction(index.row()) : nullptr;
    if (!p)
        return {};
    const bool correct = p->trueClass == p->predictedClass;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*p, index.row(), index.column());
    case Qt::ToolTipRole:
        return index.column() == ScoreColumn ? tr("cosine with the predicted class") : QVariant();
    case Qt::DecorationRole:
        if (index.column() == SampleColumn && m_thumbnails)
            return m_thumbnails->thumbnail(p->sample);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == CorrectColumn)
            return QBrush(correct ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        return {};
    case SampleRole:
        return QVariant::fromValue<qint64>(p->sample);
    case TrueClassRole:
        return p->trueClass;
    case PredictedClassRole:
        return p->predictedClass;
    case CorrectRole:
        return correct;
    case SettingRole:
        return static_cast<int>(setting(index.row()));
    default:
        return {};
    }
}

QVariant PredictionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SampleColumn:
        return tr("Sample");
    case TrueClassColumn:
        return tr("True class");
    case PredictedClassColumn:
        return tr("Predicted");
    case ScoreColumn:
        return tr("Score");
    case CorrectColumn:
        return tr("Outcome");
    case SettingColumn:
        return tr("Setting");
    default:
        return {};
    }
}

} // namespace semrel::ui
