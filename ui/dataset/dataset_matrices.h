// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/exploration/class_deltas.h>

#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace semrel::ui {

using Order = std::vector<std::int32_t>;

// How the Dataset view's matrices order their classes.
enum class ClassOrder { BySimilarity, ByName, AsGiven };

// What the Dataset view's matrices draw from, prepared once per dataset off the GUI thread (about
// 0.2 s at 20,000 classes): δ on demand, the attribute shades, and the orders of classes and
// attributes, all from the core (core/exploration). Shared read-only with the matrices' jobs.
struct DatasetMatrices
{
    std::shared_ptr<const Dataset> data;
    std::shared_ptr<const ClassDeltas> deltas;
    std::shared_ptr<const FloatMatrix> shades; // [C, a] in [0, 1] per attribute
    std::shared_ptr<const QStringList> classNames;
    std::shared_ptr<const Order> bySimilarity;
    std::shared_ptr<const Order> byName;
    std::shared_ptr<const Order> asGiven;
    std::shared_ptr<const Order> attributesByCorrelation;
    std::shared_ptr<const Order> attributesAsGiven;

    const std::shared_ptr<const Order>& classOrder(ClassOrder order) const;
    // Correlated attributes together when classes go by similarity, else the dataset's order.
    const std::shared_ptr<const Order>& attributeOrder(ClassOrder order) const;
};

// Any thread. Throws what the core throws for a dataset without class embeddings.
DatasetMatrices prepareDatasetMatrices(std::shared_ptr<const Dataset> data);

} // namespace semrel::ui
