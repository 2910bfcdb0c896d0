// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "status_panel.h"

#include "dataset/tuning_splits_note.h"
#include "process_memory.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

#include <thread>

namespace semrel::ui {

namespace {

QLabel* field(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setFrameShape(QFrame::StyledPanel);
    label->setFrameShadow(QFrame::Sunken);
    label->setContentsMargins(4, 0, 4, 0);
    return label;
}

} // namespace

StatusPanel::StatusPanel(QWidget* parent)
    : QWidget(parent), m_dataset(field(QStringLiteral("statusDataset"), this)),
      m_model(field(QStringLiteral("statusModel"), this)),
      m_threads(field(QStringLiteral("statusThreads"), this)),
      m_memory(field(QStringLiteral("statusMemory"), this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_dataset, 1);
    layout->addWidget(m_model);
    layout->addWidget(m_threads);
    layout->addWidget(m_memory);
    clearDataset();
    setModel(tr("no model"));
    setThreadsInUse(0);
    refreshMemory();
    m_memoryTimer.setInterval(kMemoryRefreshMs);
    connect(&m_memoryTimer, &QTimer::timeout, this, &StatusPanel::refreshMemory);
    m_memoryTimer.start();
}

void StatusPanel::setDataset(const DatasetSummary& s)
{
    const QLocale locale;
    m_dataset->setText(tr("%1 · %2 classes (%3 seen, %4 unseen) · %5 samples · d %6 · a %7")
                           .arg(QString::fromStdString(s.name))
                           .arg(s.classes)
                           .arg(s.seenClasses)
                           .arg(s.unseenClasses)
                           .arg(locale.toString(static_cast<qlonglong>(s.samples)))
                           .arg(s.featureDim)
                           .arg(s.embeddingDim));
    QString tip = QString::fromStdString(s.source);
    // The tuning splits' restriction (tuning_splits.h), said where the user sees the dataset.
    const TuningSplitCounts& t = s.tuningSplits;
    if (t.train != t.trainInTrainval || t.val != t.valInTrainval) {
        m_dataset->setText(
            m_dataset->text() +
            tr(" · tuning: trainval samples only (%1 of train, %2 of val left out)")
                .arg(locale.toString(static_cast<qlonglong>(t.train - t.trainInTrainval)))
                .arg(locale.toString(static_cast<qlonglong>(t.val - t.valInTrainval))));
        tip += QLatin1Char('\n') + tuningSplitsNote(t);
    }
    m_dataset->setToolTip(tip);
}

void StatusPanel::clearDataset()
{
    m_dataset->setText(tr("no dataset"));
    m_dataset->setToolTip({});
}

void StatusPanel::setModel(const QString& description)
{
    m_model->setText(tr("Model: %1").arg(description));
}

void StatusPanel::setThreadsInUse(int threads)
{
    const int cores = static_cast<int>(std::thread::hardware_concurrency());
    m_threads->setText(threads > 0 ? tr("Training threads: %1 of %2 cores").arg(threads).arg(cores)
                                   : tr("Idle · %1 cores").arg(cores));
}

void StatusPanel::refreshMemory()
{
    const qint64 bytes = residentMemoryBytes();
    m_memory->setText(bytes < 0 ? tr("Memory: n/a")
                                : tr("Memory: %1").arg(QLocale().formattedDataSize(bytes)));
}

QString StatusPanel::datasetText() const
{
    return m_dataset->text();
}

QString StatusPanel::modelText() const
{
    return m_model->text();
}

QString StatusPanel::threadsText() const
{
    return m_threads->text();
}

QString StatusPanel::memoryText() const
{
    return m_memory->text();
}

} // namespace semrel::ui
