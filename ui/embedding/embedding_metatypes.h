// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/exploration/embedding_map.h>

#include <QMetaType>

#include <memory>

// The value types the t-SNE worker's queued signals carry. Declared before any header that
// names them in a signal, so that moc's code sees the declarations.
Q_DECLARE_METATYPE(std::shared_ptr<const semrel::MapInput>)
Q_DECLARE_METATYPE(semrel::TsneOptions)
Q_DECLARE_METATYPE(semrel::TsneResult)
