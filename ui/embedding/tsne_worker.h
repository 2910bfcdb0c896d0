// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include "embedding/embedding_metatypes.h"

#include <semrel/exploration/embedding_map.h>
#include <semrel/training/trainer.h>

#include <QObject>
#include <QString>

#include <memory>

namespace semrel::ui {

// Runs the core's t-SNE on the thread it lives on (a QThread owned by the EmbeddingView): turns
// its progress callback into signals and its exceptions into failed().
class TsneWorker : public QObject
{
    Q_OBJECT

public:
    // Registers the types of embedding_metatypes.h for queued connections. Idempotent.
    static void registerMetaTypes();

    // GUI thread only. Plain methods, not slots: a queued slot would wait behind the very loop
    // it is meant to stop.
    void requestStop() { m_stop.request(); }
    void prepareRun() { m_stop.reset(); }

public Q_SLOTS:
    void run(std::shared_ptr<const semrel::MapInput> input, const semrel::TsneOptions& options);

Q_SIGNALS:
    void progress(double fraction);
    void finished(const semrel::TsneResult& result);
    void failed(const QString& message);

private:
    StopFlag m_stop;
};

} // namespace semrel::ui
