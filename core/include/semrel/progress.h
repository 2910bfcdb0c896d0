// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/errors.h>

#include <atomic>
#include <functional>
#include <string>
#include <utility>

namespace semrel {

// Reports how far a long operation is: fraction in [0, 1] and a short stage text such as
// "reading features". Called on the thread doing the work; it must be cheap and must not throw,
// except where a function says that its progress may throw Cancelled to end it early (the
// readers of datasets: readDatasetFile, importXlsa17, loadDataset). Such a function lets
// Cancelled through and holds nothing open afterwards.
using ProgressCallback = std::function<void(double fraction, const std::string& stage)>;

// Set from any thread; long operations check it between steps (the trainer between batches,
// t-SNE between iterations, the dataset readers through cancellableProgress()).
class StopFlag
{
public:
    void request() { m_requested.store(true); }
    void reset() { m_requested.store(false); }
    bool isRequested() const { return m_requested.load(); }

private:
    std::atomic<bool> m_requested{false};
};

// `progress` (which may be empty) preceded by a look at `stop`: once a stop is requested, the
// callback throws Cancelled instead of reporting. For the functions whose progress may throw
// (above). `stop` must outlive the callback.
inline ProgressCallback cancellableProgress(const StopFlag& stop, ProgressCallback progress = {})
{
    return [&stop, progress = std::move(progress)](double fraction, const std::string& stage) {
        if (stop.isRequested())
            throw Cancelled("stopped on request while " + stage);
        if (progress)
            progress(fraction, stage);
    };
}

} // namespace semrel
