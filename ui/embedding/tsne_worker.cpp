// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "embedding/tsne_worker.h"

namespace semrel::ui {

void TsneWorker::registerMetaTypes()
{
    static const bool registered = [] {
        qRegisterMetaType<std::shared_ptr<const semrel::MapInput>>();
        qRegisterMetaType<semrel::TsneOptions>();
        qRegisterMetaType<semrel::TsneResult>();
        return true;
    }();
    Q_UNUSED(registered);
}

void TsneWorker::run(std::shared_ptr<const semrel::MapInput> input,
                     const semrel::TsneOptions& options)
{
    // An exception leaving a slot on this thread would end the process; report it instead.
    try {
        const auto onProgress = [this](double fraction, const std::string&) {
            Q_EMIT progress(fraction);
        };
        Q_EMIT finished(tsneMap(*input, options, onProgress, m_stop));
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
    } catch (...) {
        Q_EMIT failed(tr("t-SNE stopped on an unknown error."));
    }
}

} // namespace semrel::ui
