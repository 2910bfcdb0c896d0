// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/evaluation/evaluator.h>

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>

namespace semrel::ui {

class ThumbnailCache;

// The two evaluation settings of the Xian et al. protocol a prediction can come from.
enum class Setting { Zsl, Gzsl };

// One row per test prediction of an EvaluationResult: the ZSL predictions (test_unseen among the
// unseen classes) then the GZSL ones (test_unseen and test_seen among all classes). Numbers are
// returned as numbers so that a proxy sorts them; every data() call is bounds-checked; the model
// resets itself when a new result arrives. The sample column shows a thumbnail when a
// ThumbnailCache is set (decoded in the background on first display, so only visible rows cost
// anything).
class PredictionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SampleColumn,
        TrueClassColumn,
        PredictedClassColumn,
        ScoreColumn,
        CorrectColumn,
        SettingColumn,
        ColumnCount
    };
    // Raw values for filters, whatever the display text.
    enum Role {
        SampleRole = Qt::UserRole + 1, // qint64 dataset index
        TrueClassRole,                 // int class index
        PredictedClassRole,            // int class index
        CorrectRole,                   // bool
        SettingRole                    // int(Setting)
    };

    explicit PredictionTableModel(QObject* parent = nullptr);

    // `classNames` has one entry per class of the dataset. nullptr clears.
    void setResult(std::shared_ptr<const EvaluationResult> result, const QStringList& classNames);
    // Not owned; nullptr for no thumbnails.
    void setThumbnails(ThumbnailCache* thumbnails);

    const EvaluationResult* result() const { return m_result.get(); }
    // The prediction behind a source row, or nullptr when out of range.
    const Prediction* prediction(int row) const;
    Setting setting(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString className(std::int32_t c) const;
    QVariant displayData(const Prediction& p, int row, int column) const;

    std::shared_ptr<const EvaluationResult> m_result;
    QStringList m_classNames;
    void refreshThumbnails();

    ThumbnailCache* m_thumbnails = nullptr;
};

} // namespace semrel::ui
